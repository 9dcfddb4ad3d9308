/** SessionStore: per-user dialog state, keyed by `userRequest.user.id`. */
import { MemoryStore } from './memory';

export interface SessionStore<S> {
  read(key: string): Promise<S | undefined>;
  write(key: string, value: S, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** How many sessions are held (for metrics); may be approximate. */
  size(): Promise<number>;
  /** False while the store cannot be reached (Redis down or wrong address); /readyz says 503 then. Absent: always reachable. */
  reachable?(): boolean;
  close(): Promise<void>;
  /**
   * Take a short per-key lock so turns of one user run one at a time across processes (Redis). Resolves to the
   * release function; rejects when the lock is not free within `waitMs`. Stores used by one process need none.
   */
  lock?(key: string, opts: LockOptions): Promise<Release>;
}

export interface LockOptions {
  /** The lock frees itself after this long, even if its holder died. */
  ttlMs: number;
  /** Give up waiting for a held lock after this long. */
  waitMs: number;
}

export type Release = () => Promise<void>;

export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}

/**
 * Wrap a store so every call fails with StoreTimeoutError after `timeoutMs`. A plain MemoryStore is returned as
 * it is: its calls settle before any timer could fire, so the wrapper would only cost two timers per turn
 * (a subclass, which might wait, is wrapped).
 * @example const store = withTimeout(new RedisStore({ url }), 1000)
 */
export function withTimeout<S>(store: SessionStore<S>, timeoutMs: number): SessionStore<S> {
  if (Object.getPrototypeOf(store) === MemoryStore.prototype) return store;
  const race = <T>(op: string, p: Promise<T>, ms = timeoutMs): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new StoreTimeoutError(`session store ${op} took over ${ms} ms`)), ms);
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
    ...(store.reachable ? { reachable: store.reachable.bind(store) } : {}),
    ...(store.lock ? { lock: lockWithTimeout(store.lock.bind(store), race, timeoutMs) } : {}),
  };
}

/** A lock that arrives after its timeout is released at once, so it never blocks the next turn. */
function lockWithTimeout(
  lock: NonNullable<SessionStore<unknown>['lock']>,
  race: <T>(op: string, p: Promise<T>, ms?: number) => Promise<T>,
  timeoutMs: number,
): NonNullable<SessionStore<unknown>['lock']> {
  return (key, opts) => {
    const pending = lock(key, opts);
    return race('lock', pending, opts.waitMs + timeoutMs).catch((err: unknown) => {
      pending.then((release) => release()).catch(() => undefined);
      throw err;
    });
  };
}
