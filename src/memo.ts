/**
 * A memo of a pure computation, bounded: when it holds `max` keys it drops them all at once and starts over (cheaper
 * than an LRU's bookkeeping; the keys that matter repeat in bursts). For the classifier's similarities, the one-word
 * spreads and the masked kept texts.
 * @example const memo = new BoundedMemo<string>(2000); memo.get(text, () => maskKept(text))
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly max: number) {}

  /** The value remembered for `key`, or `compute()`'s, remembered. */
  get(key: string, compute: () => V): V {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.values.size >= this.max) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
