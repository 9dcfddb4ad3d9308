/**
 * The event recorder: a TurnHook that queues each answered turn in memory and writes batches off the hot path.
 * The queue is bounded: when it is full, or the database fails, events are dropped and counted
 * (`bluebot_events_dropped_total`), and turns are answered as always.
 */
import { Counter, type Registry } from 'prom-client';
import type { TurnReport } from '../dialog/conversation';
import type { TurnInput } from '../dialog/types';
import type { TurnHook } from '../http/routes/skill';
import type { Logger } from '../log/logger';
import { clean, type Normalizer } from '../nlu/normalize';
import { InboxWriter } from './inbox';
import { sqliteOps } from './inbox-ops';
import type { EventStore } from './store';
import type { NewTurnEvent } from './schema';
import { keptBecause, toEvent, type Versions } from './turn-event';

export interface RecorderOptions {
  /** The store, once open; rejects while the database is unreachable (the batch is then dropped). */
  store: () => Promise<EventStore>;
  logger?: Logger;
  /** Turns held in memory at most; more are dropped. */
  maxQueue?: number;
  /** Rows per write. */
  batchSize?: number;
  /** Longest wait before queued turns are written. */
  flushMs?: number;
  versions?: () => Versions;
  /** Groups inbox texts (the content's normalizer: synonyms and typos). */
  normalize?: Normalizer;
  /** Where the written/dropped counters go (the app's /metrics registry). */
  registry?: Registry;
}

/** Rows per write: larger batches rewrite fewer index pages per event (bench/results.md). */
const BATCH = 1000;

export type DropReason = 'queue_full' | 'db_error';

export interface EventRecorder {
  hook: TurnHook;
  /** Write everything queued now (tests, shutdown). */
  flush(): Promise<void>;
  /** Flush, then stop the timer. */
  close(): Promise<void>;
  counts(): { written: number; dropped: Record<DropReason, number>; queued: number };
}

interface Queued {
  turn: TurnInput;
  report: TurnReport;
}

/**
 * @example const rec = createEventRecorder({ store: () => storePromise, registry }); hooks.push(rec.hook)
 */
export function createEventRecorder({
  store,
  logger,
  maxQueue = 10_000,
  batchSize = BATCH,
  flushMs = 200,
  versions = () => ({ model: null, content: null }),
  normalize = clean,
  registry,
}: RecorderOptions): EventRecorder {
  const log = logger?.child({ module: 'events' });
  const registers = registry ? [registry] : [];
  const droppedCounter = new Counter({
    name: 'bluebot_events_dropped_total',
    help: 'Turn events not stored: the in-memory queue was full, or the database failed',
    labelNames: ['reason'] as const,
    registers,
  });
  const writtenCounter = new Counter({ name: 'bluebot_events_written_total', help: 'Turn events written to the event store', registers });
  const inbox = new InboxWriter(normalize);
  const counts = { written: 0, dropped: { queue_full: 0, db_error: 0 } as Record<DropReason, number> };
  let queue: Queued[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let lastWarn = 0;

  const drop = (n: number, reason: DropReason) => {
    counts.dropped[reason] += n;
    droppedCounter.inc({ reason }, n);
  };

  const hook: TurnHook = (turn, report) => {
    if (queue.length >= maxQueue) return drop(1, 'queue_full');
    queue.push({ turn, report });
    if (queue.length >= batchSize) schedule(0);
    else if (!timer) schedule(flushMs);
  };

  function schedule(ms: number): void {
    if (timer && ms > 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, ms);
    timer.unref();
  }

  /** One writer at a time; each round takes at most `batchSize` turns. */
  function drain(): Promise<void> {
    if (writing) return writing;
    writing = (async () => {
      while (queue.length) {
        const batch = queue.slice(0, batchSize);
        queue = queue.slice(batch.length);
        await write(batch);
      }
    })().finally(() => (writing = undefined));
    return writing;
  }

  async function write(batch: Queued[]): Promise<void> {
    try {
      const v = versions();
      const rows = batch.map(({ turn, report }) => toEvent(turn, report, v));
      const sightings = rows
        .filter((row, i) => row.text && keptBecause(batch[i].report))
        .map((row) => ({ text: row.text as string, at: row.at, guessIntent: row.guess_intent ?? null, guessScore: row.guess_score ?? null }));
      const open = await store();
      await open.db.transaction().execute(async (trx) => {
        if (open.sqlite) insertSqlite(open.sqlite, rows);
        else for (let i = 0; i < rows.length; i += 100) await trx.insertInto('turn_events').values(rows.slice(i, i + 100)).execute();
        if (sightings.length) await inbox.add(trx, sightings, open.sqlite ? sqliteOps(open.sqlite) : undefined);
      });
      counts.written += rows.length;
      writtenCounter.inc(rows.length);
    } catch (err) {
      drop(batch.length, 'db_error');
      inbox.reset();
      const now = Date.now();
      if (now - lastWarn > 60_000) {
        lastWarn = now;
        log?.warn('event store write failed; events dropped (further failures logged at most once a minute)', { count: batch.length, error: String(err) });
      }
    }
  }

  return {
    hook,
    flush: async () => {
      clearTimeout(timer);
      timer = undefined;
      await drain();
    },
    close: async () => {
      clearTimeout(timer);
      timer = undefined;
      await drain();
    },
    counts: () => ({ written: counts.written, dropped: { ...counts.dropped }, queued: queue.length }),
  };
}

/** Every column of an event row, in insert order. */
const COLUMNS = ['at', 'day', 'user_tag', 'route', 'intent', 'score', 'outcome', 'flow', 'step', 'latency_ms', 'model_version', 'content_version', 'text', 'guess_intent', 'guess_score'] as const satisfies ReadonlyArray<keyof NewTurnEvent>;
const statements = new WeakMap<object, { run(...values: unknown[]): unknown }>();

/**
 * SQLite's write path: one prepared statement run per row (parameters bound, as always), inside the caller's
 * transaction. Building one multi-row insert per batch through the query builder cost several times more CPU per
 * event (bench/results.md).
 */
function insertSqlite(sqlite: NonNullable<EventStore['sqlite']>, rows: NewTurnEvent[]): void {
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(`insert into turn_events (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
    statements.set(sqlite, insert);
  }
  for (const r of rows) {
    insert.run(r.at, r.day, r.user_tag, r.route, r.intent ?? null, r.score ?? null, r.outcome, r.flow ?? null, r.step ?? null, r.latency_ms, r.model_version ?? null, r.content_version ?? null, r.text ?? null, r.guess_intent ?? null, r.guess_score ?? null);
  }
}
