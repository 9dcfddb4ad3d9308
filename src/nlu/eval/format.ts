/** Human-readable evaluation report: summary, per-intent table, confusion matrix, misclassified list. */
import { pct, type EvalReport } from './metrics';
import type { SweepResult } from './sweep';

const short = (intent: string) => intent.replace(/^faq\./, '');

/**
 * Format a report for the terminal.
 * @example console.log(formatReport(report(predictions)).join('\n'))
 */
export function formatReport(r: EvalReport, title = 'NLU evaluation'): string[] {
  const lines = [
    `${title}: ${r.total} utterances`,
    `  overall accuracy        ${pct(r.accuracy).padStart(6)}  (target ≥ ${pct(r.targets.overall)})`,
    `  in-scope top-1 accuracy ${pct(r.inScopeAccuracy).padStart(6)}  (target ≥ ${pct(r.targets.inScopeAccuracy)})`,
    `  out-of-scope rejection  ${pct(r.oosRejection).padStart(6)}  (target ≥ ${pct(r.targets.oosRejection)})`,
    `  clarification asked     ${pct(r.clarifyRate).padStart(6)}`,
    '',
    `  ${'intent'.padEnd(22)} support  precision  recall     F1`,
    ...r.perIntent.map((s) => `  ${s.intent.padEnd(22)} ${String(s.support).padStart(7)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1).padStart(6)}`),
    '',
    ...formatConfusion(r.confusion),
    '',
    `  misclassified (${r.misclassified.length}):`,
    ...r.misclassified.map((m) => `    ${m.line ? `line ${m.line}: ` : ''}${m.expected} → ${m.predicted} (${m.score.toFixed(2)})  ${m.text}`),
    '',
    r.failures.length ? `✗ below target: ${r.failures.join('; ')}` : '✓ all targets met',
  ];
  return lines;
}

function formatConfusion({ labels, matrix }: EvalReport['confusion']): string[] {
  const names = labels.map(short);
  const width = Math.max(4, ...names.map((n) => n.length));
  const cell = (s: string) => s.padStart(5);
  return [
    '  confusion (rows: expected, columns: predicted in the same order)',
    `  ${''.padEnd(width)} ${names.map((_, i) => cell(`#${i + 1}`)).join('')}`,
    ...matrix.map((row, i) => `  ${`#${i + 1} ${names[i]}`.padEnd(width + 4)}${row.map((n) => cell(n ? String(n) : '.')).join('')}`),
  ];
}

/**
 * Format a sweep's pick; `names` label the sets in the order they were swept.
 * @example formatSweep(sweep([rows]), ['test/nlu/dev.tsv']).join('\n')
 */
export function formatSweep(s: SweepResult, names: string[]): string[] {
  const t = s.thresholds;
  return [
    `best thresholds on ${names.join(' + ')}:`,
    `  minScore ${t.minScore}  confident ${t.confident}  minSimilarity ${t.minSimilarity}  clarifyMargin ${t.clarifyMargin}  clarifyMinSecond ${t.clarifyMinSecond}`,
    ...s.sets.map((r, i) =>
      r.v2
        ? `  ${(names[i] ?? `set ${i + 1}`).padEnd(14)} overall ${pct(r.accuracy)}  in-scope ${pct(r.v2.inScope)}  out of scope kept ${pct(r.v2.oosKept)}  near-domain kept ${pct(r.v2.nearKept)}  handoff ${pct(r.v2.handoff)}`
        : `  ${(names[i] ?? `set ${i + 1}`).padEnd(14)} overall ${pct(r.accuracy)}  in-scope ${pct(r.inScopeAccuracy)}  out-of-scope rejection ${pct(r.oosRejection)}`,
    ),
    `  targets ${s.meetsTargets ? 'met on every set' : 'NOT met on every set'}`,
    `  clarification: ${s.rescued} rescued (first guess wrong, second right), ${s.needless} needless`,
  ];
}
