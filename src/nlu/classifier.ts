/** Intent classifier: normalizer + NLP.js, returning the top intent with ranked alternatives. */
import type { Nlp } from '@nlpjs/nlp';
import type { IntentFile } from '../content/schema';
import { createNlp } from './nlpjs';
import { createNormalizer, type Normalizer } from './normalize';

export interface NluAlternative {
  intent: string;
  score: number;
}

export interface NluResult {
  /** Best intent, or `None` when nothing fits. */
  intent: string;
  score: number;
  /** Runner-up intents, best first (at most 3). */
  alternatives: NluAlternative[];
  /** The text after normalization, as the classifier saw it. */
  normalized: string;
}

export interface ClassifyOptions {
  /** Only these intents may win (dialog-aware classification); `None` is always allowed. */
  allowList?: string[];
}

export interface Classifier {
  classify(text: string, options?: ClassifyOptions): Promise<NluResult>;
  /** Identifies the model (hash of intents/ and normalizer data). */
  readonly modelHash: string;
}

export const NONE = 'None';

/** Wraps a trained Nlp. Build it with `trainClassifier` or `loadClassifier` (see model.ts). */
export class NlpjsClassifier implements Classifier {
  constructor(
    private readonly nlp: Nlp,
    private readonly normalize: Normalizer,
    readonly modelHash: string,
  ) {}

  async classify(text: string, options: ClassifyOptions = {}): Promise<NluResult> {
    const normalized = this.normalize(text);
    if (!/[\p{L}\p{N}]/u.test(normalized)) return { intent: NONE, score: 1, alternatives: [], normalized };
    const settings = options.allowList ? { allowList: [...options.allowList, NONE] } : undefined;
    const res = await this.nlp.process('ko', normalized, {}, settings);
    const ranked = (res.classifications ?? [])
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((c) => ({ intent: c.intent, score: round(c.score) }));
    const top = ranked[0] ?? { intent: NONE, score: 1 };
    return { intent: top.intent, score: top.score, alternatives: ranked.slice(1, 4), normalized };
  }
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Add every utterance (normalized the same way as user text) and train. */
export async function trainNlp(intents: IntentFile[], normalize: Normalizer): Promise<Nlp> {
  const nlp = await createNlp();
  for (const { intent, utterances } of intents) {
    for (const u of utterances) {
      const text = normalize(u);
      if (text) nlp.addDocument('ko', text, intent);
    }
  }
  await nlp.train();
  return nlp;
}

export { createNormalizer };
