/** The greeting and self-introduction before a question and the thanks after it: what is cut, what is kept (the bot's own words), and never more. */
import fc from 'fast-check';
import { Preamble } from '../../src/nlu/preamble';
import { knownIn } from '../../src/privacy/names';

const known = knownIn(['처음 로그인 어떻게 해요', '신규 기사 교육 뭐 들어요', '교육 일정 변경', '블루 가입']);
const preamble = new Preamble(known);
const rest = (text: string) => preamble.split(text)?.rest;

describe('Preamble.split', () => {
  it.each([
    ['안녕하세요 김영수 기사인데요 비번찾기', '비번찾기'],
    ['안녕하세요! 김영수 기사입니다. 교육 언제 받아요?', '교육 언제 받아요?'],
    ['김영수 기사입니다 교육 언제 받아요', '교육 언제 받아요'],
    ['김영수기사인데 교육 언제', '교육 언제'],
    ['블루 기사인데요 교육 언제', '교육 언제'],
    ['기사님 입니다 교육 언제', '교육 언제'],
    ['변하율인데 비밀번호를 까먹었어요', '비밀번호를 까먹었어요'],
    ['서하진 입니다 가입 해야 돼요?', '가입 해야 돼요?'],
    ['저 승하진인데요 가입 해야 돼요?', '가입 해야 돼요?'],
    ['저는 하율이에요 가입 해야 돼요?', '가입 해야 돼요?'],
    ['제 이름은 모다온이고 비번을 잊었어요', '비번을 잊었어요'],
    ['제 이름은 김민수고 로그인이 안돼요', '로그인이 안돼요'],
    ['저는 하루고요 가입 해야 돼요?', '가입 해야 돼요?'],
    ['안녕하세요ㅎㅎ 비번찾기', '비번찾기'],
    ['수고 많으십니다 리프레시 교육 뭐예요', '리프레시 교육 뭐예요'],
    ['콜이 안 잡혀요 감사합니다', '콜이 안 잡혀요'],
    ['리프레시 교육이 뭔가요? 빨리 답변 부탁드려요^^', '리프레시 교육이 뭔가요'],
    ['교육 언제 받아요ㅠㅠ 도와주세요', '교육 언제 받아요'],
    ['수수료 몇 프로예요 좀 알려주세요 감사합니다', '수수료 몇 프로예요'],
    ['안녕하세요 김영수 기사인데요 비번찾기 미리 감사드립니다', '비번찾기'],
    ['취소 고마워요', '취소'],
    ['안녕하세요 한결운수 김동배 기사인데 비번 까먹었어요', '비번 까먹었어요'],
    ['대성택시 소속 기사입니다 교육 언제', '교육 언제'],
    ['동부운수 기사 최말수입니다 처음 로그인 어떻게 해요', '처음 로그인 어떻게 해요'],
    ['한결운수 박춘삼인데요 가입 해야 돼요?', '가입 해야 돼요?'],
  ])('%s → %s', (text, question) => {
    expect(rest(text)).toBe(question);
  });

  it.each([
    ['a message that is only a preamble', '안녕하세요 김영수 기사입니다'],
    ['only a preamble and punctuation', '김영수 기사입니다 ....'],
    ['no preamble', '비번찾기'],
    ['a word of the bot before the role word (신규: part of the question)', '신규 기사인데요 교육 뭐 들어요'],
    ['a word of the bot before the copula (처음)', '처음인데요 로그인 어떻게 해요'],
    ['a word of the bot before 이고, after a cue (처음)', '저는 처음이고 비밀번호 설정을 모르겠어요'],
    ['고 after a word without a cue is no introduction', '김민수고 로그인이 안돼요'],
    ['an unknown noun that is no name: four syllables, no cue', '적성검사인데요 기간 지났어요'],
    ['a three-syllable word with 요 alone', '오늘은요 교육 있어요'],
    ['a greeting typed wrong is no greeting', '안녕하제요'],
    ['a greeting inside a word', '안녕하세요요 비번'],
    ['thanks alone', '감사합니다'],
    ['an acknowledgement and thanks', '네 감사합니다'],
    ['an acknowledgement and thanks, longer', '잘 알겠습니다 감사합니다'],
    ['thanks for the answer', '답변 빠르네요 고마워요'],
    ['a greeting and a plea, nothing between', '안녕하세요 부탁드립니다'],
    ['a request whose noun is the question', '아이디 알려주세요'],
    ['gibberish and thanks', 'ㅎㅎㅎ 수고하세요'],
  ])('keeps the whole: %s', (_why, text) => {
    expect(preamble.split(text)).toBeUndefined();
  });

  it('answers at once on long hostile texts (no backtracking blow-up in the closing pattern)', () => {
    // a guard, not a speed claim: 2,000 spaces before `감사x` took 15 s while the closing was searched in the whole text
    // with an unbounded look-behind; now well under a millisecond each, so a second for all four only fails on a blow-up
    const started = Date.now();
    for (const text of ['감사 '.repeat(400) + 'x', ' '.repeat(2000) + '감사x', '요 알려주세요'.repeat(200) + '!x', '안녕하세요 '.repeat(300) + '김영수 기사인데요', '안녕하세요 ' + ' '.repeat(2000) + '감사x']) {
      preamble.split(text);
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('splits without losing a character, and leaves a question with a letter or digit in it', () => {
    const pieces = ['안녕하세요', '안녕', ' ', '!', '김영수', '변하율', '기사', '님', '입니다', '인데요', '인데', '이고', '저 ', '제 이름은 ', '신규', '처음', '비번찾기', '교육', '?', 'ㅎㅎ', '.', '1533', '감사합니다', '감사', '네', '부탁드려요', '좀 ', '알려주세요', '요', 'ㅠㅠ', '도와주세요'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join('')), (text) => {
        const split = preamble.split(text);
        if (!split) return;
        expect(split.preamble + split.rest + split.closing).toBe(text);
        expect(split.preamble.length + split.closing.length).toBeGreaterThan(0);
        expect(split.rest).toMatch(/[\p{L}\p{N}]/u);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('knownIn', () => {
  it('says exactly whether the word occurs in the texts, spaces removed (the pair filter never rejects a real one)', () => {
    const texts = ['처음 로그인 어떻게 해요', '비밀번호를 잊어버렸어요', '교육 일정 변경하고 싶어요'];
    const joined = texts.map((t) => t.replace(/\s+/g, '')).join('|');
    const knows = knownIn(texts);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...Array.from(new Set(joined.replace(/\|/g, '')))), minLength: 1, maxLength: 5 }), (word) => {
        expect(knows(word)).toBe(joined.includes(word));
      }),
      { numRuns: 3000 },
    );
    for (let i = 0; i + 3 <= joined.length; i++) if (!joined.slice(i, i + 3).includes('|')) expect(knows(joined.slice(i, i + 3))).toBe(true);
  });
});
