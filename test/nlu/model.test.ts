/** The model artifact: named by the hash of intents/ + synonyms, loaded when present, retrained when missing or broken. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Content } from '../../src/content/load';
import { loadOrTrain, modelFile, modelHash, trainAndSave } from '../../src/nlu/model';

const intents = [
  { intent: 'faq.signup', utterances: ['회원가입 해야 하나요', '가입해야 교육 들을 수 있나요', '사이트 가입 필요해요?'] },
  { intent: 'faq.forgot_credentials', utterances: ['비밀번호 잊어버렸어요', '아이디 찾기', '비번 재설정'] },
  { intent: 'None', utterances: ['콜이 안 잡혀요', '정산 언제 돼요', '오늘 날씨 어때'] },
];
const synonyms = { 비밀번호: ['비번'] };
const content = (syn: Record<string, string[]> = synonyms): Content => ({
  intents,
  synonyms: syn,
  responses: new Map(),
  facts: {},
  nluSource: JSON.stringify({ intents, synonyms: syn }),
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-model-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('model artifact', () => {
  it('is named by a hash that changes with the synonym map', () => {
    expect(modelHash(content())).toMatch(/^[0-9a-f]{16}$/);
    expect(modelHash(content({ 비밀번호: ['비번', '빈번'] }))).not.toBe(modelHash(content()));
  });

  it('trains when missing (saying why), then loads the saved artifact with the same answers', async () => {
    const first = await loadOrTrain(content(), dir);
    expect(first.source).toBe('trained');
    expect(first.reason).toMatch(/no artifact/);
    expect(fs.existsSync(modelFile(dir, modelHash(content())))).toBe(true);
    const second = await loadOrTrain(content(), dir);
    expect(second.source).toBe('loaded');
    for (const text of ['비번 까먹음', '가입 해야돼요?', '콜 안 들어와요']) {
      expect(await second.classifier.classify(text)).toEqual(await first.classifier.classify(text));
    }
  });

  it('retrains when the artifact is stale (content changed) or unreadable', async () => {
    await trainAndSave(content(), dir);
    const changed = content({ 비밀번호: ['비번', 'pw'] });
    const stale = await loadOrTrain(changed, dir);
    expect(stale.source).toBe('trained');
    expect(stale.reason).toMatch(/^stale: model-[0-9a-f]{16}\.json was trained on other content/);
    expect(fs.readdirSync(dir)).toEqual([path.basename(modelFile(dir, modelHash(changed)))]);
    fs.writeFileSync(modelFile(dir, modelHash(content())), '{"not": "a model"');
    const broken = await loadOrTrain(content(), dir);
    expect(broken.source).toBe('trained');
    expect(broken.reason).toMatch(/unreadable|unusable/);
    expect((await broken.classifier.classify('비번 분실')).intent).toBe('faq.forgot_credentials');
  });
});
