// @ts-check
/**
 * 개요: totals, turns per day, outcome shares, top intents, top out-of-scope topics (what the FAQ does not cover), the
 * password-reset funnel and p95 latency for a date range.
 */
import { api, problem } from './api.js';
import { COLORS, drawChart } from './charts.js';
import { $, byId, formatNumber, FUNNEL, h, kstDay, nameOf, OUTCOMES, percent, shortDay } from './dom.js';

/** @typedef {import('./api.js').Stats} Stats */

/** The stats buckets the charts show, in this order. */
const BUCKETS = /** @type {const} */ (['answered', 'clarified', 'fallback', 'out_of_scope', 'handoff', 'other']);

const form = byId('range-form', HTMLFormElement);
const fromInput = byId('range-from', HTMLInputElement);
const toInput = byId('range-to', HTMLInputElement);
const rangeError = $('range-error');
let loaded = false;

/** Wire the date range picker. */
export function initOverview() {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load(fromInput.value, toInput.value);
  });
  for (const button of form.querySelectorAll('[data-days]')) {
    button.addEventListener('click', () => {
      const days = Number(/** @type {HTMLElement} */ (button).dataset.days);
      void load(kstDay(days - 1), kstDay(0));
    });
  }
}

/** Shown when the tab opens; the first time it loads the server's default range (the last 14 days). */
export async function showOverview() {
  if (!loaded) await load();
}

/** @param {string} [from] @param {string} [to] */
async function load(from, to) {
  rangeError.hidden = true;
  if (from !== undefined && (!from || !to || from > to)) {
    showRangeError(!from || !to ? '시작일과 종료일을 모두 골라 주세요.' : '시작일이 종료일보다 늦어요.');
    return;
  }
  try {
    const query = from ? `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(/** @type {string} */ (to))}` : '';
    /** @type {Stats} */
    const stats = await api(`stats${query}`);
    loaded = true;
    render(stats);
  } catch (err) {
    showRangeError(problem(err));
  }
}

/** @param {string} message */
function showRangeError(message) {
  rangeError.textContent = message;
  rangeError.hidden = false;
}

/** @param {Stats} stats */
function render(stats) {
  fromInput.value = stats.from;
  toInput.value = stats.to;
  $('range-label').textContent = `${stats.from} ~ ${stats.to} (한국 시간)${stats.totals.turns ? '' : ' · 이 기간에는 대화가 없어요.'}`;
  renderKpis(stats);
  drawDays(stats);
  drawShares(stats);
  drawIntents(stats);
  drawTopics(stats);
  drawFunnel(stats);
  drawLatency(stats);
}

/** @param {Stats} stats */
function renderKpis({ totals, latency }) {
  const kpi = (/** @type {string} */ label, /** @type {string} */ value, /** @type {string} */ hint, /** @type {string} */ key) =>
    h('div', { class: 'kpi', 'data-kpi': key }, h('span', { class: 'kpi-label' }, label), h('strong', null, value), h('span', { class: 'muted' }, hint));
  $('kpis').replaceChildren(
    kpi('대화 턴', formatNumber(totals.turns), totals.users === undefined ? '' : `사용자 ${formatNumber(totals.users)}명`, 'turns'),
    kpi('답변함', `${percent(totals.answered, totals.turns)}%`, `${formatNumber(totals.answered)}턴`, 'answered'),
    kpi('못 알아들음', `${percent(totals.fallback, totals.turns)}%`, `${formatNumber(totals.fallback)}턴`, 'fallback'),
    kpi('범위 밖 안내', `${percent(totals.out_of_scope, totals.turns)}%`, `${formatNumber(totals.out_of_scope)}턴`, 'out_of_scope'),
    kpi('응답 시간 p95', latency.p95Ms === null ? '—' : `${formatNumber(latency.p95Ms)} ms`, latency.p50Ms === null ? '' : `중앙값 ${formatNumber(latency.p50Ms)} ms`, 'p95'),
  );
}

