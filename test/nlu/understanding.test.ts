/** Issue 10 on the real intents/: near-domain topics, the topic check, contrast, short messages, handoff forms, bad input. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { loadContent } from '../../src/content/load';
import { withoutAgain, type HybridClassifier } from '../../src/nlu/classifier';
import { STILL_FAILS } from '../../src/nlu/stuck';
import { loadOrTrain, normalizerFor, trainingTexts } from '../../src/nlu/model';
import { DEFAULT_THRESHOLDS } from '../../src/nlu/decide';
import { parse } from '../../src/nlu/parse';
import { splitParticle } from '../../src/nlu/particles';
import { TopicIndex } from '../../src/nlu/topics';
import { ROOT } from '../helpers/app';

let classifier: HybridClassifier;
beforeAll(async () => {
  ({ classifier } = await loadOrTrain(loadContent(ROOT), path.join(ROOT, 'models')));
});

describe('near-domain questions are not answered with the FAQ whose words they share', () => {
  it.each([
    ['수료증 잃어버렸는데 재발급 돼요?', 'oos.certificate'],
    ['입문 교육 수료증은 어디서 출력해요', 'oos.certificate'],
    ['교육 동영상이 재생이 안 돼요', 'oos.video'],
    ['카카오T 드라이버 앱 비밀번호 잊어버렸어요', 'oos.other_app'],
    ['교육장 주소 좀 알려주세요', 'oos.time_place'],
    ['보수교육도 여기서 신청해요?', 'oos.other_training'],
  ])('%s → None, topic %s', async (text, topic) => {
    const r = await parse(classifier, text);
    expect(r.intent).toBe('None');
    expect(r.topic).toBe(topic);
  });

  it('keeps an FAQ asked in its own clause next to an unanswerable one', async () => {
    expect((await parse(classifier, '리프레시 교육이 뭐예요? 수료증도 나오나요')).intent).toBe('faq.refresh_training');
  });
});

describe('contrast and negation: the asked part decides', () => {
  it.each([
    ['가입 말고 로그인은 어떻게 해요', 'faq.first_login'],
    ['까먹은 게 아니라 아직 한 번도 안 만들어 봤어요', 'faq.first_login'],
    ['처음 로그인하는 게 아니라 전에 만든 비밀번호를 까먹었어요', 'faq.forgot_credentials'],
    ['취소 말고 일정만 변경하고 싶어요', 'faq.schedule_change'],
    ['리프레시 교육 일정 말고 그게 무슨 교육인지 궁금해요', 'faq.refresh_training'],
    ['비밀번호 말고 수료증 재발급은요', 'None'],
  ])('%s → %s', async (text, intent) => {
    expect((await parse(classifier, text)).intent).toBe(intent);
  });
});

describe('the question after a statement of what is done, or next to another question, decides', () => {
  it.each([
    ['비번은 아는데 교육 일정은 어떻게 바꿔요', 'faq.schedule_change'],
    ['로그인은 했어요 근데 교육 날짜를 바꾸고 싶어요', 'faq.schedule_change'],
    ['입문교육 수료는 했어요 근데 리프레시 교육은 또 뭐예요', 'faq.refresh_training'],
    ['교육 일정을 바꾸고 싶은데 어떻게 해야 하나요? 안 되면 상담원이라도 연결해 주세요', 'faq.schedule_change'],
    ['교육 끝나면 언제부터 운행하는지, 수료증은 어디서 받는지 알려주세요', 'faq.start_driving'],
    ['카카오T 앱 비밀번호는 아는데 교육 사이트 비밀번호가 생각이 안 나요', 'faq.forgot_credentials'],
    ['수료증은 받았어요 근데 운행은 언제부터예요', 'faq.start_driving'],
    ['드라이버 앱 비번은 아는데 그 앱 아이디는 어떻게 찾아요', 'None'],
    // set-aside clauses (clauses.ts SET_ASIDE_MARKERS)
    ['비번은 괜찮은데 교육 날짜를 옮기고 싶어요', 'faq.schedule_change'],
    ['필수 교육은 알겠고요 운행은 언제부터 할 수 있어요', 'faq.start_driving'],
    ['교육 일정은 나중에 묻고 가입부터 어떻게 하는지 알려주세요', 'faq.signup'],
    // dialect endings are predicates, not unknown nouns (heads.ts)
    ['아이디를 잊어버렸슈 어디서 찾아유', 'faq.forgot_credentials'],
  ])('%s → %s', async (text, intent) => {
    expect((await parse(classifier, text)).intent).toBe(intent);
  });

  it('a request for a person at the end of a complaint is still handoff', async () => {
    expect((await parse(classifier, '몇 번을 물어봐도 엉뚱한 답만 나오네요. 상담원 연결해 주세요')).intent).toBe('handoff');
  });
});

describe('requests for a person in all their forms', () => {
  it.each(['산담원 연결', '연결해 주이소', '사람 연결 ㄱㄱ', 'ARS 말고 사람이랑 얘기할래요', '몇 번을 물어봐도 엉뚱한 답만 나오네요. 상담원 연결해 주세요'])('%s → handoff', async (text) => {
    expect((await parse(classifier, text)).intent).toBe('handoff');
  });
});

describe('very short messages', () => {
  it('offers the likely FAQs when the word alone does not decide', async () => {
    const r = await parse(classifier, '재교육');
    expect(r.decision).toMatchObject({ kind: 'clarify', reason: 'short' });
    expect(r.clarify?.length).toBeGreaterThanOrEqual(2);
  });

  it('asks about a word one FAQ uses when questions about other things use it too (기한), answers a word that is the FAQ\'s own', async () => {
    const deadline = await parse(classifier, '기한');
    expect(deadline.decision).toMatchObject({ kind: 'clarify', reason: 'short', intents: ['faq.incomplete_training'] });
    expect(deadline.nlu.spread?.find((s) => s.intent === 'None')?.share).toBeGreaterThanOrEqual(0.1);
    for (const [word, intent] of [['회원가입', 'faq.signup'], ['재수강', 'faq.incomplete_training'], ['리프레시교육', 'faq.refresh_training']]) {
      expect((await parse(classifier, word)).decision).toMatchObject({ kind: 'answer', intent });
    }
  });

  it('still answers control words directly', async () => {
    expect((await parse(classifier, '상담원')).intent).toBe('handoff');
    expect((await parse(classifier, '취소')).decision.kind).toBe('answer');
  });
});

describe('bad input', () => {
  it('never throws and always decides, whatever the text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
        const r = await parse(classifier, text);
        expect(typeof r.intent).toBe('string');
      }),
      { numRuns: 150 },
    );
  });

  it('classifies a 2,000-character message without punctuation quickly', async () => {
    const text = '교육일정을바꾸고싶은데요'.repeat(170).slice(0, 2000);
    const started = Date.now();
    const r = await parse(classifier, text);
    expect(Date.now() - started).toBeLessThan(500);
    expect(r.intent).toBe('faq.schedule_change');
  });
});

describe('TopicIndex', () => {
  it('learns head nouns that belong to one out-of-scope topic and finds them inside words', () => {
    const texts = [
      ...['수료증 발급', '수료증을 잃어버렸어요', '수료증 출력'].map((text) => ({ text, intent: 'oos.certificate' })),
      ...['수료 후 운행', '비밀번호 분실'].map((text) => ({ text, intent: 'faq.x' })),
    ];
    const index = new TopicIndex(texts);
    expect(index.heads).toEqual([['수료증', 'oos.certificate']]);
    expect(index.find('입문교육수료증이 필요해요')).toBe('oos.certificate');
    expect(index.find('수료하면 운행 언제')).toBeUndefined();
  });

  it('finds a two-syllable head at the start of a word only in a compound with a noun of the data (법정교육, not 프로그램)', () => {
    const texts = [
      ...['진도 100프로인데 수료가 안 돼요', '진도가 몇 프로예요', '진도율 0프로예요'].map((text) => ({ text, intent: 'oos.video' })),
      ...['법정 교육 날짜', '법정 교육 어디서', '법정 교육 받아야 돼요'].map((text) => ({ text, intent: 'oos.other_training' })),
      ...['교육 일정 변경', '비밀번호 분실'].map((text) => ({ text, intent: 'faq.x' })),
    ];
    const index = new TopicIndex(texts);
    expect(index.heads.map(([w]) => w)).toEqual(expect.arrayContaining(['프로', '법정']));
    expect(index.find('교육 프로그램 뭐가 있어요')).toBeUndefined();
    expect(index.find('프로필 사진 바꾸고 싶어요')).toBeUndefined();
    expect(index.find('법정교육 날짜 놓쳤어요')).toBe('oos.other_training');
    expect(index.find('진도가 몇 프로예요')).toBe('oos.video');
  });

  it('strips a particle but never below two syllables', () => {
    expect(splitParticle('수료증을', 2).stem).toBe('수료증');
    expect(splitParticle('영상이', 2).stem).toBe('영상');
    expect(splitParticle('가', 2).stem).toBe('가');
  });

  it('learns no predicate forms or adverbs as head nouns (끝나요, 등록된, 잘못, 중간)', () => {
    const content = loadContent(ROOT);
    const heads = new TopicIndex(trainingTexts(content.intents, normalizerFor(content))).heads.map(([w]) => w);
    for (const w of ['끝나', '등록된', '내야', '보다', '주나', '끊겨', '잘못', '중간', '받는날']) expect(heads).not.toContain(w);
  });

  it('on the real content includes the issue\'s head nouns', () => {
    const content = loadContent(ROOT);
    const heads = new TopicIndex(trainingTexts(content.intents, normalizerFor(content))).heads.map(([w]) => w);
    expect(heads).toEqual(expect.arrayContaining(['수료증', '영상', '드라이버']));
  });
});

describe('the explanation check: a noun the FAQ never uses, claimed by out-of-scope data, stops the answer', () => {
  it('asks instead of answering, and answers with the step off', async () => {
    const text = '회원가입 이벤트 쿠폰 받을 수 있어요';
    const steps = { ...classifier.steps };
    try {
      classifier.steps.heads = false; // the head-noun check alone would catch 이벤트 too
      const asked = await parse(classifier, text);
      expect(asked.intent).toBe('None');
      expect(asked.clarify).toEqual(['faq.signup']);
      classifier.steps.explain = false;
      classifier.steps.support = false; // no signup utterance looks like it either (the 'unlike' rule, below)
      expect((await parse(classifier, text)).intent).toBe('faq.signup');
    } finally {
      classifier.steps = steps;
    }
  });
});

describe('support: a sure FAQ that none of its training utterances resembles is asked about', () => {
  it('asks "did you mean" with the FAQ, and answers with the step off', async () => {
    const text = '회원가입 이벤트 쿠폰 받을 수 있어요';
    const steps = { ...classifier.steps };
    try {
      classifier.steps.heads = false;
      classifier.steps.explain = false;
      const asked = await parse(classifier, text);
      expect(asked.decision).toMatchObject({ kind: 'clarify', reason: 'unlike', intents: ['faq.signup'] });
      expect(asked.intent).toBe('None');
      classifier.steps.support = false;
      expect((await parse(classifier, text)).intent).toBe('faq.signup');
    } finally {
      classifier.steps = steps;
    }
  });

  it('still answers paraphrases that share words with the FAQ\'s utterances', async () => {
    for (const [text, intent] of [
      ['교육 들으려면 사이트에 회원가입 먼저 해야 되나요', 'faq.signup'],
      ['처음 들어가는데 비밀번호 어떻게 만들어요', 'faq.first_login'],
    ]) {
      const r = await parse(classifier, text);
      expect(r.intent).toBe(intent);
      expect(r.nlu.support).toBeGreaterThan(0.2);
    }
  });
});

describe('a request to repeat (intents/repeat.yml) and the again step', () => {
  it.each(['다시 한번 말해 주세요', '뭐라고요?', '한번만 더 말해줄래요', '방금 그거 다시 보여줘요'])('%s → repeat', async (text) => {
    expect((await parse(classifier, text)).intent).toBe('repeat');
  });

  it('questions with 다시 in them keep their FAQ', async () => {
    expect((await parse(classifier, '비밀번호 다시 설정하고 싶어요')).intent).toBe('faq.forgot_credentials');
    expect((await parse(classifier, '다시 가입해야 하나요')).intent).toBe('faq.signup');
    expect((await parse(classifier, '교육 다시 들어야 하나요')).intent).not.toBe('repeat');
  });

  it('a message on its own that names what it asks is read without 다시; after an answer it stays a request to repeat', async () => {
    const steps = { ...classifier.steps };
    try {
      for (const text of ['사이트 주소 다시 알려줘요', '아이디 다시 알려줘요']) {
        expect((await parse(classifier, text)).nlu.intent).not.toBe('repeat');
        expect((await parse(classifier, text, DEFAULT_THRESHOLDS, { after: 'faq.schedule_change' })).nlu.intent).toBe('repeat');
      }
      expect((await parse(classifier, '아이디 다시 알려줘요')).intent).toMatch(/^faq\.(signup|forgot_credentials)$/);
      classifier.steps.again = false;
      expect((await parse(classifier, '사이트 주소 다시 알려줘요')).nlu.intent).toBe('repeat');
    } finally {
      classifier.steps = steps;
    }
  });

  it('a message saying something still fails is never a request to repeat (nor a greeting), after an answer or not', async () => {
    for (const text of ['다시 해봐도 안돼요', '다시 해도 안 되네요', '다시 했는데 안돼요', '한번 더 해봤는데 오류나요']) {
      for (const after of [undefined, 'faq.refresh_training']) {
        const { nlu } = await parse(classifier, text, DEFAULT_THRESHOLDS, after ? { after } : {});
        expect([text, after, nlu.intent]).toEqual([text, after, expect.not.stringMatching(/^(repeat|greeting|cancel)$/)]);
      }
    }
    // what the answer looked like is not a failure: still a request to repeat
    expect((await parse(classifier, '잘 안 보였어요 한번 더요')).intent).toBe('repeat');
    const steps = { ...classifier.steps };
    try {
      classifier.steps.stuck = false;
      expect((await parse(classifier, '다시 해봐도 안돼요')).nlu.intent).toBe('repeat');
    } finally {
      classifier.steps = steps;
    }
  });

  it('STILL_FAILS finds a failure however it is spaced, and no utterance of repeat.yml holds one', () => {
    fc.assert(
      fc.property(fc.constantFrom('안돼', '안 돼', '안되', '안 되', '안됨', '오류', '에러'), fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), (fail, a, b) => {
        expect(STILL_FAILS.test(`${a}${fail}${b}`)).toBe(true);
      }),
    );
    const repeatYml = fs.readFileSync(path.join(__dirname, '../../intents/repeat.yml'), 'utf8');
    for (const line of repeatYml.split('\n').filter((l) => l.trim().startsWith('- '))) expect([line, STILL_FAILS.test(line)]).toEqual([line, false]);
  });

  it('withoutAgain leaves no 다시 and keeps every other word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('다시', '다시요', '한번 더', '한 번만', '재차', '사이트', '주소', '알려줘요', '번호'), { maxLength: 8 }), (words) => {
        const out = withoutAgain(words.join(' '));
        expect(out).not.toMatch(/다시|재차/);
        for (const w of words.filter((x) => ['사이트', '주소', '알려줘요', '번호'].includes(x))) expect(out).toContain(w);
      }),
    );
  });
});
