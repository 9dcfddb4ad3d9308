/** Model artifact: a trained NLP.js model saved as models/model-<hash>.json, reused while intents/ are unchanged. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Content } from '../content/load';
import { createNlp } from './nlpjs';
import { NlpjsClassifier, trainNlp } from './classifier';
import { createNormalizer } from './normalize';

/** Bump when the pipeline (normalizer code, features, NLP.js settings) changes in a way data can't show. */
export const PIPELINE_VERSION = 'nlpjs-ko-1';

export type ModelSource = 'loaded' | 'trained';

export interface LoadedModel {
  classifier: NlpjsClassifier;
  source: ModelSource;
  file: string;
  ms: number;
}

/** Hash of intents/, the synonym map and the pipeline version: the model's identity. */
export function modelHash(content: Pick<Content, 'nluSource'>): string {
  return crypto.createHash('sha256').update(PIPELINE_VERSION).update(content.nluSource).digest('hex').slice(0, 16);
}

export function modelFile(modelDir: string, hash: string): string {
  return path.join(modelDir, `model-${hash}.json`);
}

/** Train from content and write the artifact; returns its path. */
export async function trainAndSave(content: Content, modelDir: string): Promise<string> {
  const hash = modelHash(content);
  const nlp = await trainNlp(content.intents, createNormalizer(content.synonyms));
  fs.mkdirSync(modelDir, { recursive: true });
  const file = modelFile(modelDir, hash);
  fs.writeFileSync(`${file}.tmp`, nlp.export(true));
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

/**
 * Load the artifact matching the current content, or train (and save) when it is missing or stale.
 * @example const { classifier, source } = await loadOrTrain(content, 'models')
 */
export async function loadOrTrain(content: Content, modelDir: string): Promise<LoadedModel> {
  const started = Date.now();
  const hash = modelHash(content);
  const file = modelFile(modelDir, hash);
  const normalize = createNormalizer(content.synonyms);
  if (fs.existsSync(file)) {
    const nlp = await createNlp();
    nlp.import(fs.readFileSync(file, 'utf8'));
    return { classifier: new NlpjsClassifier(nlp, normalize, hash), source: 'loaded', file, ms: Date.now() - started };
  }
  const nlp = await trainNlp(content.intents, normalize);
  try {
    fs.mkdirSync(modelDir, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, nlp.export(true));
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // read-only filesystem: serve the freshly trained model anyway
  }
  return { classifier: new NlpjsClassifier(nlp, normalize, hash), source: 'trained', file, ms: Date.now() - started };
}