/** @param {Stats} stats */
function drawDays({ days, totals }) {
  drawChart(
    byId('chart-days', HTMLCanvasElement),
    {
      type: 'bar',
      data: {
        labels: days.map((d) => shortDay(d.day)),
        datasets: BUCKETS.map((bucket) => ({ label: OUTCOMES[bucket], data: days.map((d) => d[bucket]), backgroundColor: COLORS[bucket], stack: 'turns' })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
    },
    {
      summary: `일별 대화 수: ${days.length}일 동안 모두 ${totals.turns}턴`,
      headers: ['날짜', '전체', ...BUCKETS.map((b) => OUTCOMES[b])],
      rows: days.map((d) => [d.day, d.turns, ...BUCKETS.map((b) => d[b])]),
    },
  );
}

/** @param {Stats} stats */
function drawShares({ totals }) {
  const counts = BUCKETS.map((b) => totals[b]);
  drawChart(
    byId('chart-shares', HTMLCanvasElement),
    {
      type: 'doughnut',
      data: { labels: BUCKETS.map((b) => OUTCOMES[b]), datasets: [{ data: counts, backgroundColor: BUCKETS.map((b) => COLORS[b]) }] },
      options: { plugins: { legend: { position: 'right' } } },
    },
    {
      summary: `결과 비율: ${BUCKETS.map((b) => `${OUTCOMES[b]} ${percent(totals[b], totals.turns)}%`).join(', ')}`,
      headers: ['결과', '턴', '비율'],
      rows: BUCKETS.map((b) => [OUTCOMES[b], totals[b], `${percent(totals[b], totals.turns)}%`]),
    },
  );
}

/** @param {Stats} stats */
function drawIntents({ topIntents }) {
  drawRanking('chart-intents', topIntents.map((t) => ({ id: t.intent, label: t.label, count: t.count })), COLORS.answered, '많이 묻는 질문', ['질문', '의도', '대화 수']);
}

/** The out-of-scope topics partners asked about most: answered honestly, but not covered by the FAQ. @param {Stats} stats */
function drawTopics({ topTopics }) {
  drawRanking('chart-topics', topTopics.map((t) => ({ id: t.topic, label: t.label, count: t.count })), COLORS.out_of_scope, 'FAQ에 없는 질문', ['주제', '주제 id', '대화 수']);
}

/**
 * A horizontal bar per intent or topic, most asked first, named by its label.
 * @param {string} canvasId @param {{id: string, label?: string, count: number}[]} top @param {string} color
 * @param {string} title for the description @param {string[]} headers of the table: name, id, count
 */
function drawRanking(canvasId, top, color, title, headers) {
  const labels = top.map((t) => t.label ?? t.id);
  drawChart(
    byId(canvasId, HTMLCanvasElement),
    {
      type: 'bar',
      data: { labels, datasets: [{ label: '대화 수', data: top.map((t) => t.count), backgroundColor: color, maxBarThickness: 28 }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
    },
    {
      summary: top.length ? `${title}: ${top.slice(0, 3).map((t, i) => `${labels[i]} ${t.count}번`).join(', ')}` : `${title}: 이 기간에는 없어요`,
      headers,
      rows: top.map((t, i) => [labels[i], t.id, t.count]),
    },
  );
}

/** @param {Stats} stats */
function drawFunnel({ funnel }) {
  const bars = [
    ...funnel.steps.map((s) => ({ key: s.step, count: s.count, color: COLORS.step })),
    { key: 'completed', count: funnel.completed, color: COLORS.completed },
    { key: 'abandoned', count: funnel.abandoned, color: COLORS.abandoned },
    { key: 'handedOff', count: funnel.handedOff, color: COLORS.handoff },
  ];
  const started = funnel.steps[0]?.count ?? 0;
  drawChart(
    byId('chart-funnel', HTMLCanvasElement),
    {
      type: 'bar',
      data: {
        labels: bars.map((b) => nameOf(FUNNEL, b.key)),
        datasets: [{ label: '횟수', data: bars.map((b) => b.count), backgroundColor: bars.map((b) => b.color), maxBarThickness: 28 }],
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
    },
    {
      summary: `비밀번호 재설정 안내: ${started}번 시작, ${funnel.completed}번 완료, ${funnel.abandoned}번 중단, ${funnel.handedOff}번 상담 연결`,
      headers: ['단계', '횟수', '시작 대비'],
      rows: bars.map((b) => [nameOf(FUNNEL, b.key), b.count, `${percent(b.count, started)}%`]),
    },
  );
}

/** @param {Stats} stats */
function drawLatency({ days, latency }) {
  drawChart(
    byId('chart-latency', HTMLCanvasElement),
    {
      type: 'line',
      data: {
        labels: days.map((d) => shortDay(d.day)),
        datasets: [{ label: 'p95 (ms)', data: days.map((d) => d.p95Ms), borderColor: COLORS.latency, backgroundColor: COLORS.latency, spanGaps: false, pointRadius: 3 }],
      },
      options: { scales: { x: { offset: true }, y: { beginAtZero: true, title: { display: true, text: 'ms' } } }, plugins: { legend: { display: false } } },
    },
    {
      summary: `응답 시간: 기간 전체 p95 ${latency.p95Ms ?? '—'} ms`,
      headers: ['날짜', 'p95 (ms)'],
      rows: days.map((d) => [d.day, d.p95Ms ?? '—']),
    },
  );
}
