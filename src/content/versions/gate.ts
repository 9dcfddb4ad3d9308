/**
 * The eval gate of a publish: the candidate model is scored on the dev sets and on every utterance staff labelled in
 * the inbox (a regression suite that grows by itself), next to the live model on the same rows. It is refused when
 * it misses the NLU targets on the dev set, or scores more than 1 point below the live model overall. The result
 * lists every utterance whose answer changed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../events/schema';
import type { Classifier } from '../../nlu/classifier';
import { DEFAULT_THRESHOLDS } from '../../nlu/decide';
import { classifyAll, predict } from '../../nlu/eval/evaluate';
import type { LabeledUtterance } from '../../nlu/eval/dataset';
import { report, type Prediction } from '../../nlu/eval/metrics';

/** Most points (percentage points of overall accuracy) a candidate may lose against the live model. */
export const MAX_DROP_POINTS = 1;

export interface GateRow extends LabeledUtterance {
  /** Where the row comes from: `dev` (the set the targets apply to), another dev set's name, or `inbox`. */
  set: string;
}

export interface SetScore {
  accuracy: number;
  inScopeAccuracy: number;
  oosRejection: number;
  rows: number;
}

export interface GateResult {
  passed: boolean;
  /** Why it was refused (empty when passed). */
  reasons: string[];
  candidate: { dev: SetScore; all: SetScore };
  live?: { dev: SetScore; all: SetScore };
  /** Utterances whose final answer differs between the live model and the candidate. */
  changed: Array<{ text: string; set: string; expected: string; live: string; candidate: string }>;
}

function score(predictions: Prediction[]): SetScore {
  const r = report(predictions);
  return { accuracy: r.accuracy, inScopeAccuracy: r.inScopeAccuracy, oosRejection: r.oosRejection, rows: r.total };
}

/** Classify in slices, yielding to the event loop between them: the gate runs beside live traffic. */
async function predictions(classifier: Classifier, rows: GateRow[]): Promise<Prediction[]> {
  const classified = [];
  for (let i = 0; i < rows.length; i += 25) {
    classified.push(...(await classifyAll(classifier, rows.slice(i, i + 25))));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return predict(classified, DEFAULT_THRESHOLDS);
}

/**
 * Score the candidate (and the live model, when there is one) and decide.
 * @example const gate = await evalGate(candidate, live, rows); if (!gate.passed) refuse(gate.reasons)
 */
export async function evalGate(candidate: Classifier, live: Classifier | undefined, rows: GateRow[]): Promise<GateResult> {
  const cand = await predictions(candidate, rows);
  const dev = (p: Prediction[]) => p.filter((_, i) => rows[i].set === 'dev');
  const reasons = [...report(dev(cand)).failures.map((f) => `dev set: ${f}`)];
  const result: GateResult = { passed: false, reasons, candidate: { dev: score(dev(cand)), all: score(cand) }, changed: [] };
  if (live) {
    const was = await predictions(live, rows);
    result.live = { dev: score(dev(was)), all: score(was) };
    const drop = (result.live.all.accuracy - result.candidate.all.accuracy) * 100;
    if (drop > MAX_DROP_POINTS) reasons.push(`overall accuracy ${pct(result.candidate.all.accuracy)} is ${drop.toFixed(1)} points below the live version's ${pct(result.live.all.accuracy)}`);
    result.changed = rows.flatMap((row, i) =>
      was[i].predicted === cand[i].predicted ? [] : [{ text: row.text, set: row.set, expected: row.intent, live: was[i].predicted, candidate: cand[i].predicted }],
    );
  }
  result.passed = reasons.length === 0;
  return result;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * Every inbox utterance staff labelled (groups in state `done`), as gate rows. Labels that are not intents of the
 * model (out-of-scope topics) count as `None`.
 * @example await inboxRows(store.db, new Set(['faq.signup', 'None']))
 */
export async function inboxRows(db: Kysely<Database>, intents: ReadonlySet<string>): Promise<GateRow[]> {
  const rows = await db
    .selectFrom('inbox_texts')
    .innerJoin('inbox_groups', 'inbox_groups.id', 'inbox_texts.group_id')
    .select(['inbox_texts.text as text', 'inbox_groups.label as label'])
    .where('inbox_groups.state', '=', 'done')
    .where('inbox_groups.label', 'is not', null)
    .execute();
  return rows.map((r) => ({ text: r.text, intent: intents.has(r.label as string) ? (r.label as string) : 'None', line: 0, set: 'inbox' }));
}
