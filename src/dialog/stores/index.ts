/** Session stores: pick memory (default) or Redis from config. */
import type { Config } from '../../config';
import type { Logger } from '../../log/logger';
import type { Session } from '../session';
import { MemoryStore } from './memory';
import type { SessionStore } from './store';

export { MemoryStore, type MemoryStoreOptions } from './memory';
export { withTimeout, StoreTimeoutError, type SessionStore } from './store';

/** The configured store (Redis support arrives with the dialog issue). */
export function createStore(config: Config, _logger: Logger): SessionStore<Session> {
  return new MemoryStore<Session>({ max: config.SESSION_MAX });
}
