/**
 * The classifier's view of numbers spelled out in Hangul (`spelledToDigits`): typed digits and their spelled forms
 * classify alike, words stay words. Decided here: a number before 년, 월 or 에 is read (`천구백칠십사년생`, `공일공에
 * 천이백…`, with 에 between two numbers a space, as the slot reader has it); a numeral that ends the word before a
 * number is that word's (`생년월일일구구삼`); a two-syllable word with 백 or 천 (`천사`, `백일`, `이천`) is a number only
 * next to another number; a short run before 년 or 월 (`이월`: carried over, or February) likewise; after a month, a
 * last 일 is the day marker (`삼월 십일` is the 10th); a lone 이 next to a number is its copula.
 */
import fc from 'fast-check';
import { clean, spelledToDigits } from '../../src/nlu/normalize';
import { byDigits, byPlaces } from '../helpers/korean-numbers';

describe('spelledToDigits', () => {
  it.each([
    ['생년월일 일구구삼 공삼 이십이', '생년월일 1993 03 22'],
    ['생년월일일구구삼 공삼 이십이', '생년월일1993 03 22'],
    ['천구백칠십사년생이에요', '1974년생이에요'],
    ['칠십사년 삼월 이십이일생', '74년 3월 22일생'],
    ['공일공에 천이백삼십사에 오천육백칠십팔', '010 1234 5678'],
    ['공일공 에 일이삼사 에 오육칠팔이요', '010 1234 5678이요'],
    ['삼월 십일에 교육 받았어요', '3월 10일에 교육 받았어요'],
    ['이천이십사년 삼월 십일', '2024년 3월 10일'],
    ['나이 육십 넘어서', '나이 60 넘어서'],
    ['번호는 공일공 천이백삼십사 오천육백칠십팔', '번호는 010 1234 5678'],
  ])('%s → %s', (text, digits) => {
    expect(spelledToDigits(text)).toBe(digits);
  });

  it.each(['천사', '백일', '천사 같은 분이세요', '백일 잔치', '십일조 내요', '이천 사는데 교육장 어디예요', '교육 이월 되나요', '이월에 신청했어요', '일이 많아서요', '사이에 끼어서', '회사일 때문에', '매일 일일 교육'])(
    '%s stays as written',
    (text) => {
      expect(spelledToDigits(text)).toBe(text);
    },
  );

  it('a two-syllable number with 백 or 천 next to another number is read', () => {
    expect(spelledToDigits('공일공 이천 오천')).toBe('010 2000 5000');
    expect(spelledToDigits('천사 공일공')).toBe('1004 010');
  });
});

describe('properties', () => {
  it('a spelled phone number or birth date reads as its typed digits, whatever joins its parts', () => {
    const group = (n: number) => fc.constantFrom(byDigits(n, 4), n >= 1000 ? byPlaces(n) : byDigits(n, 4));
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 }), fc.constantFrom(' ', '에 ', ' 에 '), fc.constantFrom('', '번호는 ', '제 번호 '), (a, b, joiner, before) =>
        fc.assert(
          fc.property(group(a), group(b), (ga, gb) => {
            expect(spelledToDigits(`${before}공일공${joiner}${ga}${joiner}${gb}`)).toBe(`${before}010 ${a} ${b}`);
          }),
          { numRuns: 4 },
        ),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1930, max: 2010 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('', '생'), (y, m, d, born) => {
        const text = `${byPlaces(y)}년 ${byPlaces(m)}월 ${byPlaces(d)}일${born}`;
        expect(spelledToDigits(text)).toBe(`${y}년 ${m}월 ${d}일${born}`);
      }),
    );
  });

  it('never throws, and reading twice changes nothing more', () => {
    const text = fc.string({ unit: fc.constantFrom(...'공영일이삼사오육칠팔구십백천년월일생에 -.,이요가회사0123456789'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(text, (t) => {
        const once = spelledToDigits(clean(t));
        expect(spelledToDigits(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});
