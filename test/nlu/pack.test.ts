/** Packed weights (src/nlu/pack.ts): the artifact is smaller, and the imported model is the same model. */
import { createNlp } from '../../src/nlu/nlpjs';
import { importPacked, packWeights } from '../../src/nlu/pack';
import { syntheticFaqs } from '../../bench/scale/synthetic';

async function trainedExport(): Promise<string> {
  const nlp = await createNlp();
  for (const { intent } of syntheticFaqs(12)) for (const u of intent.utterances) nlp.addDocument('ko', u, intent.intent);
  await nlp.train();
  return nlp.export(true);
}

describe('packWeights / importPacked', () => {
  let exported: string;
  beforeAll(async () => {
    exported = await trainedExport();
  }, 60_000);

  it('round-trips to the identical NLP.js export, in less space', async () => {
    const packed = packWeights(exported);
    expect(packed.weights).toBeDefined();
    expect(packed.nlp.length + (packed.weights as string).length).toBeLessThan(exported.length * 0.8);
    const nlp = await createNlp();
    importPacked(nlp, packed.nlp, packed.weights);
    expect(nlp.export(true)).toBe(exported);
    expect((await nlp.process('ko', '수료증 신청 방법', {})).intent).toBe(await classifyWith(exported, '수료증 신청 방법'));
  });

  it('imports an unpacked export as before', async () => {
    const nlp = await createNlp();
    importPacked(nlp, exported);
    expect(nlp.export(true)).toBe(exported);
  });

  it('refuses truncated or mismatched weights', async () => {
    const packed = packWeights(exported);
    const short = Buffer.from(packed.weights as string, 'base64').subarray(0, 100).toString('base64');
    await expect(createNlp().then((nlp) => importPacked(nlp, packed.nlp, short))).rejects.toThrow(/truncated/);
    const long = Buffer.concat([Buffer.from(packed.weights as string, 'base64'), Buffer.alloc(12)]).toString('base64');
    await expect(createNlp().then((nlp) => importPacked(nlp, packed.nlp, long))).rejects.toThrow(/do not match/);
  });
});

async function classifyWith(exported: string, text: string): Promise<string> {
  const nlp = await createNlp();
  nlp.import(exported);
  return (await nlp.process('ko', text, {})).intent;
}
