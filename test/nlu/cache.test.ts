/** cachedClassifier: same answers as the real classifier, bounded, and callers cannot corrupt it. */
import path from 'node:path';
import { loadContent } from '../../src/content';
import { cachedClassifier } from '../../src/nlu/cache';
import type { Classifier, ClassifyOptions } from '../../src/nlu/classifier';
import { loadOrTrain } from '../../src/nlu/model';
import { ROOT } from '../helpers/app';

let real: Classifier;
beforeAll(async () => {
  const content = loadContent(ROOT);
  real = (await loadOrTrain(content, path.join(ROOT, 'models'))).classifier;
});

/** The real classifier, counting how often it is asked. */
function counting(inner: Classifier) {
  const calls: string[] = [];
  const c: Classifier = {
    modelHash: inner.modelHash,
    classify: (text: string, options?: ClassifyOptions) => {
      calls.push(text);
      return inner.classify(text, options);
    },
  };
  return { c, calls };
}

describe('cachedClassifier', () => {
  it('answers exactly as the classifier it wraps, asking it once per text', async () => {
    const { c, calls } = counting(real);
    const cached = cachedClassifier(c);
    for (const text of ['리프레시 교육이 뭐예요', '비번 까먹었어요', '오늘 점심 뭐 먹지']) {
      const first = await cached.classify(text);
      const second = await cached.classify(text);
      expect(first).toEqual(await real.classify(text));
      expect(second).toEqual(first);
    }
    expect(calls).toHaveLength(3);
    expect(cached.stats).toEqual({ hits: 3, misses: 3, size: 3 });
    expect(cached.modelHash).toBe(real.modelHash);
  });

  it('keys on the allow-list too', async () => {
    const { c, calls } = counting(real);
    const cached = cachedClassifier(c);
    await cached.classify('비밀번호 잊어버렸어요');
    await cached.classify('비밀번호 잊어버렸어요', { allowList: ['faq.signup'] });
    await cached.classify('비밀번호 잊어버렸어요', { allowList: ['faq.signup'] });
    expect(calls).toHaveLength(2);
  });

  it('keys on the FAQ answered before too: a request to repeat reads differently after an answer', async () => {
    const cached = cachedClassifier(real);
    const alone = await cached.classify('사이트 주소 다시 알려줘요');
    const after = await cached.classify('사이트 주소 다시 알려줘요', { after: 'faq.signup' });
    expect(after.intent).toBe('repeat');
    expect(alone.intent).not.toBe('repeat');
    expect(await cached.classify('사이트 주소 다시 알려줘요')).toEqual(alone);
    expect(cached.stats.misses).toBe(2);
  });

  it('hands out copies: a caller mutating its result cannot change what others get', async () => {
    const cached = cachedClassifier(real);
    const a = await cached.classify('리프레시 교육 언제 들어요');
    a.intent = 'tampered';
    a.alternatives.push({ intent: 'tampered', score: 1 });
    const b = await cached.classify('리프레시 교육 언제 들어요');
    expect(b.intent).not.toBe('tampered');
    expect(b.alternatives).not.toContainEqual({ intent: 'tampered', score: 1 });
  });

  it('keeps at most `max` entries, evicting the least recently used', async () => {
    const { c, calls } = counting(real);
    const cached = cachedClassifier(c, { max: 3 });
    for (const t of ['가', '나', '다']) await cached.classify(t);
    await cached.classify('가'); // 가 is now the most recent
    await cached.classify('라'); // evicts 나
    expect(cached.stats.size).toBe(3);
    calls.length = 0;
    await cached.classify('가');
    await cached.classify('나');
    expect(calls).toEqual(['나']);
  });

  it('does not cache texts over maxChars', async () => {
    const { c, calls } = counting(real);
    const cached = cachedClassifier(c, { maxChars: 10 });
    const long = '리프레시 교육은 언제 어디서 들어야 하나요';
    await cached.classify(long);
    await cached.classify(long);
    expect(calls).toHaveLength(2);
    expect(cached.stats.size).toBe(0);
  });
});
