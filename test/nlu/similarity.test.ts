import fc from 'fast-check';
import { textFeatures } from '../../src/nlu/features';
import { SIMILARITY_FEATURES, SimilarityIndex, type LabeledText } from '../../src/nlu/similarity';

/**
 * The index against the definition it implements, computed the slow way: each training text a TF-IDF vector
 * (idf = ln((1 + N) / (1 + df)) + 1, L2-normalized), the query likewise (a feature never seen counts in its norm with
 * the highest idf), and per intent the best dot product, capped at 1. Sums run in the query's feature order, as the
 * index's do, so the numbers are compared exactly.
 */
function bruteForce(items: LabeledText[], text: string): Map<string, number> {
  const lists = items.map((i) => textFeatures(i.text, SIMILARITY_FEATURES));
  const df = new Map<string, number>();
  for (const list of lists) for (const f of list) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = (f: string) => Math.log((1 + items.length) / (1 + (df.get(f) as number))) + 1;
  const maxIdf = Math.log(1 + items.length) + 1;
  const query = textFeatures(text, SIMILARITY_FEATURES);
  const seen = query.filter((f) => df.has(f));
  const qNorm = Math.sqrt(seen.reduce((s, f) => s + idf(f) * idf(f), 0) + (query.length - seen.length) * maxIdf * maxIdf) || 1;
  const best = new Map<string, number>();
  lists.forEach((list, d) => {
    const norm = Math.sqrt(list.reduce((s, f) => s + idf(f) * idf(f), 0)) || 1;
    let dot = 0;
    let shared = false;
    for (const f of seen) {
      if (!list.includes(f)) continue;
      dot += (idf(f) / qNorm) * (idf(f) / norm);
      shared = true;
    }
    const intent = items[d].intent;
    if (shared && dot > (best.get(intent) ?? 0)) best.set(intent, Math.min(1, dot));
  });
  return best;
}

const SYLLABLES = ['교', '육', '비', '밀', '번', '호', '가', '입', '일', '정', '변', '경', '수', '료'];
const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const item = fc.record({ text, intent: fc.constantFrom('faq.signup', 'faq.first_login', 'None') });

describe('SimilarityIndex', () => {
  it('gives each intent the best cosine to one of its texts, as computed the slow way', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 25 }), text, (items, query) => {
        const got = new SimilarityIndex(items).nearest(query);
        expect(new Map(got.map((n) => [n.intent, n.similarity]))).toEqual(bruteForce(items, query));
        expect(got.map((n) => n.similarity)).toEqual([...got.map((n) => n.similarity)].sort((a, b) => b - a));
      }),
      { numRuns: 300 },
    );
  });

  it('answers the same query the same way twice (its scratch scores are cleared after each query)', () => {
    const index = new SimilarityIndex([
      { text: '비밀번호 분실', intent: 'faq.forgot_credentials' },
      { text: '교육 일정 변경', intent: 'faq.schedule_change' },
    ]);
    const first = index.nearest('비밀번호 잊어버렸어요');
    expect(first[0]).toEqual({ intent: 'faq.forgot_credentials', similarity: expect.any(Number) });
    expect(index.nearest('교육 일정')).toEqual(index.nearest('교육 일정'));
    expect(index.nearest('비밀번호 잊어버렸어요')).toEqual(first);
  });
});
