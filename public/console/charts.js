// @ts-check
/**
 * Chart.js (served by us from node_modules at /console/vendor/chart.umd.min.js) with the console's defaults,
 * and an accessible twin for every chart: a one-sentence aria-label and a "표로 보기" table of the same numbers.
 */
import { h } from './dom.js';

/** @typedef {import('chart.js').ChartConfiguration} ChartConfiguration */

/** The UMD build defines `window.Chart`; index.html loads it (deferred) before this module runs. */
const Chart = /** @type {typeof import('chart.js').Chart} */ (/** @type {any} */ (window).Chart);

/** One colour per outcome bucket, used by every chart. */
export const COLORS = {
  answered: '#2563eb',
  clarified: '#f59e0b',
  fallback: '#dc2626',
  out_of_scope: '#0d9488',
  handoff: '#7c3aed',
  other: '#94a3b8',
  step: '#0ea5e9',
  completed: '#16a34a',
  abandoned: '#9ca3af',
  latency: '#0f766e',
};

/** Fonts and behaviour for every chart: the page's Korean font, no animation (a dashboard, not a show). */
export function setUpCharts() {
  if (!Chart) throw new Error('Chart.js did not load (/console/vendor/chart.umd.min.js)');
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#334155';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.responsive = true;
  Chart.defaults.plugins.legend.labels.boxWidth = 12;
}

/**
 * (Re)draw a chart on a canvas and describe it for people who cannot see it.
 * @param {HTMLCanvasElement} canvas
 * @param {ChartConfiguration} config
 * @param {{summary: string, headers: string[], rows: (string | number)[][]}} text
 */
export function drawChart(canvas, config, text) {
  Chart.getChart(canvas)?.destroy();
  new Chart(canvas, config);
  canvas.setAttribute('aria-label', text.summary);
  const panel = /** @type {HTMLElement} */ (canvas.closest('.panel'));
  panel.querySelector('details.as-table')?.remove();
  panel.append(dataTable(text.headers, text.rows));
}

/** @param {string[]} headers @param {(string | number)[][]} rows */
function dataTable(headers, rows) {
  return h(
    'details',
    { class: 'as-table' },
    h('summary', null, '표로 보기'),
    h(
      'table',
      null,
      h('thead', null, h('tr', null, ...headers.map((cell) => h('th', { scope: 'col' }, cell)))),
      h('tbody', null, ...rows.map((row) => h('tr', null, ...row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', null, cell)))))),
    ),
  );
}
