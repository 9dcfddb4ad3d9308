/** Dev set v2 figures: right per row (also_ok, clarifications, "kept" for out of scope), per category, the issue's targets. */
import { NONE } from '../classifier';
import { isFaq } from '../labels';
import { pct, type Prediction } from './metrics';

/** Issue 10's targets on dev set v2 (and the hidden hard set). */
export interface FigureTargets {
  /** FAQ rows answered with their FAQ (or an also_ok label). */
  inScope: number;
  /** Out-of-scope rows (label None) kept from an FAQ answer. */
  oosKept: number;
  /** Near-domain rows (category `near`) kept from an FAQ answer. */
  nearKept: number;
  /** Requests for a person answered as `handoff`. */
  handoff: number;
}

export const V2_TARGETS: FigureTargets = { inScope: 0.95, oosKept: 0.92, nearKept: 0.9, handoff: 0.95 };

/** The categories of dev set v2, in report order (others found in a file are listed after them). */
export const CATEGORIES = ['long', 'voice', 'typo', 'konglish', 'paraphrase', 'negation', 'mixed', 'near', 'other', 'chitchat', 'noise', 'handoff', 'short'];

export interface CategoryScore {
  category: string;
  total: number;
  right: number;
  accuracy: number;
}

export interface Figures {
  total: number;
  overall: number;
  inScope: { total: number; right: number; accuracy: number };
  oosKept: { total: number; right: number; accuracy: number };
  nearKept: { total: number; right: number; accuracy: number };
  handoff: { total: number; right: number; accuracy: number };
  perCategory: CategoryScore[];
  targets: FigureTargets;
  failures: string[];
  /** Rows counted wrong, in file order. */
  wrong: Prediction[];
}

/**
 * Whether a prediction counts as right: the label or an also_ok label; for an also_ok row, a clarification
 * offering one of them; for an out-of-scope row (label None), any answer that is not an FAQ answer (None, an
 * out-of-scope topic, handoff, a clarification that does not pick an FAQ), unless also_ok allows that FAQ.
 * @example isRight({ expected: 'None', predicted: 'handoff', … }) // true
 */
export function isRight(p: Prediction): boolean {
  const ok = [p.expected, ...(p.alsoOk ?? [])];
  if (ok.includes(p.predicted)) return true;
  if (p.alsoOk?.length && p.kind === 'clarify' && (p.offered ?? []).some((i) => ok.includes(i))) return true;
  return p.expected === NONE && !isFaq(p.predicted);
}

function share(rows: Prediction[]) {
  const right = rows.filter(isRight).length;
  return { total: rows.length, right, accuracy: rows.length ? Math.round((right / rows.length) * 10_000) / 10_000 : 1 };
}

/**
 * The issue's figures on a categorized dev set, per category and overall, with the targets missed.
 * @example figures(predictions).inScope.accuracy
 */
export function figures(predictions: Prediction[], targets: FigureTargets = V2_TARGETS): Figures {
  const found = [...new Set(predictions.map((p) => p.category ?? 'uncategorized'))];
  const order = [...CATEGORIES.filter((c) => found.includes(c)), ...found.filter((c) => !CATEGORIES.includes(c)).sort()];
  const f = {
    inScope: share(predictions.filter((p) => isFaq(p.expected))),
    oosKept: share(predictions.filter((p) => p.expected === NONE)),
    nearKept: share(predictions.filter((p) => p.category === 'near')),
    handoff: share(predictions.filter((p) => p.expected === 'handoff')),
  };
  const failures = (Object.keys(f) as Array<keyof typeof f>)
    .filter((k) => f[k].total && f[k].accuracy < targets[k])
    .map((k) => `${k} ${pct(f[k].accuracy)} < ${pct(targets[k])}`);
  return {
    total: predictions.length,
    overall: share(predictions).accuracy,
    ...f,
    perCategory: order.map((category) => ({ category, ...share(predictions.filter((p) => (p.category ?? 'uncategorized') === category)) })),
    targets,
    failures,
    wrong: predictions.filter((p) => !isRight(p)),
  };
}

/**
 * Format the figures for the terminal: summary against the targets, per-category table, wrong rows.
 * @example formatFigures(figures(predictions)).join('\n')
 */
export function formatFigures(r: Figures, title = 'NLU evaluation'): string[] {
  const line = (name: string, s: { total: number; right: number; accuracy: number }, target?: number) =>
    `  ${name.padEnd(28)} ${pct(s.accuracy).padStart(6)}  ${`${s.right}/${s.total}`.padStart(9)}${target === undefined ? '' : `  (target ≥ ${pct(target)})`}`;
  return [
    `${title}: ${r.total} utterances, overall ${pct(r.overall)}`,
    line('in-scope (FAQ) answered', r.inScope, r.targets.inScope),
    line('out of scope kept from FAQ', r.oosKept, r.targets.oosKept),
    line('near-domain kept from FAQ', r.nearKept, r.targets.nearKept),
    line('handoff as handoff', r.handoff, r.targets.handoff),
    '',
    `  ${'category'.padEnd(12)} ${'right'.padStart(6)}  ${'n'.padStart(9)}`,
    ...r.perCategory.map((c) => `  ${c.category.padEnd(12)} ${pct(c.accuracy).padStart(6)}  ${`${c.right}/${c.total}`.padStart(9)}`),
    '',
    `  wrong (${r.wrong.length}):`,
    ...r.wrong.map((m) => `    ${m.line ? `line ${m.line}: ` : ''}[${m.category ?? '-'}] ${m.expected}${m.alsoOk?.length ? `|${m.alsoOk.join('|')}` : ''} → ${m.predicted}${m.kind === 'clarify' ? ` (asks ${(m.offered ?? []).join('/')})` : ''}${m.topic ? ` (${m.topic})` : ''} ${m.score.toFixed(2)}  ${m.text}`),
    '',
    r.failures.length ? `✗ below target: ${r.failures.join('; ')}` : '✓ all targets met',
  ];
}
