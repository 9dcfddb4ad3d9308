/** MemoryStore: the default session store, bounded (LRU) with a per-entry idle TTL. */
import type { SessionStore } from './store';

export interface MemoryStoreOptions {
  /** Most sessions held; the least recently used is evicted past this. */
  max?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

interface Entry<S> {
  value: S;
  expiresAt: number;
}

export class MemoryStore<S> implements SessionStore<S> {
  private readonly map = new Map<string, Entry<S>>();
  private readonly max: number;
  private readonly now: () => number;

  constructor({ max = 50_000, now = Date.now }: MemoryStoreOptions = {}) {
    this.max = max;
    this.now = now;
  }

  async read(key: string): Promise<S | undefined> {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    this.map.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.map.set(key, entry); // most recently used goes last
    return structuredClone(entry.value);
  }

  async write(key: string, value: S, ttlMs: number): Promise<void> {
    this.map.delete(key);
    this.map.set(key, { value: structuredClone(value), expiresAt: this.now() + ttlMs });
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }

  async size(): Promise<number> {
    return this.map.size;
  }

  async close(): Promise<void> {
    this.map.clear();
  }
}
