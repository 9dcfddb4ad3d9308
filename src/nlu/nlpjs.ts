/** NLP.js engine setup for Korean: container, the `까` fix, and the settings traps handled (nlpjs-korean.md §2). */
import { containerBootstrap, type Container } from '@nlpjs/core';
import { LangKo } from '@nlpjs/lang-ko';
import { Nlp } from '@nlpjs/nlp';

/**
 * lang-ko's normalizer deletes every `까` (`까먹다` → `먹다`). We normalize before NLP.js, so the
 * replacement only lowercases. The stemmer keeps a private normalizer, which is swapped as well.
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

async function koreanContainer(): Promise<Container> {
  const container = await containerBootstrap();
  container.use(LangKo);
  const normalizer = new KeepKkaNormalizer();
  container.register('normalizer-ko', normalizer, true);
  const stemmer = container.get('stemmer-ko');
  if (stemmer) stemmer.normalizer = normalizer;
  return container;
}

/** A fresh, untrained Korean Nlp: no autosave, no epoch logs, None feature on, no sentiment. */
export async function createNlp(): Promise<Nlp> {
  const container = await koreanContainer();
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
  return nlp;
}
