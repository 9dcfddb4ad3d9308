/**
 * The event writer's thread (started by `workerSink`): it opens its own connection to the event store and writes the
 * batches the server's recorder sends, so masking, hashing, inbox grouping and the database never run on the event
 * loop that answers turns. Replies `{id, error?}` per batch; log lines go back to the server's logger.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createNormalizer } from '../nlu/normalize';
import { setKnownWords } from '../privacy';
import { StoreHandle } from './handle';
import type { StoreConfig } from './store';
import type { FactBatch } from './turn-event';
import { createEventWriter } from './writer';

export interface EventWorkerData {
  config: StoreConfig;
  synonyms: Record<string, string[]>;
  /**
   * The texts the server's masker knows its ordinary words from (`setKnownWords`): kept texts are masked here as the
   * turn log masks them (without them `그게 언제쯤이에요?` lost a word to the name mask).
   */
  knownWords?: string[];
}

/** A batch to write (with the recorder's code values this thread has not had yet), or `flush`: write the inbox counts held in memory. */
export type EventWorkerRequest = { id: number; batch: FactBatch; values?: string[] } | { id: number; flush: true };

/** This thread's name in `top -H`, `ps -L` and /proc (Linux; the benches read its CPU by it). */
export const EVENT_THREAD_NAME = 'bluebot-events';

export type EventWorkerMessage = { id: number; error?: string } | { log: { level: 'info' | 'warn' | 'error'; message: string; fields: Record<string, unknown> } };

if (parentPort) {
  const port = parentPort;
  try {
    fs.writeFileSync('/proc/thread-self/comm', EVENT_THREAD_NAME);
  } catch {
    // not Linux: the thread keeps its name
  }
  const { config, synonyms, knownWords } = workerData as EventWorkerData;
  if (knownWords) setKnownWords(knownWords);
  const say = (level: 'info' | 'warn' | 'error') => (message: string, fields: Record<string, unknown> = {}) => port.postMessage({ log: { level, message, fields } } satisfies EventWorkerMessage);
  const logger = { info: say('info'), warn: say('warn'), error: say('error') };
  const handle = new StoreHandle(config, logger as never);
  const writer = createEventWriter(() => handle.get(), createNormalizer(synonyms));
  /** The recorder's strings by local code, as sent so far (in order, with the batches that first use them). */
  const values: string[] = [];
  let chain = Promise.resolve();
  port.on('message', (req: EventWorkerRequest) => {
    const { id } = req;
    if ('values' in req && req.values) for (const v of req.values) values.push(v);
    chain = chain.then(() =>
      ('batch' in req ? writer.write(req.batch, values) : writer.flush()).then(
        () => port.postMessage({ id } satisfies EventWorkerMessage),
        (err: unknown) => port.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies EventWorkerMessage),
      ),
    );
  });
}
