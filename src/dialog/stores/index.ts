/** Session stores: pick memory (default) or Redis from config. */
import type { Config } from '../../config';
import type { Logger } from '../../log/logger';
import type { Session } from '../session';
import { MemoryStore } from './memory';
import type { SessionStore } from './store';

export { MemoryStore, type MemoryStoreOptions } from './memory';
export type { RedisStoreOptions } from './redis';
export { withTimeout, StoreTimeoutError, type SessionStore, type LockOptions, type Release } from './store';

/**
 * The configured store: Redis when `SESSION_STORE=redis` (with `REDIS_URL`), else a bounded in-memory LRU.
 * TTLs are the same for both (`SESSION_TTL_MS`, given on every write).
 * @example const store = createStore(loadConfig(), logger)
 */
export function createStore(config: Config, logger: Logger): SessionStore<Session> {
  if (config.SESSION_STORE === 'redis' && config.REDIS_URL) {
    // Required here, not at the top: ioredis costs ~120 ms of startup that memory-store deployments never need.
    const { RedisStore } = require('./redis') as typeof import('./redis');
    return new RedisStore<Session>({ url: config.REDIS_URL, logger, commandTimeoutMs: config.STORE_TIMEOUT_MS });
  }
  return new MemoryStore<Session>({ max: config.SESSION_MAX });
}
