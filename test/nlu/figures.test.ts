/** Dev set v2 scoring: what counts as right (also_ok, clarifications, "kept" out of scope), per category, targets. */
import { parseDevSet } from '../../src/nlu/eval/dataset';
import { figures, isRight } from '../../src/nlu/eval/figures';
import type { Prediction } from '../../src/nlu/eval/metrics';

const p = (expected: string, predicted: string, more: Partial<Prediction> = {}): Prediction => ({
  text: 't',
  expected,
  predicted,
  score: 1,
  kind: predicted === 'None' ? 'none' : 'answer',
  line: 1,
  ...more,
});

describe('dev set v2 rows', () => {
  it('reads category and also_ok columns, with or without the v2 header', () => {
    const rows = parseDevSet('text\tintent\tcategory\talso_ok\n비번\tfaq.f\tshort\tfaq.l\n교육 영상\tNone\tnear\t\n', ['faq.f', 'faq.l', 'None']);
    expect(rows).toEqual([
      { text: '비번', intent: 'faq.f', line: 2, category: 'short', alsoOk: ['faq.l'] },
      { text: '교육 영상', intent: 'None', line: 3, category: 'near' },
    ]);
    expect(() => parseDevSet('비번\tfaq.f\tshort\tfaq.nope\n', ['faq.f'])).toThrow(/:1: unknown intent "faq\.nope"/);
  });
});

describe('isRight', () => {
  it('counts the label or an also_ok label', () => {
    expect(isRight(p('faq.a', 'faq.a'))).toBe(true);
    expect(isRight(p('faq.a', 'faq.b', { alsoOk: ['faq.b'] }))).toBe(true);
    expect(isRight(p('faq.a', 'faq.b'))).toBe(false);
  });

  it('counts a clarification offering an acceptable label only on also_ok rows', () => {
    const asked = { kind: 'clarify' as const, offered: ['faq.b', 'faq.a'] };
    expect(isRight(p('faq.a', 'faq.b', { ...asked, alsoOk: ['faq.c'] }))).toBe(true);
    expect(isRight(p('faq.a', 'faq.b', asked))).toBe(false);
  });

  it('counts any non-FAQ answer as keeping an out-of-scope row', () => {
    for (const predicted of ['None', 'handoff', 'greeting']) expect(isRight(p('None', predicted))).toBe(true);
    expect(isRight(p('None', 'faq.a'))).toBe(false);
  });
});

describe('figures', () => {
  it('reports the issue figures and categories, and names every missed target', () => {
    const r = figures([
      p('faq.a', 'faq.a', { category: 'typo' }),
      p('faq.a', 'None', { category: 'paraphrase' }),
      p('None', 'None', { category: 'near' }),
      p('None', 'faq.a', { category: 'near' }),
      p('handoff', 'handoff', { category: 'handoff' }),
      p('None', 'greeting', { category: 'zzz' }),
    ]);
    expect(r.inScope).toEqual({ total: 2, right: 1, accuracy: 0.5 });
    expect(r.oosKept).toEqual({ total: 3, right: 2, accuracy: 0.6667 });
    expect(r.nearKept.accuracy).toBe(0.5);
    expect(r.handoff.accuracy).toBe(1);
    expect(r.perCategory.map((c) => c.category)).toEqual(['typo', 'paraphrase', 'near', 'handoff', 'zzz']);
    expect(r.failures).toEqual([expect.stringMatching(/^inScope 50\.0%/), expect.stringMatching(/^oosKept/), expect.stringMatching(/^nearKept/)]);
    expect(r.wrong).toHaveLength(2);
  });
});
