/** The fast trainer (src/nlu/perceptron.ts) must give NLP.js's network bit for bit, only sooner. */
import { createNlp, type Trainer } from '../../src/nlu/nlpjs';
import { loadContent } from '../../src/content/load';
import { normalizerFor, trainingTexts } from '../../src/nlu/model';
import { syntheticFaqs } from '../../bench/scale/synthetic';
import { ROOT } from '../helpers/app';

async function trained(trainer: Trainer, intents: Array<{ intent: string; utterances: string[] }>) {
  const real = loadContent(ROOT);
  const normalize = normalizerFor({ intents, synonyms: real.synonyms });
  const nlp = await createNlp(undefined, trainer);
  for (const { text, intent } of trainingTexts(intents, normalize)) nlp.addDocument('ko', text, intent);
  await nlp.train();
  const network = (nlp as any).nluManager.domainManagers.ko.domains.master_domain.neuralNetwork;
  return { json: nlp.export(true), fast: network.trainedFast === true, status: network.status };
}

describe('fast trainer', () => {
  it('exports the same model as NLP.js (weights, bias, epochs) on synthetic FAQs with None', async () => {
    const real = loadContent(ROOT);
    const none = real.intents.find((i) => i.intent === 'None')!;
    const intents = [...syntheticFaqs(6).map((s) => s.intent), { intent: 'None', utterances: none.utterances.slice(0, 80) }];
    const fast = await trained('fast', intents);
    const slow = await trained('nlpjs', intents);
    expect(fast.fast).toBe(true);
    expect(slow.fast).toBe(false);
    expect(fast.status).toEqual(slow.status);
    expect(fast.status.iterations).toBeGreaterThan(5);
    expect(fast.json).toBe(slow.json);
  }, 120_000);

  it('exports the same model as NLP.js on the real intents/ (so eval results cannot change)', async () => {
    const { intents } = loadContent(ROOT);
    const fast = await trained('fast', intents);
    const slow = await trained('nlpjs', intents);
    expect(fast.json).toBe(slow.json);
  }, 180_000);

  it('is what trainModel uses by default', async () => {
    const nlp = await createNlp();
    nlp.addDocument('ko', '비밀번호 분실', 'a');
    nlp.addDocument('ko', '회원 가입', 'b');
    await nlp.train();
    expect((nlp as any).nluManager.domainManagers.ko.domains.master_domain.neuralNetwork.trainedFast).toBe(true);
    expect((await nlp.process('ko', '비밀번호 분실', {})).intent).toBe('a');
  });
});
