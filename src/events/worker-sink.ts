/**
 * workerSink: the recorder's batches go to a worker thread (`event-worker.ts`) that writes them. A batch is answered
 * when it is stored; it is rejected when the database failed, or when the worker died (a new one starts with the next
 * batch). The worker is started with the first batch, so startup costs nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log/logger';
import type { EventWorkerData, EventWorkerMessage, EventWorkerRequest } from './event-worker';
import type { FactBatch } from './turn-event';

export interface WorkerSinkOptions extends EventWorkerData {
  logger?: Logger;
  /** Resolves when the database is migrated (the server's own store handle): the worker opens it afterwards. */
  ready?: () => Promise<unknown>;
}

export interface WorkerSink {
  /** `values`: the recorder's strings by local code; each worker is sent the ones it has not had yet. */
  (batch: FactBatch, values: readonly string[]): Promise<void>;
  /** Have the worker write the inbox counts it holds (after the batches sent before). */
  flush(): Promise<void>;
  /** Stop the worker (after the last batch was answered). */
  close(): Promise<void>;
}

/**
 * @example const sink = workerSink({ config, synonyms: content.synonyms, logger }); createEventRecorder({ sink })
 */
export function workerSink({ config, synonyms, knownWords, logger, ready }: WorkerSinkOptions): WorkerSink {
  let worker: Worker | undefined;
  /** How many of the recorder's code values the current worker was sent (messages arrive in order). */
  let valuesSent = 0;
  let nextId = 1;
  const pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();

  const start = (): Worker => {
    const entry = workerEntry();
    const w = new Worker(entry.code, { eval: entry.eval, workerData: { config, synonyms, knownWords } satisfies EventWorkerData, stdout: false, stderr: false });
    w.unref();
    w.on('message', (msg: EventWorkerMessage) => {
      if ('log' in msg) return void logger?.[msg.log.level](msg.log.message, { module: 'events', ...msg.log.fields });
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error));
      else p?.resolve();
    });
    const died = (why: string) => {
      if (worker !== w) return;
      worker = undefined;
      for (const p of pending.values()) p.reject(new Error(`event writer thread ${why}`));
      pending.clear();
    };
    w.on('error', (err) => {
      logger?.error('event writer thread crashed', { module: 'events', error: err.message });
      died('crashed');
    });
    w.on('exit', (code) => died(`exited (${code})`));
    return w;
  };

  const send = (w: Worker, message: Omit<EventWorkerRequest, 'id'>, transfer: ArrayBuffer[] = []): Promise<void> => {
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, ...message } as EventWorkerRequest, transfer);
    });
  };
  const sink = async (batch: FactBatch, values: readonly string[]): Promise<void> => {
    if (!worker) {
      await ready?.().catch(() => undefined); // the worker's own store handle reports and retries a database that is down
      if (!worker) {
        worker = start();
        valuesSent = 0;
      }
    }
    // the batch's numbers move to the thread (the buffer is transferred, not copied; the recorder is done with it),
    // its two string lists are cloned
    const fresh = values.length > valuesSent ? values.slice(valuesSent) : undefined;
    valuesSent = values.length;
    return send(worker, fresh ? { batch, values: fresh } : { batch }, [batch.nums.buffer as ArrayBuffer]);
  };
  return Object.assign(sink, {
    flush: async () => {
      if (worker) await send(worker, { flush: true });
    },
    close: async () => {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  });
}

/** The compiled worker next to this file (dist/), or from source (tsx, jest) through tsx's require hook. */
function workerEntry(): { code: string; eval: boolean } {
  const js = path.join(__dirname, 'event-worker.js');
  if (fs.existsSync(js)) return { code: js, eval: false };
  const ts = path.join(__dirname, 'event-worker.ts');
  return { code: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(ts)});`, eval: true };
}
