/** cachedClassifier: a bounded LRU of classifications keyed by the exact text (same text, same answer). */
import type { Classifier, ClassifyOptions, NluResult } from './classifier';

export interface ClassifierCacheOptions {
  /** Most classifications kept; the least recently used goes first. */
  max?: number;
  /** Longer texts are classified every time (rare, and they would make the memory bound loose). */
  maxChars?: number;
}

/** A classifier with cache statistics (for the benchmark and metrics). */
export interface CachedClassifier extends Classifier {
  readonly stats: { hits: number; misses: number; size: number };
}

/**
 * Wrap a classifier with an LRU cache. The model is fixed for the life of the process, so the
 * same text (and allow-list) always classifies the same way. Keys are the exact text, so the cache
 * makes no assumption about the classifier's normalization. Memory is bounded by
 * `max × maxChars`; callers get their own copy of a result.
 * @example const c = cachedClassifier(model.classifier, { max: 5000 }); await c.classify('비번 분실')
 */
export function cachedClassifier(inner: Classifier, { max = 5000, maxChars = 200 }: ClassifierCacheOptions = {}): CachedClassifier {
  const cache = new Map<string, NluResult>();
  const stats = { hits: 0, misses: 0, size: 0 };
  return {
    modelHash: inner.modelHash,
    stats,
    async classify(text: string, options: ClassifyOptions = {}): Promise<NluResult> {
      if (text.length > maxChars) return inner.classify(text, options);
      const key = options.allowList || options.after ? `${options.allowList?.join(',') ?? ''}\u0000${options.after ?? ''}\u0000${text}` : text;
      const hit = cache.get(key);
      if (hit) {
        stats.hits++;
        cache.delete(key); // most recently used goes last
        cache.set(key, hit);
        return copy(hit);
      }
      stats.misses++;
      const result = await inner.classify(text, options);
      cache.set(key, copy(result));
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      stats.size = cache.size;
      return result;
    },
  };
}

function copy(r: NluResult): NluResult {
  return { ...r, alternatives: r.alternatives.map((a) => ({ ...a })) };
}
