/**
 * The training worker thread: receives `{ content, engine }` (plain data), trains the NLU pipeline with
 * `trainModel`, and posts back `{ artifact }` (the serialized model) or `{ error }`. Started by `trainInWorker`;
 * it never touches the disk and exits once it has answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { trainModel, type NluContent } from './model';
import type { EngineOptions } from './nlpjs';

export interface TrainRequest {
  content: NluContent;
  engine?: EngineOptions;
}

async function run(): Promise<void> {
  const { content, engine } = workerData as TrainRequest;
  try {
    const { artifact } = await trainModel(content, engine);
    parentPort?.postMessage({ artifact });
  } catch (err) {
    parentPort?.postMessage({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}

void run();
