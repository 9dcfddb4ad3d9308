/** CI gate: the dev set (test/nlu/dev.tsv) meets the targets through the same path as /nlu/parse and `npm run eval`. */
import path from 'node:path';
import { loadContent } from '../../src/content/load';
import { DEFAULT_THRESHOLDS } from '../../src/nlu/decide';
import { readDevSet } from '../../src/nlu/eval/dataset';
import { evaluate } from '../../src/nlu/eval/evaluate';
import { figures, V2_TARGETS, type Figures } from '../../src/nlu/eval/figures';
import { TARGETS as COPY_TARGETS, V1_TARGETS as TARGETS, type EvalReport } from '../../src/nlu/eval/metrics';
import { perturb } from '../../src/nlu/eval/perturb';
import { classifyAll, predict } from '../../src/nlu/eval/evaluate';
import { loadOrTrain } from '../../src/nlu/model';
import { ROOT } from '../helpers/app';

let result: EvalReport;
let intro: EvalReport;
let outro: EvalReport;
let v2: Figures;
let rows: ReturnType<typeof readDevSet>;
beforeAll(async () => {
  const content = loadContent(ROOT);
  const labels = [...content.intents.map((i) => i.intent), 'None'];
  rows = readDevSet(path.join(ROOT, 'test/nlu/dev.tsv'), labels);
  const { classifier } = await loadOrTrain(content, path.join(ROOT, 'models'));
  result = await evaluate(classifier, rows, DEFAULT_THRESHOLDS, TARGETS);
  intro = await evaluate(classifier, perturb(rows, 'intro'), DEFAULT_THRESHOLDS, COPY_TARGETS);
  outro = await evaluate(classifier, perturb(rows, 'outro'), DEFAULT_THRESHOLDS, COPY_TARGETS);
  v2 = figures(predict(await classifyAll(classifier, readDevSet(path.join(ROOT, 'test/nlu/dev-v2.tsv'), labels)), DEFAULT_THRESHOLDS));
});

describe('dev set v2 (issue 10)', () => {
  it('has the issue\'s size: ≥ 40 rows per FAQ intent, ≥ 100 out of scope (half near-domain), ≥ 20 handoff', () => {
    expect(v2.inScope.total).toBeGreaterThanOrEqual(320);
    expect(v2.oosKept.total).toBeGreaterThanOrEqual(100);
    expect(v2.nearKept.total).toBeGreaterThanOrEqual(50);
    expect(v2.handoff.total).toBeGreaterThanOrEqual(20);
  });

  it(`meets the targets: in-scope ≥ ${V2_TARGETS.inScope * 100}%, out of scope kept ≥ ${V2_TARGETS.oosKept * 100}%, near-domain ≥ ${V2_TARGETS.nearKept * 100}%, handoff ≥ ${V2_TARGETS.handoff * 100}%`, () => {
    expect(v2.failures).toEqual([]);
  });
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

describe('dev set after a self-introduction (`npm run eval -- --perturb intro`)', () => {
  it(`meets the targets of the perturbed copies: in-scope ≥ ${COPY_TARGETS.inScopeAccuracy * 100}%, out of scope ≥ ${COPY_TARGETS.oosRejection * 100}%, overall ≥ ${COPY_TARGETS.overall * 100}%`, () => {
    expect(intro.failures).toEqual([]);
  });
});

describe('dev set before thanks or a plea (`npm run eval -- --perturb outro`)', () => {
  it(`meets the targets of the perturbed copies: in-scope ≥ ${COPY_TARGETS.inScopeAccuracy * 100}%, out of scope ≥ ${COPY_TARGETS.oosRejection * 100}%, overall ≥ ${COPY_TARGETS.overall * 100}%`, () => {
    expect(outro.failures).toEqual([]);
  });
});
