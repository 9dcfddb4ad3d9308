/** Evaluation arithmetic: P/R/F1, confusion, target failures, the threshold sweep and the dev TSV parser. */
import type { NluResult } from '../../src/nlu/classifier';
import { kFolds, parseDevSet } from '../../src/nlu/eval/dataset';
import type { Classified } from '../../src/nlu/eval/evaluate';
import { report, type Prediction } from '../../src/nlu/eval/metrics';
import { perturb } from '../../src/nlu/eval/perturb';
import { sweep } from '../../src/nlu/eval/sweep';

const p = (expected: string, predicted: string, kind: Prediction['kind'] = predicted === 'None' ? 'none' : 'answer'): Prediction => ({ text: `${expected}>${predicted}`, expected, predicted, score: 0.9, kind, line: 0 });

describe('report', () => {
  it('computes precision, recall, F1, the confusion matrix and target failures', () => {
    const r = report([p('a', 'a'), p('a', 'b'), p('b', 'b'), p('None', 'None'), p('None', 'a')]);
    expect(r.accuracy).toBe(0.6);
    expect(r.inScopeAccuracy).toBeCloseTo(2 / 3, 4);
    expect(r.oosRejection).toBe(0.5);
    expect(r.perIntent.find((s) => s.intent === 'a')).toEqual({ intent: 'a', support: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.confusion).toEqual({ labels: ['a', 'b', 'None'], matrix: [[1, 1, 0], [0, 1, 0], [1, 0, 1]] });
    expect(r.failures).toHaveLength(3);
    expect(r.misclassified.map((m) => m.text)).toEqual(['a>b', 'None>a']);
  });
});

describe('sweep', () => {
  const row = (intent: string, top: string, score: number, sim: number, second?: [string, number]): Classified => ({
    row: { text: intent, intent, line: 0 },
    nlu: { intent: top, score, alternatives: second ? [{ intent: second[0], score: second[1] }] : [], normalized: '', neighbours: [{ intent: top, similarity: sim }] } as NluResult,
  });

  it('finds the score threshold that separates in-scope from out-of-scope, and a useful clarify margin', () => {
    const rows = [
      ...Array.from({ length: 20 }, () => row('faq.a', 'faq.a', 0.9, 0.6)),
      ...Array.from({ length: 10 }, () => row('None', 'faq.a', 0.42, 0.3)),
      row('faq.b', 'faq.a', 0.5, 0.5, ['faq.b', 0.45]),
      row('faq.b', 'faq.a', 0.52, 0.5, ['faq.b', 0.44]),
    ];
    const best = sweep([rows]);
    expect(best.thresholds.minScore).toBeGreaterThan(0.42);
    // the two faq.b rows split their score between two FAQs, so they are asked about whatever minScore is
    // (decide: two questions in one message); only the out-of-scope rows bound minScore from below
    expect(best.thresholds.minScore).toBeLessThan(0.9);
    expect(best.sets[0].oosRejection).toBe(1);
    expect(best.rescued).toBe(2);
    expect(best.needless).toBe(0);
  });

  it('judges a setting by its worst set when several are swept together', () => {
    const easy = Array.from({ length: 20 }, () => row('faq.a', 'faq.a', 0.9, 0.6));
    const oos = [...easy, ...Array.from({ length: 10 }, () => row('None', 'faq.a', 0.58, 0.3))];
    const alone = sweep([easy]);
    const joint = sweep([easy, oos]);
    expect(alone.sets).toHaveLength(1);
    expect(joint.sets).toHaveLength(2);
    expect(joint.thresholds.minScore).toBeGreaterThan(0.58);
    expect(joint.sets[1].oosRejection).toBe(1);
    expect(joint.meetsTargets).toBe(true);
  });
  it('scores a dev set v2 against its own figures: near-domain kept and also_ok rows decide the pick', () => {
    const v2row = (intent: string, category: string, top: string, score: number, alsoOk?: string[]): Classified => ({
      row: { text: intent, intent, line: 0, category, ...(alsoOk ? { alsoOk } : {}) },
      nlu: { intent: top, score, alternatives: [], normalized: '', neighbours: [{ intent: top, similarity: 0.6 }] } as NluResult,
    });
    const rows = [
      ...Array.from({ length: 20 }, () => v2row('faq.a', 'paraphrase', 'faq.a', 0.9)),
      // an also_ok row: faq.b counts right for it, so it must not push minScore up
      ...Array.from({ length: 5 }, () => v2row('faq.a', 'mixed', 'faq.b', 0.75, ['faq.b'])),
      // near-domain rows that NLP.js gives to an FAQ at 0.62: only a minScore above it keeps them
      ...Array.from({ length: 10 }, () => v2row('None', 'near', 'faq.a', 0.62)),
      ...Array.from({ length: 5 }, () => v2row('handoff', 'handoff', 'handoff', 0.95)),
    ];
    const best = sweep([rows], undefined, [{ v2: { inScope: 0.95, oosKept: 0.92, nearKept: 0.9, handoff: 0.95 } }]);
    expect(best.thresholds.minScore).toBeGreaterThan(0.62);
    expect(best.thresholds.minScore).toBeLessThanOrEqual(0.75);
    expect(best.sets[0].v2).toEqual({ inScope: 1, oosKept: 1, nearKept: 1, handoff: 1 });
    expect(best.meetsTargets).toBe(true);
    // scored as a first-style set (no also_ok), the mixed rows count wrong and no setting meets the 96% in-scope target
    expect(sweep([rows]).meetsTargets).toBe(false);
  });
});

describe('dev TSV and folds', () => {
  it('skips the header, comments and blank lines, and keeps line numbers', () => {
    expect(parseDevSet('text\tintent\n# c\n\n비번\tfaq.x\n', ['faq.x'])).toEqual([{ text: '비번', intent: 'faq.x', line: 4 }]);
    expect(() => parseDevSet('a\tb\tc\td\te', ['b'])).toThrow(/:1:/);
  });

  it('splits every utterance into exactly one test fold', () => {
    const folds = kFolds([{ intent: 'a', utterances: ['1', '2', '3', '4', '5', '6', '7'] }], 3);
    expect(folds.flatMap((f) => f.test.map((t) => t.text)).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    for (const f of folds) expect(f.train[0].utterances).toHaveLength(7 - f.test.length);
  });

  it('perturbs reproducibly: no spaces, or one jamo changed', () => {
    const rows = [{ text: '비밀번호 잊어버렸어요', intent: 'x', line: 1 }];
    expect(perturb(rows, 'nospace')[0].text).toBe('비밀번호잊어버렸어요');
    const typo = perturb(rows, 'typo')[0].text;
    expect(typo).toBe(perturb(rows, 'typo')[0].text);
    expect(typo).not.toBe(rows[0].text);
    expect(typo).toHaveLength(rows[0].text.length);
  });

  it('perturbs reproducibly with a self-introduction before the text (intro), the text itself unchanged', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ text: `비밀번호 잊어버렸어요 ${i}`, intent: 'x', line: i + 1 }));
    const intro = perturb(rows, 'intro');
    expect(intro).toEqual(perturb(rows, 'intro'));
    intro.forEach((row, i) => {
      expect(row.intent).toBe('x');
      expect(row.text.endsWith(` ${rows[i].text}`)).toBe(true);
      expect(row.text).toMatch(/^(?:안녕하세요 |저 |제 이름은 )?[가-힣]{3}\s?(?:입니다|인데요|인데|기사입니다|기사인데요|이고) /);
    });
    expect(new Set(intro.map((r) => r.text.split(' ')[0])).size).toBeGreaterThan(3);
    const outro = perturb(rows, 'outro');
    expect(outro).toEqual(perturb(rows, 'outro'));
    outro.forEach((row, i) => expect(row.text.startsWith(rows[i].text) && row.text.length > rows[i].text.length).toBe(true));
    expect(new Set(outro.map((r, i) => r.text.slice(rows[i].text.length))).size).toBeGreaterThan(3);
  });
});
