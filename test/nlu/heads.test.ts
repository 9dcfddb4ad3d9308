/** The head-noun check (src/nlu/heads.ts): which noun a question is about, and whether the bot's vocabulary knows it. */
import path from 'node:path';
import fc from 'fast-check';
import { loadContent } from '../../src/content/load';
import type { HybridClassifier } from '../../src/nlu/classifier';
import { asNoun, FaqVocabulary, headNoun, requestTypes } from '../../src/nlu/heads';
import { loadOrTrain } from '../../src/nlu/model';
import { parse } from '../../src/nlu/parse';
import { ROOT } from '../helpers/app';

describe('asNoun and headNoun', () => {
  it('strips the particle of a noun and refuses predicates and function words', () => {
    expect(asNoun('영상이')).toEqual({ noun: '영상', particle: '이' });
    expect(asNoun('오프라인으로')).toEqual({ noun: '오프라인', particle: '으로' });
    expect(asNoun('교육비')).toEqual({ noun: '교육비', particle: '' });
    expect(asNoun('콜이')).toEqual({ noun: '콜', particle: '이' });
    for (const w of ['돼요', '하려는', '만들수', '달라는', '어디서', '그거', 'abc']) expect(asNoun(w)).toBeUndefined();
    // dialect imperatives (해주이소 = 해 주세요) and determiners or adverbs that stand where a head noun would ("이런 경우", "대신 여쭤봅니다")
    for (const w of ['해주이소', '주이소', '보이소', '대신', '이런', '그런', '그나저나', '아무것도', '모르는', '누르는']) expect(asNoun(w)).toBeUndefined();
    for (const w of ['주소', '장소', '충전소']) expect(asNoun(w)).toEqual({ noun: w, particle: '' });
    // "how to" glued after a verb is no noun (`교육일 바꾸는법 좀 알려주세요` was asked about the unknown head 바꾸는법)
    for (const w of ['바꾸는법', '찾는법', '가입하는방법', '들을방법']) expect(asNoun(w)).toBeUndefined();
    for (const w of ['교육법', '방법', '문법']) expect(asNoun(w)).toEqual({ noun: w, particle: '' });
    // a verb's 는-form glued to a one-syllable noun is a phrase, not a noun (`교육 받는날 …` was taken for the fees topic)
    for (const w of ['받는날', '받는날에', '가는길', '쉬는곳']) expect(asNoun(w)).toBeUndefined();
    for (const w of ['교육날', '내일날', '하늘', '과태료']) expect(asNoun(w)).toEqual({ noun: w, particle: '' });
  });

  it('finds the noun the last predicate is about, past question words and adverbs', () => {
    expect(headNoun('교육비 얼마예요')).toBe('교육비');
    expect(headNoun('리프레시 교육 보험 적용되나요')).toBe('보험');
    expect(headNoun('교육 보는데 키보드가 안 떠요')).toBe('키보드');
    expect(headNoun('교육 장소 어디서 받아요')).toBe('장소');
    expect(headNoun('교육비')).toBe('교육비');
  });

  it('has no head when a predicate comes first or the clause is empty', () => {
    expect(headNoun('다 듣고 나서 언제부터 운행하냐구요')).toBeUndefined();
    expect(headNoun('교육 날짜를 늦출 수 있을까요')).toBeUndefined();
    expect(headNoun('다시 만드는거 맞나요')).toBeUndefined();
    expect(headNoun('')).toBeUndefined();
    expect(headNoun('알려주세요')).toBeUndefined();
  });
});

