/** k-fold cross-validation on intents/: train on k−1 folds, classify the held-out fold, pool the results. */
import type { Content } from '../../content/load';
import { trainModel } from '../model';
import type { EngineOptions } from '../nlpjs';
import { NONE, type PipelineSwitches } from '../classifier';
import { isTopic } from '../labels';
import { kFolds } from './dataset';
import { classifyAll, type Classified } from './evaluate';

/**
 * Classify every training utterance with a model that never saw it (k models in all).
 * @example const classified = await crossValidate(loadContent('.'), 5)
 */
export async function crossValidate(content: Pick<Content, 'intents' | 'synonyms'> & Partial<Pick<Content, 'facts'>>, k = 5, engine?: EngineOptions, off: Array<keyof PipelineSwitches> = []): Promise<Classified[]> {
  const out: Classified[] = [];
  for (const { train, test } of kFolds(content.intents, k)) {
    // the fact rules too: the bot answers with them (they are read beside the model, never trained)
    const { classifier } = await trainModel({ intents: train, synonyms: content.synonyms, facts: content.facts, nluSource: '' }, engine);
    for (const step of off) classifier.steps[step] = false;
    // an out-of-scope topic is out of scope: /nlu/parse answers it as None, so that is its right answer
    out.push(...(await classifyAll(classifier, test.map((row) => (isTopic(row.intent) ? { ...row, intent: NONE } : row)))));
  }
  return out;
}
