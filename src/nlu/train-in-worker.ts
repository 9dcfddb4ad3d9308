/**
 * trainInWorker: train the NLU off the event loop, in a worker thread, so a server that has to train at startup
 * still answers /healthz (200) and /readyz (503) meanwhile. Takes the content to train on and resolves to the
 * serialized model (the artifact `loadOrTrain` writes and loads); rejects with a TrainError on a timeout, a crash
 * or a training error. Reusable by anything that trains (a publish step, the CLIs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Artifact, NluContent } from './model';
import type { EngineOptions } from './nlpjs';
import type { TrainRequest } from './train-worker';

export interface TrainInWorkerOptions {
  /** The worker is stopped and the promise rejected after this long (default 120 s; training takes 10–20 s). */
  timeoutMs?: number;
  engine?: EngineOptions;
  /** V8 heap limit of the worker in MB (default: Node's own). */
  maxHeapMb?: number;
}

export class TrainError extends Error {
  override name = 'TrainError';
}

/**
 * @example const artifact = await trainInWorker(loadContent('.'), { timeoutMs: 60_000 })
 */
export function trainInWorker(content: NluContent, { timeoutMs = 120_000, engine, maxHeapMb }: TrainInWorkerOptions = {}): Promise<Artifact> {
  const entry = workerEntry();
  const data: TrainRequest = { content: { intents: content.intents, synonyms: content.synonyms, nluSource: content.nluSource }, engine };
  return new Promise<Artifact>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(entry.code, {
      eval: entry.eval,
      workerData: data,
      stdout: false,
      stderr: false,
      ...(maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } } : {}),
    });
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new TrainError(`training did not finish within ${timeoutMs} ms`))), timeoutMs);
    worker.once('message', (msg: { artifact?: Artifact; error?: string }) =>
      finish(() => (msg.artifact ? resolve(msg.artifact) : reject(new TrainError(`training failed: ${msg.error ?? 'no model returned'}`)))),
    );
    worker.once('error', (err) => finish(() => reject(new TrainError(`training worker crashed: ${err.message}`))));
    worker.once('exit', (code) => finish(() => reject(new TrainError(`training worker exited (code ${code}) before returning a model`))));
  });
}

/**
 * The compiled worker next to this file (dist/), or, when running from source (tsx, jest), a shim that registers
 * tsx's require hook in the worker and then loads the .ts file (a loader given with --import does not reach it).
 */
function workerEntry(): { code: string; eval: boolean } {
  const js = path.join(__dirname, 'train-worker.js');
  if (fs.existsSync(js)) return { code: js, eval: false };
  const ts = path.join(__dirname, 'train-worker.ts');
  return { code: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(ts)});`, eval: true };
}
