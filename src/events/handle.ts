/** StoreHandle: the store opened once, and opened again later if the database was unreachable. */
import type { Logger } from '../log/logger';
import { openEventStore, type EventStore, type OpenOptions, type StoreConfig } from './store';

/**
 * `get()` resolves to the open store. When opening failed (database down, file unwritable), it rejects at once
 * until `retryMs` has passed, then tries again: a turn never waits for a database that is down.
 * @example const handle = new StoreHandle(config, logger); const { db } = await handle.get()
 */
export class StoreHandle {
  private opening: Promise<EventStore> | undefined;
  private failedAt = 0;
  private lastError: unknown;

  constructor(
    private readonly config: StoreConfig,
    private readonly logger?: Logger,
    private readonly opts: OpenOptions & { retryMs?: number; open?: typeof openEventStore } = {},
  ) {}

  get(): Promise<EventStore> {
    const retryMs = this.opts.retryMs ?? 10_000;
    if (this.failedAt && Date.now() - this.failedAt < retryMs) return Promise.reject(this.lastError);
    if (!this.opening || this.failedAt) {
      this.failedAt = 0;
      const open = this.opts.open ?? openEventStore;
      this.opening = open(this.config, this.opts);
      this.opening.then(
        (store) => this.logger?.info('event store open', { module: 'events', dialect: store.dialect, where: store.where }),
        (err: unknown) => {
          this.failedAt = Date.now();
          this.lastError = err;
          this.logger?.error('event store down, turn events are dropped until it opens', { module: 'events', error: String(err) });
        },
      );
    }
    return this.opening;
  }

  /** Close the store if it was opened. */
  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = undefined;
    const store = await opening?.catch(() => undefined);
    await store?.close();
  }
}
