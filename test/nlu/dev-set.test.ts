/** CI gate: the dev set (test/nlu/dev.tsv) meets the targets through the same path as /nlu/parse and `npm run eval`. */
import path from 'node:path';
import { loadContent } from '../../src/content/load';
import { DEFAULT_THRESHOLDS } from '../../src/nlu/decide';
import { readDevSet } from '../../src/nlu/eval/dataset';
import { evaluate } from '../../src/nlu/eval/evaluate';
import { TARGETS, type EvalReport } from '../../src/nlu/eval/metrics';
import { loadOrTrain } from '../../src/nlu/model';
import { ROOT } from '../helpers/app';

let result: EvalReport;
let rows: ReturnType<typeof readDevSet>;
beforeAll(async () => {
  const content = loadContent(ROOT);
  rows = readDevSet(path.join(ROOT, 'test/nlu/dev.tsv'), [...content.intents.map((i) => i.intent), 'None']);
  const { classifier } = await loadOrTrain(content, path.join(ROOT, 'models'));
  result = await evaluate(classifier, rows, DEFAULT_THRESHOLDS);
});

describe('dev set', () => {
  it('is big enough: ≥ 25 utterances per FAQ intent and ≥ 40 out of scope', () => {
    const count = (intent: string) => rows.filter((r) => r.intent === intent).length;
    for (const intent of new Set(rows.map((r) => r.intent))) if (intent.startsWith('faq.')) expect(count(intent)).toBeGreaterThanOrEqual(25);
    expect(count('None')).toBeGreaterThanOrEqual(40);
  });

  it(`in-scope top-1 accuracy ≥ ${TARGETS.inScopeAccuracy * 100}%`, () => {
    expect(result.inScopeAccuracy).toBeGreaterThanOrEqual(TARGETS.inScopeAccuracy);
  });

  it(`out-of-scope rejected as None ≥ ${TARGETS.oosRejection * 100}%`, () => {
    expect(result.oosRejection).toBeGreaterThanOrEqual(TARGETS.oosRejection);
  });

  it(`overall accuracy ≥ ${TARGETS.overall * 100}%`, () => {
    expect(result.accuracy).toBeGreaterThanOrEqual(TARGETS.overall);
    expect(result.failures).toEqual([]);
  });
});
