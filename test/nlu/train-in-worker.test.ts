/** trainInWorker: trains in a worker thread and returns the serialized model; timeouts and crashes reject cleanly. */
import { modelHash } from '../../src/nlu/model';
import { TrainError, trainInWorker } from '../../src/nlu/train-in-worker';

const intents = [
  { intent: 'faq.signup', utterances: ['회원가입 해야 하나요', '가입 필요해요?', '회원 가입 방법'] },
  { intent: 'faq.refresh_training', utterances: ['리프레시 교육이 뭐예요', '리프레시 교육 대상', '리프레시 교육 기간'] },
];
const content = { intents, synonyms: {}, nluSource: JSON.stringify({ intents, synonyms: {} }) };

describe('trainInWorker', () => {
  it('returns the serialized model for the content it was given', async () => {
    const artifact = await trainInWorker(content);
    expect(artifact.hash).toBe(modelHash(content));
    expect(artifact.texts.map((t) => t.intent).sort()).toEqual([...Array(3).fill('faq.refresh_training'), ...Array(3).fill('faq.signup')]);
    expect(JSON.parse(artifact.nlp)).toEqual(expect.any(Object));
  }, 60_000);

  it('rejects with a TrainError and stops the worker when it runs past the timeout', async () => {
    const began = Date.now();
    await expect(trainInWorker(content, { timeoutMs: 5 })).rejects.toThrow(new TrainError('training did not finish within 5 ms'));
    expect(Date.now() - began).toBeLessThan(5_000);
  });

  it('rejects with a TrainError naming the crash when the worker dies (here: out of memory)', async () => {
    const big = Array.from({ length: 40 }, (_, i) => ({ intent: `i${i}`, utterances: Array.from({ length: 400 }, (_, j) => `문장 ${i} ${j} 가나다라마바사 ${j * i}`) }));
    const heavy = { intents: big, synonyms: {}, nluSource: 'heavy' };
    await expect(trainInWorker(heavy, { maxHeapMb: 8 })).rejects.toThrow(/^training worker (crashed|exited)/);
  }, 60_000);
});
