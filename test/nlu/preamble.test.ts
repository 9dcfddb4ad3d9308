/** The greeting and self-introduction before a question: what is cut, what is kept (the bot's own words), and never more. */
import fc from 'fast-check';
import { knownIn, Preamble } from '../../src/nlu/preamble';

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
    ['안녕하세요ㅎㅎ 비번찾기', '비번찾기'],
    ['수고 많으십니다 리프레시 교육 뭐예요', '리프레시 교육 뭐예요'],
  ])('%s → %s', (text, question) => {
    expect(rest(text)).toBe(question);
  });

  it.each([
    ['a message that is only a preamble', '안녕하세요 김영수 기사입니다'],
    ['only a preamble and punctuation', '김영수 기사입니다 ....'],
    ['no preamble', '비번찾기'],
    ['a word of the bot before the role word (신규: part of the question)', '신규 기사인데요 교육 뭐 들어요'],
    ['a word of the bot before the copula (처음)', '처음인데요 로그인 어떻게 해요'],
    ['an unknown noun that is no name: four syllables, no cue', '적성검사인데요 기간 지났어요'],
    ['a three-syllable word with 요 alone', '오늘은요 교육 있어요'],
    ['a greeting typed wrong is no greeting', '안녕하제요'],
    ['a greeting inside a word', '안녕하세요요 비번'],
  ])('keeps the whole: %s', (_why, text) => {
    expect(preamble.split(text)).toBeUndefined();
  });

  it('splits without losing a character, and leaves a question with a letter or digit in it', () => {
    const pieces = ['안녕하세요', '안녕', ' ', '!', '김영수', '변하율', '기사', '님', '입니다', '인데요', '인데', '이고', '저 ', '제 이름은 ', '신규', '처음', '비번찾기', '교육', '?', 'ㅎㅎ', '.', '1533'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join('')), (text) => {
        const split = preamble.split(text);
        if (!split) return;
        expect(split.preamble + split.rest).toBe(text);
        expect(split.preamble.length).toBeGreaterThan(0);
        expect(split.rest).toMatch(/[\p{L}\p{N}]/u);
      }),
      { numRuns: 3000 },
    );
  });
});