describe('FaqVocabulary', () => {
  const vocab = new FaqVocabulary(
    [
      { text: '교육 일정 변경하고 싶어요', intent: 'faq.schedule_change' },
      { text: '비밀번호를 잊어버렸어요', intent: 'faq.forgot_credentials' },
      { text: '상담원 연결해 주세요', intent: 'handoff' },
      { text: '교육비 얼마예요', intent: 'oos.fees' },
      { text: '주차장 어디예요', intent: 'None' },
    ],
    ['아이디'],
  );

  it('knows the words of answerable intents and synonym terms, with or without particles, and their clipped forms', () => {
    for (const w of ['교육', '일정', '비밀번호', '상담원', '아이디', '비밀']) expect(vocab.knows(w)).toBe(true);
  });

  it('does not learn from None or out-of-scope topics: their nouns are what the check looks for', () => {
    expect(vocab.knows('교육비')).toBe(false);
    expect(vocab.knows('주차장')).toBe(false);
  });

  it('knows compounds typed without spaces when they end in a known word, and one-jamo typos', () => {
    expect(vocab.knows('교육일정')).toBe(true);
    expect(vocab.knows('아이디랑비밀번호')).toBe(true);
    expect(vocab.knows('비밀번흐')).toBe(true);
    expect(vocab.knows('교육장')).toBe(false);
  });

  it('knows a known word after a determiner or before a noun suffix, and typos of grammar words', () => {
    expect(vocab.knows('일정별')).toBe(true);
    expect(vocab.knows('몇일정')).toBe(true);
    expect(vocab.knows('누기')).toBe(true);
    expect(asNoun('일정좀')).toEqual({ noun: '일정', particle: '좀' });
    expect(asNoun('것들이')).toBeUndefined();
  });

  it('never throws, and stays fast on long input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        vocab.knows(s);
        headNoun(s);
      }),
    );
    const long = '교육비'.repeat(700);
    const started = performance.now();
    expect(headNoun(long)).toBe(long);
    expect(vocab.knows(long)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('request types the FAQs never answer', () => {
  it('reads a price question and "몇 X", not "얼마나" or "얼마 걸려요"', () => {
    expect(requestTypes('입문교육 얼마예요')).toEqual(['얼마']);
    expect(requestTypes('리프레시 교육 몇 시간이에요')).toEqual(['몇 시간']);
    expect(requestTypes('교육 몇 시까지예요')).toEqual(['몇 시']);
    expect(requestTypes('운행까지 얼마 걸려요')).toEqual([]);
    expect(requestTypes('얼마나 기다려야 돼요')).toEqual([]);
  });

  it('learns them from data: used by out-of-scope utterances (≥ 2) and never by an FAQ', () => {
    const vocab = new FaqVocabulary([
      { text: '교육비 얼마예요', intent: 'oos.fees' },
      { text: '가입비 얼마에요', intent: 'None' },
      { text: '교육 몇 시간이에요', intent: 'oos.time_place' },
      { text: '교육 몇 시간 들어요', intent: 'None' },
      { text: '필수 교육 몇 개예요', intent: 'None' },
      { text: '필수 교육 몇 개 들어요', intent: 'None' },
      { text: '필수 교육 몇 개 있어요', intent: 'faq.required_courses' },
    ]);
    expect([...vocab.unanswered].sort()).toEqual(['몇 시간', '얼마']);
  });
});

describe('on the real intents/: an FAQ term next to an unknown head noun is not answered confidently', () => {
  let classifier: HybridClassifier;
  beforeAll(async () => {
    ({ classifier } = await loadOrTrain(loadContent(ROOT), path.join(ROOT, 'models')));
  });

  it.each([
    ['리프레시 교육 보험 적용되나요', 'faq.refresh_training', '보험'],
    ['교육 일정 바꾸면 위약금 있어요?', 'faq.schedule_change', '위약금'],
    ['입문교육 끝나면 유니폼 언제 나와요', 'faq.start_driving', '유니폼'],
    // price and hours: since round 5's training rows, "입문교육 얼마예요" and "리프레시 교육 몇 시간이에요" are None by the classifier itself
    ['회원가입 얼마예요', 'faq.signup', '얼마'],
    ['리프레시 교육 몇 점 받아야 돼요', 'faq.refresh_training', '몇 점'],
    // since round 6's training rows "리프레시 교육 몇 점이에요" falls back without asking (score under 0.6, no similar FAQ utterance)
  ])('%s → None, asks about %s', async (text, faq, head) => {
    const r = await parse(classifier, text);
    expect(r.intent).toBe('None');
    expect(r.clarify).toEqual([faq]);
    expect(r.decision).toMatchObject({ kind: 'clarify', reason: 'unknown', head });
  });

  it.each(['입문교육 얼마예요', '리프레시 교육 몇 시간이에요'])('%s → None', async (text) => {
    expect((await parse(classifier, text)).intent).toBe('None');
  });

  it.each([
    ['문자 받은 대로 들어가려는데 자꾸 막혀요', 'faq.first_login'],
    ['교육 날짜 바꾸고 싶어요', 'faq.schedule_change'],
    ['운행까지 얼마 걸려요', 'faq.start_driving'],
    ['일정 변경 되나요 그리고 유니폼은 언제 줘요', 'faq.schedule_change'],
  ])('keeps an answer when the head is known or the FAQ was asked in its own clause: %s', async (text, intent) => {
    expect((await parse(classifier, text)).intent).toBe(intent);
  });

  it('a 2,000-character message without punctuation stays fast and does not throw', async () => {
    const text = '교육 비밀번호 유니폼 위약금 '.repeat(150).slice(0, 2000);
    const started = performance.now();
    const r = await parse(classifier, text);
    expect(typeof r.intent).toBe('string');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
