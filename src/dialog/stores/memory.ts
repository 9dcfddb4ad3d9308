/**
 * MemoryStore: the default session store, bounded (LRU) with a per-entry idle TTL. Values are kept as JSON text,
 * as the Redis store keeps them: every read parses a fresh copy, so a caller mutating what it read or wrote never
 * changes what is stored (cheaper than `structuredClone` on both sides, and the same plain-JSON contract as Redis).
 */
import type { SessionStore } from './store';

export interface MemoryStoreOptions {
  /** Most sessions held; the least recently used is evicted past this. */
  max?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

interface Entry {
  json: string;
  expiresAt: number;
}

export class MemoryStore<S> implements SessionStore<S> {
  private readonly map = new Map<string, Entry>();
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
    return JSON.parse(entry.json) as S;
  }

  async write(key: string, value: S, ttlMs: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('MemoryStore: the value is not JSON');
    this.map.delete(key);
    this.map.set(key, { json, expiresAt: this.now() + ttlMs });
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
