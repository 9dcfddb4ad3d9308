/** Run a classifier over a labelled set through the same path as `/nlu/parse` (classify, then decide). */
import type { Classifier, NluResult } from '../classifier';
import { decide, finalIntent, type DecisionThresholds } from '../decide';
import type { LabeledUtterance } from './dataset';
import { report, type EvalReport, type Prediction, type Targets } from './metrics';

export interface Classified {
  row: LabeledUtterance;
  nlu: NluResult;
}

/**
 * Classify every row once (decisions can then be replayed with other thresholds).
 * @example const classified = await classifyAll(classifier, readDevSet('test/nlu/dev.tsv'))
 */
export async function classifyAll(classifier: Classifier, rows: LabeledUtterance[]): Promise<Classified[]> {
  const out: Classified[] = [];
  for (const row of rows) out.push({ row, nlu: await classifier.classify(row.text) });
  return out;
}

/**
 * Decide every classified row with the given thresholds.
 * @example predict(await classifyAll(c, rows), DEFAULT_THRESHOLDS)[0].predicted
 */
export function predict(classified: Classified[], thresholds: DecisionThresholds): Prediction[] {
  return classified.map(({ row, nlu }) => {
    const decision = decide(nlu, thresholds);
    const offered = decision.kind === 'clarify' ? decision.intents : undefined;
    const topic = decision.kind === 'answer' ? undefined : decision.topic;
    return {
      text: row.text,
      expected: row.intent,
      predicted: finalIntent(decision),
      score: nlu.score,
      kind: decision.kind,
      line: row.line,
      ...(row.category ? { category: row.category } : {}),
      ...(row.alsoOk ? { alsoOk: row.alsoOk } : {}),
      ...(offered ? { offered } : {}),
      ...(topic ? { topic } : {}),
    };
  });
}

/**
 * Clarifications that offered the right intent as second choice when the first was wrong, and needless ones.
 * @example clarifyStats(classified, DEFAULT_THRESHOLDS) // { rescued: 3, needless: 3 }
 */
export function clarifyStats(classified: Classified[], thresholds: DecisionThresholds): { rescued: number; needless: number } {
  let rescued = 0;
  let needless = 0;
  for (const { row, nlu } of classified) {
    const d = decide(nlu, thresholds);
    if (d.kind !== 'clarify') continue;
    if (d.intents[0] === row.intent) needless += 1;
    else if (d.intents[1] === row.intent) rescued += 1;
  }
  return { rescued, needless };
}

/**
 * Classify, decide and score a labelled set.
 * @example (await evaluate(classifier, rows, DEFAULT_THRESHOLDS)).accuracy
 */
export async function evaluate(classifier: Classifier, rows: LabeledUtterance[], thresholds: DecisionThresholds, targets?: Targets): Promise<EvalReport> {
  return report(predict(await classifyAll(classifier, rows), thresholds), targets);
}
