/** RedisStore: sessions shared by several server processes, with a short per-user lock so turns run in order. */
import crypto from 'node:crypto';
import Redis from 'ioredis';
import type { Logger } from '../../log/logger';
import type { LockOptions, Release, SessionStore } from './store';

export interface RedisStoreOptions {
  /** e.g. `redis://127.0.0.1:6379` */
  url: string;
  logger: Logger;
  /** Prefix of every key (sessions `<prefix>s:<user>`, locks `<prefix>l:<user>`). */
  prefix?: string;
  /** Each command fails after this long (the turn then degrades instead of hanging). */
  commandTimeoutMs?: number;
  /** How often a waiting turn retries a held lock. */
  lockRetryMs?: number;
}

/** Any failure talking to Redis; its name marks it as a store error for the conversation. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** Not the lock holder any more (it expired): delete only our own token. */
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Sessions in Redis as JSON with the idle TTL (`PX`). Commands fail fast while Redis is down (no offline queue),
 * the client reconnects by itself, and connection errors are logged, never thrown at the process.
 * @example const store = new RedisStore<Session>({ url: 'redis://127.0.0.1:6379', logger })
 */
export class RedisStore<S> implements SessionStore<S> {
  readonly client: Redis;
  private readonly prefix: string;
  private readonly lockRetryMs: number;
  private readonly log: Logger;
  private lastErrorLog = 0;

  constructor({ url, logger, prefix = 'bluebot:', commandTimeoutMs = 1000, lockRetryMs = 20 }: RedisStoreOptions) {
    this.prefix = prefix;
    this.lockRetryMs = lockRetryMs;
    this.log = logger.child({ module: 'session-store' });
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: commandTimeoutMs,
      connectTimeout: Math.max(commandTimeoutMs, 2000),
      retryStrategy: (times) => Math.min(100 * times, 2000),
    });
    this.client.on('error', (err: Error) => this.logError(err));
    this.client.on('ready', () => this.log.info('session store connected'));
  }

  async read(key: string): Promise<S | undefined> {
    const raw = await this.call(() => this.client.get(this.sessionKey(key)));
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as S;
    } catch {
      return undefined;
    }
  }

  async write(key: string, value: S, ttlMs: number): Promise<void> {
    await this.call(() => this.client.set(this.sessionKey(key), JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs))));
  }

  async delete(key: string): Promise<void> {
    await this.call(() => this.client.del(this.sessionKey(key)));
  }

  /** Approximate: counts the keys of this store with SCAN (sessions and held locks). */
  async size(): Promise<number> {
    let cursor = '0';
    let count = 0;
    do {
      const [next, keys] = await this.call(() => this.client.scan(cursor, 'MATCH', `${this.prefix}s:*`, 'COUNT', 1000));
      cursor = next;
      count += keys.length;
    } while (cursor !== '0');
    return count;
  }

  /** Connected and ready for commands (ioredis's own view: it reconnects by itself). */
  reachable(): boolean {
    return this.client.status === 'ready';
  }

  /** `SET lock NX PX ttl`, retried until `waitMs`; the release deletes only our own token. */
  async lock(key: string, { ttlMs, waitMs }: LockOptions): Promise<Release> {
    const lockKey = `${this.prefix}l:${key}`;
    const token = crypto.randomUUID();
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      const ok = await this.call(() => this.client.set(lockKey, token, 'PX', Math.round(ttlMs), 'NX'));
      if (ok === 'OK') return async () => void (await this.call(() => this.client.eval(RELEASE_SCRIPT, 1, lockKey, token)));
      if (Date.now() >= giveUpAt) throw new StoreUnavailableError(`turn lock still held after ${waitMs} ms`);
      await sleep(this.lockRetryMs);
    }
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private sessionKey(key: string): string {
    return `${this.prefix}s:${key}`;
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (err) {
      throw new StoreUnavailableError(`redis: ${(err as Error).message}`);
    }
  }

  /** At most one line every 10 s while Redis is down (ioredis retries every 2 s and reports each failure). */
  private logError(err: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.log.warn('session store unreachable, retrying', { error: err.message });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
