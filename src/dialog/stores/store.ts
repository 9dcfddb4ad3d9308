/** SessionStore: per-user dialog state, keyed by `userRequest.user.id`. */

export interface SessionStore<S> {
  read(key: string): Promise<S | undefined>;
  write(key: string, value: S, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** How many sessions are held (for metrics); may be approximate. */
  size(): Promise<number>;
  close(): Promise<void>;
}

export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}

/**
 * Wrap a store so every call fails with StoreTimeoutError after `timeoutMs`.
 * @example const store = withTimeout(new MemoryStore(), 1000)
 */
export function withTimeout<S>(store: SessionStore<S>, timeoutMs: number): SessionStore<S> {
  const race = <T>(op: string, p: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new StoreTimeoutError(`session store ${op} took over ${timeoutMs} ms`)), timeoutMs);
      p.then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e) => (clearTimeout(timer), reject(e)),
      );
    });
  return {
    read: (k) => race('read', store.read(k)),
    write: (k, v, ttl) => race('write', store.write(k, v, ttl)),
    delete: (k) => race('delete', store.delete(k)),
    size: () => race('size', store.size()),
    close: () => store.close(),
  };
}
