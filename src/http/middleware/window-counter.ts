/** WindowCounter: bounded per-key hit counts over a sliding window (two fixed buckets, weighted). */

export interface WindowCounterOptions {
  /** Length of the window in ms. */
  windowMs: number;
  /** Most keys held per bucket; past this the oldest key of the bucket is forgotten. */
  maxKeys?: number;
}

/**
 * Counts hits per key over the last `windowMs`, estimated from the current and previous fixed
 * buckets (the previous one weighted by how much of it still overlaps the window). Memory is
 * bounded: at most `2 × maxKeys` keys, whatever the traffic.
 * @example const c = new WindowCounter({ windowMs: 10_000 }); c.hit('user-1', Date.now()) // 1
 */
export class WindowCounter {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();
  private bucketStart = Number.NaN;
  private readonly windowMs: number;
  private readonly maxKeys: number;

  constructor({ windowMs, maxKeys = 50_000 }: WindowCounterOptions) {
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  /** Record one hit for `key` at time `now`; returns the estimated hits in the window, this one included. */
  hit(key: string, now: number): number {
    this.rotate(now);
    const count = (this.current.get(key) ?? 0) + 1;
    if (count === 1 && this.current.size >= this.maxKeys) this.forgetOldest();
    this.current.set(key, count);
    const overlapMs = this.windowMs - (now - this.bucketStart);
    return count + Math.floor(((this.previous.get(key) ?? 0) * overlapMs) / this.windowMs);
  }

  /** The estimated hits for `key` in the window at `now`, without recording one. */
  peek(key: string, now: number): number {
    this.rotate(now);
    const overlapMs = this.windowMs - (now - this.bucketStart);
    return (this.current.get(key) ?? 0) + Math.floor(((this.previous.get(key) ?? 0) * overlapMs) / this.windowMs);
  }

  /** Keys currently held (both buckets). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** Buckets are aligned to multiples of the window; a bucket older than the previous one is dropped. */
  private rotate(now: number): void {
    const start = now - (now % this.windowMs);
    if (start === this.bucketStart) return;
    this.previous = start - this.bucketStart === this.windowMs ? this.current : new Map();
    this.current = new Map();
    this.bucketStart = start;
  }

  private forgetOldest(): void {
    const oldest = this.current.keys().next();
    if (!oldest.done) this.current.delete(oldest.value);
  }
}
