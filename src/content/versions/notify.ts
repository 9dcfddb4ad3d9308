/**
 * Tell other instances that the live version moved: Redis pub/sub on `bluebot:content` when REDIS_URL is set. The
 * message only makes them check the database at once; polling (CONTENT_POLL_MS) still catches whatever a message
 * misses (Redis down, an instance reconnecting), so a lost message delays a swap, never loses it.
 */
import type { Logger } from '../../log/logger';

export const CHANNEL = 'bluebot:content';

export interface Notifier {
  /** Announce a new live version (best effort). */
  announce(version: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A Redis notifier that calls `onMessage` for every announcement (its own included: a check is cheap).
 * @example const n = redisNotifier(config.REDIS_URL, () => follower.check(), logger)
 */
export function redisNotifier(url: string, onMessage: () => void, logger?: Logger): Notifier {
  // Required here: deployments without Redis never load ioredis (~120 ms of startup).
  const Redis = (require('ioredis') as typeof import('ioredis')).default;
  const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, retryStrategy: (times: number) => Math.min(200 * times, 5000) };
  const pub = new Redis(url, options);
  const sub = new Redis(url, { ...options, enableOfflineQueue: true });
  const quiet = (err: Error) => logger?.debug('content notifier: redis error (polling still runs)', { module: 'content', error: err.message });
  pub.on('error', quiet);
  sub.on('error', quiet);
  sub.subscribe(CHANNEL).catch(quiet);
  sub.on('message', (channel: string) => {
    if (channel === CHANNEL) onMessage();
  });
  return {
    announce: async (version) => {
      await pub.publish(CHANNEL, String(version)).catch(quiet);
    },
    close: async () => {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
