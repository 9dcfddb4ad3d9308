/** Evaluation metrics: per-intent precision/recall/F1, confusion matrix, accuracy, out-of-scope rejection, targets. */
import { NONE } from '../classifier';

export interface Prediction {
  text: string;
  expected: string;
  /** The final intent (what `/nlu/parse` answers): `None` when rejected, the first intent of a clarification. */
  predicted: string;
  score: number;
  kind: 'answer' | 'clarify' | 'none';
  line: number;
  /** Dev set v2: the row's category and its also_ok labels. */
  category?: string;
  alsoOk?: string[];
  /** What a clarification offered (best first). */
  offered?: string[];
  /** The out-of-scope topic recognised (e.g. `oos.certificate`). */
  topic?: string;
}

export interface IntentStats {
  intent: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Targets {
  inScopeAccuracy: number;
  oosRejection: number;
  overall: number;
}

/** The targets (issue 3): in-scope top-1 ≥ 96%, out-of-scope rejected ≥ 90%, overall ≥ 95%. */
export const TARGETS: Targets = { inScopeAccuracy: 0.96, oosRejection: 0.9, overall: 0.95 };

/** Issue 10: the first held-out set (dev set v1, as typed) stays ≥ 98% on every figure; its typo and no-space copies keep TARGETS. */
export const V1_TARGETS: Targets = { inScopeAccuracy: 0.98, oosRejection: 0.98, overall: 0.98 };

export interface EvalReport {
  total: number;
  accuracy: number;
  inScopeAccuracy: number;
  oosRejection: number;
  /** Share of utterances answered with a clarification question. */
  clarifyRate: number;
  perIntent: IntentStats[];
  /** Rows: expected intent; columns: predicted intent (same label order). */
  confusion: { labels: string[]; matrix: number[][] };
  misclassified: Array<Omit<Prediction, 'kind'>>;
  targets: Targets;
  /** One line per missed target; empty when all are met. */
  failures: string[];
}

const ratio = (n: number, d: number) => (d ? n / d : 1);
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Compute the report for a list of predictions.
 * @example report([{ text: 'x', expected: 'None', predicted: 'None', score: 1, kind: 'none', line: 1 }]).accuracy // 1
 */
export function report(predictions: Prediction[], targets: Targets = TARGETS): EvalReport {
  const ok = (p: Prediction) => p.expected === p.predicted;
  const inScope = predictions.filter((p) => p.expected !== NONE);
  const oos = predictions.filter((p) => p.expected === NONE);
  const accuracy = round4(ratio(predictions.filter(ok).length, predictions.length));
  const inScopeAccuracy = round4(ratio(inScope.filter(ok).length, inScope.length));
  const oosRejection = round4(ratio(oos.filter(ok).length, oos.length));
  const failures = [
    ...(inScopeAccuracy < targets.inScopeAccuracy ? [`in-scope accuracy ${pct(inScopeAccuracy)} < ${pct(targets.inScopeAccuracy)}`] : []),
    ...(oosRejection < targets.oosRejection ? [`out-of-scope rejection ${pct(oosRejection)} < ${pct(targets.oosRejection)}`] : []),
    ...(accuracy < targets.overall ? [`overall accuracy ${pct(accuracy)} < ${pct(targets.overall)}`] : []),
  ];
  return {
    total: predictions.length,
    accuracy,
    inScopeAccuracy,
    oosRejection,
    clarifyRate: round4(ratio(predictions.filter((p) => p.kind === 'clarify').length, predictions.length)),
    perIntent: perIntent(predictions),
    confusion: confusion(predictions),
    misclassified: predictions.filter((p) => !ok(p)).map(({ kind: _kind, ...rest }) => rest),
    targets,
    failures,
  };
}

/**
 * A ratio as a percentage with one decimal.
 * @example pct(0.9567) // '95.7%'
 */
export function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

function labelsOf(predictions: Prediction[]): string[] {
  const labels = new Set<string>();
  for (const p of predictions) labels.add(p.expected).add(p.predicted);
  return [...labels].sort((a, b) => (a === NONE ? 1 : b === NONE ? -1 : a.localeCompare(b)));
}

function perIntent(predictions: Prediction[]): IntentStats[] {
  return labelsOf(predictions).map((intent) => {
    const tp = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const support = predictions.filter((p) => p.expected === intent).length;
    const predicted = predictions.filter((p) => p.predicted === intent).length;
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { intent, support, precision: round4(precision), recall: round4(recall), f1: round4(f1) };
  });
}

function confusion(predictions: Prediction[]): EvalReport['confusion'] {
  const labels = labelsOf(predictions);
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const p of predictions) matrix[index.get(p.expected) as number][index.get(p.predicted) as number] += 1;
  return { labels, matrix };
}
