/**
 * The event recorder: a TurnHook that takes each answered turn's facts (plain data, no hashing or masking) into a
 * bounded in-memory queue and hands batches to a writer: in this thread (`store`), or in a worker thread (`sink` from
 * `workerSink`, what the server uses) so that masking, hashing and the database stay off the event loop that answers
 * turns. When the queue is full, or the database fails, events are dropped and counted
 * (`bluebot_events_dropped_total{reason}`); turns are answered as always.
 */
import { Counter, type Registry } from 'prom-client';
import type { TurnHook } from '../http/routes/skill';
import type { Logger } from '../log/logger';
import type { Normalizer } from '../nlu/normalize';
import type { EventStore } from './store';
import { ValueCodes } from './codes';
import { BatchBuilder, pushFacts, type FactBatch, type Versions } from './turn-event';
import { createEventWriter } from './writer';

export interface RecorderOptions {
  /** Write in this thread, to this store (tests, tools); rejects while the database is unreachable. */
  store?: () => Promise<EventStore>;
  /**
   * Or hand each batch to this (e.g. `workerSink`) with the recorder's strings by local code (`ValueCodes.values`, one
   * array that only grows); a rejection drops the batch. `flush`, if there, is awaited by the recorder's.
   */
  sink?: ((batch: FactBatch, values: readonly string[]) => Promise<void>) & { flush?: () => Promise<void> };
  logger?: Logger;
  /** Turns held in memory (queued or being written) at most; more are dropped (EVENT_QUEUE). */
  maxQueue?: number;
  /** Rows per write (EVENT_BATCH). */
  batchSize?: number;
  /** Longest wait before queued turns are written (EVENT_FLUSH_MS). */
  flushMs?: number;
  versions?: () => Versions;
  /** Groups inbox texts (the content's normalizer: synonyms and typos); in-thread writes only. */
  normalize?: Normalizer;
  /** Where the written/dropped counters go (the app's /metrics registry). */
  registry?: Registry;
}

/**
 * Turns per write under load (light traffic is written by the `flushMs` timer first): larger batches rewrite fewer
 * pages per event, and the writer thread wakes less often. In the turn bench, the writer thread's CPU per turn: 3.3 µs
 * at 1,000, 2.9 at 4,000 written every 200 ms (~2,300 turns then), 2.6 at 4,000 with the 1 s timer, 2.3 at 8,000 with
 * the 2 s one (bench/results.md, "Sixth pass" and "Seventh pass"). A batch's numbers take 960 KB (transferred, not
 * copied); a failed write drops up to this many turns at once (counted).
 */
export const EVENT_BATCH = 8000;
/** Turns held at most (queued or being written): three batches; more are dropped (counted), never queued without bound. */
export const EVENT_QUEUE = 3 * EVENT_BATCH;
/**
 * Longest wait before queued turns are written: what light traffic waits to reach the console. Under load the batch
 * fills first (8,000 turns take ~0.7 s of a busy event loop).
 */
export const EVENT_FLUSH_MS = 2000;

export type DropReason = 'queue_full' | 'db_error';

export interface EventRecorder {
  hook: TurnHook;
  /** Write everything queued now and wait for it (tests, shutdown). */
  flush(): Promise<void>;
  /** Flush, then stop the timer. */
  close(): Promise<void>;
  counts(): { written: number; dropped: Record<DropReason, number>; queued: number };
}

/**
 * @example const rec = createEventRecorder({ sink: workerSink({ config, synonyms }), registry }); hooks.push(rec.hook)
 */
export function createEventRecorder({
  store,
  sink,
  logger,
  maxQueue = EVENT_QUEUE,
  batchSize = EVENT_BATCH,
  flushMs = EVENT_FLUSH_MS,
  versions = () => ({ model: null, content: null }),
  normalize,
  registry,
}: RecorderOptions): EventRecorder {
  if (!sink && !store) throw new Error('createEventRecorder needs a store or a sink');
  const writer = sink ? { write: sink, flush: sink.flush } : createEventWriter(store as () => Promise<EventStore>, normalize);
  const write = writer.write;
  const log = logger?.child({ module: 'events' });
  const registers = registry ? [registry] : [];
  const droppedCounter = new Counter({
    name: 'bluebot_events_dropped_total',
    help: 'Turn events not stored: the in-memory queue was full, or the database failed',
    labelNames: ['reason'] as const,
    registers,
  });
  const writtenCounter = new Counter({ name: 'bluebot_events_written_total', help: 'Turn events written to the event store', registers });
  const counts = { written: 0, dropped: { queue_full: 0, db_error: 0 } as Record<DropReason, number> };
  /** Queued turns, in batches of `batchSize` turns allocated whole (`BatchBuilder`); the last one is being filled. */
  let queue: BatchBuilder[] = [];
  let queued = 0;
  /** The strings of the coded columns, numbered as first seen (`codes.ts`). */
  const codes = new ValueCodes();
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let lastWarn = 0;

  const drop = (n: number, reason: DropReason) => {
    counts.dropped[reason] += n;
    droppedCounter.inc({ reason }, n);
  };

  const hook: TurnHook = (turn, report) => {
    if (queued + inFlight >= maxQueue) return drop(1, 'queue_full');
    let filling = queue[queue.length - 1];
    if (!filling || filling.full) queue.push((filling = new BatchBuilder(batchSize)));
    pushFacts(filling, turn, report, versions(), codes);
    queued++;
    if (queue[0].full) schedule(0);
    else if (!timer) schedule(flushMs);
  };

  /** The pending timer's delay: a full batch asks for 0 once, not once per further turn. */
  let timerMs = -1;
  function schedule(ms: number): void {
    if (timer && (ms > 0 || timerMs === 0)) return;
    clearTimeout(timer);
    timerMs = ms;
    timer = setTimeout(() => {
      timer = undefined;
      void drain(ms > 0);
    }, ms);
    timer.unref();
  }

  /** Whether everything queued is to be written (the flush timer fired, or `flush`), not only full batches. */
  let asked = false;

  /**
   * One batch at a time, of at most `batchSize` turns. `all`: write every queued turn; else (a full batch's timer)
   * only full batches: the turns queued meanwhile wait for their own timer or a full batch. Written at once, they
   * made one small write after every full one (a transaction and a message each; bench/results.md).
   */
  function drain(all = true): Promise<void> {
    if (all) asked = true;
    if (writing) return writing;
    writing = (async () => {
      while (queue.length && (queue[0].full || (asked && queued))) {
        const batch = (queue.shift() as BatchBuilder).batch;
        if (!queue.length) asked = false;
        queued -= batch.n;
        inFlight = batch.n;
        await writeBatch(batch);
        inFlight = 0;
      }
    })().finally(() => {
      writing = undefined;
      if (queued && !timer) schedule(flushMs);
    });
    return writing;
  }

  async function writeBatch(batch: FactBatch): Promise<void> {
    const n = batch.n;
    try {
      await write(batch, codes.values);
      counts.written += n;
      writtenCounter.inc(n);
    } catch (err) {
      drop(n, 'db_error');
      const now = Date.now();
      if (now - lastWarn > 60_000) {
        lastWarn = now;
        log?.warn('event store write failed, events dropped (further failures logged at most once a minute)', { count: n, error: String(err) });
      }
    }
  }

  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    await drain();
    if (queued) await drain(); // turns queued while the last batch was written
    await writer.flush?.().catch(() => undefined); // the inbox counts held in memory; failures count as the batches' do
  };
  return { hook, flush, close: flush, counts: () => ({ written: counts.written, dropped: { ...counts.dropped }, queued: queued + inFlight }) };
}
