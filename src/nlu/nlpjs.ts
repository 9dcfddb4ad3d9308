/** NLP.js engine setup for Korean: our own features as the `ko` stemmer, the `까` fix, and the settings traps handled. */
import { containerBootstrap, type Container } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { DEFAULT_FEATURES, textFeatures, type FeatureOptions } from './features';
import { useFastTrainer } from './perceptron';

/**
 * Which code trains the network: `fast` (perceptron.ts, the default) or NLP.js's own. Both give the same network;
 * `nlpjs` is kept for the scale benchmark's comparison and the equivalence test.
 */
export type Trainer = 'fast' | 'nlpjs';

export interface EngineOptions {
  features: FeatureOptions;
  /** Also emit lang-ko's stems (costs its ~110 MB dictionary). */
  langKoStems: boolean;
  /** Feature value: 1 for every feature (NLP.js default) or 1/√n so long texts don't take huge steps. */
  scale?: 'one' | 'sqrt';
  /** Repair one-jamo typos in key terms before classifying (normalize.ts). */
  fuzzy?: boolean;
}

export const DEFAULT_ENGINE: EngineOptions = { features: DEFAULT_FEATURES, langKoStems: false, scale: 'sqrt' };

/**
 * Registered as `normalizer-ko`. lang-ko's own normalizer deletes every `까` (`까먹다` → `먹다`,
 * nlpjs-korean.md §1), and without any `ko` normalizer NLP.js falls back to one that NFD-decomposes Hangul into
 * jamo. We normalize before NLP.js (normalize.ts), so this one only lowercases; it also replaces the private
 * normalizer of lang-ko's stemmer when lang-ko stems are switched on.
 */
class KeepKkaNormalizer {
  name = 'normalizer-ko';
  normalize(text: string): string {
    return text.toLowerCase();
  }
  run(input: { text: string }) {
    input.text = this.normalize(input.text);
    return input;
  }
}

/** Whitespace tokenizer: the real features come from the stemmer, which reads the whole text. */
class SpaceTokenizer {
  name = 'tokenizer-ko';
  tokenize(text: string): string[] {
    return text.split(/\s+/).filter(Boolean);
  }
  run(input: { text: string; tokens?: string[] }) {
    input.tokens = this.tokenize(input.text);
    return input;
  }
}

/** The `ko` stemmer NLP.js calls for every utterance: returns our feature list (plus lang-ko stems if asked). */
class FeatureStemmer {
  name = 'stemmer-ko';
  constructor(
    private readonly opts: EngineOptions,
    private readonly langKo?: { stem(text: string, input: object): Promise<string[]> },
  ) {}
  async stem(tokens: string[] | string, input: { text?: string; utterance?: string }): Promise<string[]> {
    const text = typeof tokens === 'string' ? tokens : (input.text ?? input.utterance ?? tokens.join(' '));
    const features = textFeatures(text, this.opts.features);
    if (!this.langKo) return features;
    const stems = await this.langKo.stem(text, input);
    return [...features, ...stems.map((s) => `s:${s}`)];
  }
  async run(input: { text: string; tokens: string[] }) {
    input.tokens = await this.stem(input.tokens, input);
    return input;
  }
}

class ScaledArrToObj {
  name = 'arrToObj';
  run(input: { tokens: string[] | Record<string, number> } | string[]) {
    const arr = Array.isArray(input) ? input : (input.tokens as string[]);
    const w = arr.length ? 1 / Math.sqrt(arr.length) : 1;
    const obj: Record<string, number> = {};
    for (const t of arr) obj[t] = w;
    if (Array.isArray(input)) return obj;
    input.tokens = obj;
    return input;
  }
}

async function koreanContainer(opts: EngineOptions): Promise<Container> {
  const container = await containerBootstrap();
  const normalizer = new KeepKkaNormalizer();
  let langKoStemmer;
  if (opts.langKoStems) {
    // Loaded only when asked: requiring lang-ko and its dictionary costs ~0.6 s and ~110 MB.
    const { LangKo } = require('@nlpjs/lang-ko') as typeof import('@nlpjs/lang-ko');
    container.use(LangKo);
    langKoStemmer = container.get('stemmer-ko');
    langKoStemmer.normalizer = normalizer;
  }
  container.register('normalizer-ko', normalizer, true);
  container.register('tokenizer-ko', new SpaceTokenizer(), true);
  container.register('stemmer-ko', new FeatureStemmer(opts, langKoStemmer), true);
  if (opts.scale === 'sqrt') container.register('arrToObj', new ScaledArrToObj(), true);
  return container;
}

/**
 * A fresh, untrained Korean Nlp: no autosave, no epoch logs, None feature on, no sentiment.
 * @example const nlp = await createNlp(); nlp.addDocument('ko', '비밀번호 잊어버렸어요', 'faq.forgot_credentials')
 */
export async function createNlp(opts: EngineOptions = DEFAULT_ENGINE, trainer: Trainer = 'fast'): Promise<Nlp> {
  const container = await koreanContainer(opts);
  const nlp = new Nlp({
    container,
    languages: ['ko'],
    autoSave: false,
    autoLoad: false,
    threshold: 0,
    calculateSentiment: false,
    forceNER: false,
    nlu: { log: false, useNoneFeature: true },
  });
  nlp.settings.autoSave = false;
  if (trainer === 'fast') useFastTrainer(nlp, container);
  return nlp;
}
