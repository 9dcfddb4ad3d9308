/**
 * Spelled-out numbers next to words (follow-up to the spelled-number reader): a numeral syllable that ends the word
 * before a number (the 일 of 생년월일 and 생일, the 사 of 회사) never starts the number, so the word stays whole in the
 * masked text; the number after it is masked as before. A run of spelled digits at the very start or end of the text
 * is masked like one in the middle.
 */
import fc from 'fast-check';
import { maskAll, maskText } from '../../src/log/mask';
import { digitView } from '../../src/privacy';
import { byDigits, byPlaces } from '../helpers/korean-numbers';

describe('the word before a spelled number stays whole', () => {
  it.each([
    ['생년월일 일구구삼 공삼 이십이', '생년월일 ****-**-**'],
    ['생년월일일구구삼 공삼 이십이', '생년월일****-**-**'],
    ['생일일구구삼 공삼 일일', '생일****-**-**'],
    ['생년월일천구백구십삼년 삼월 이십이일', '생년월일****-**-**'],
    ['생일천구백구십삼년 삼월 이십이일', '생일****-**-**'],
    ['생년월일일구구삼년 삼월 이십이일', '생년월일****-**-**'],
  ])('%s → %s', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it('digitView never folds the numeral that ends the word before a run', () => {
    expect(digitView('생년월일 일구구삼 공삼 일일 칠')).toBe('생년월일 1993 03 11 7');
    expect(digitView('생년월일일구구삼공삼일일')).toBe('생년월일19930311');
  });
});

describe('a spelled digit run at the start or the end of the text', () => {
  it.each(['일구구삼공삼일일', '생년월일 일구구삼공삼일일', '생일 구삼공삼일일입니다', '공일공일이삼사오육칠팔', '제 번호는 공일공일이삼사오육칠팔'])('%s is masked', (text) => {
    const masked = maskText(text);
    expect(masked).toContain('*');
    expect(masked).not.toMatch(/[공일이삼사오육칠팔구]{4}/);
  });

  it('digitView folds it like one in the middle', () => {
    expect(digitView('공일공일이삼사오육칠팔')).toBe('01012345678');
    expect(digitView('번호 공일공일이삼사오육칠팔')).toBe('번호 01012345678');
  });
});

describe('properties', () => {
  it('a spelled date after a date word, glued or not: the word stays, the date is masked', () => {
    const year = fc.integer({ min: 1930, max: 2010 }).chain((y) => fc.constantFrom(byPlaces(y), byDigits(y)));
    const part = (max: number) => fc.integer({ min: 1, max }).chain((n) => fc.constantFrom(byPlaces(n), byDigits(n, 2)));
    fc.assert(
      fc.property(fc.constantFrom('생년월일', '생일', '제 생년월일은', '생년월일:'), fc.constantFrom('', ' '), year, part(12), part(31), fc.constantFrom('년월일', ''), (word, gap, y, m, d, markers) => {
        const [ym, mm, dm] = [markers[0] ?? '', markers[1] ?? '', markers[2] ?? ''];
        const text = `${word}${gap}${y}${ym} ${m}${mm} ${d}${dm}`;
        const masked = maskText(text);
        expect(masked).toBe(`${word}${gap}****-**-**`);
        expect(maskAll(text)).toBe(masked);
      }),
      { numRuns: 1500 },
    );
  });

  it('seven or more spelled digits are never left in clear, wherever they stand', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '번호 ', '생년월일 ', '제 번호는 '), fc.stringMatching(/^[0-9]{7,11}$/), fc.constantFrom('', ' ', '이요', '입니다', '요'), (before, digits, after) => {
        const masked = maskText(`${before}${byDigits(digits)}${after}`);
        expect(masked.startsWith(before)).toBe(true);
        expect(masked).not.toMatch(/[공일이삼사오육칠팔구]{4}/);
        expect(maskText(masked)).toBe(masked);
      }),
      { numRuns: 1500 },
    );
  });
});
