/** Retention: turn events older than EVENT_RETENTION_DAYS are deleted, at startup and then every hour. */
import type { Logger } from '../log/logger';
import { dayIds } from './ranges';
import type { EventStore } from './store';
import { kstDay } from './turn-event';

const DAY_MS = 86_400_000;

/**
 * Delete events older than `days`; returns how many were deleted.
 * @example await purgeOldEvents(store, 90)
 */
export async function purgeOldEvents(store: EventStore, days: number, now = Date.now()): Promise<number> {
  const cutoff = now - days * DAY_MS;
  const cutDay = kstDay(cutoff); // a KST day never starts after the UTC instant it contains ends
  // every event of the days up to cutDay has an id up to that (migration 004: no index on `day` or `at` is needed)
  const { hi } = await dayIds(store.db, '0000-00-00', cutDay);
  if (hi < 1) return 0;
  return store.db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('turn_rows').where('id', '<=', hi).where('at', '<', cutoff).executeTakeFirst();
    // the bounds of whole days gone (cutDay itself may keep events after the cutoff)
    await trx.deleteFrom('turn_days').where('day', '<', cutDay).execute();
    await trx.deleteFrom('turn_user_days').where('day', '<', cutDay).execute();
    return Number(result.numDeletedRows ?? 0);
  });
}

/**
 * Run `purgeOldEvents` soon after startup and then every `everyMs`; failures are logged, never thrown.
 * @example const stop = scheduleRetention(() => storePromise, 90, logger); stop()
 */
export function scheduleRetention(store: () => Promise<EventStore>, days: number, logger?: Logger, everyMs = 3_600_000): () => void {
  const run = async () => {
    try {
      const deleted = await purgeOldEvents(await store(), days);
      if (deleted) logger?.info('old turn events deleted', { module: 'events', deleted, days });
    } catch (err) {
      logger?.warn('event retention failed', { module: 'events', error: String(err) });
    }
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
