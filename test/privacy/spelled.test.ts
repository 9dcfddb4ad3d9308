/**
 * Numbers spelled out in Hangul (follow-up to issue #12's red-team pass): birth dates with Sino-Korean numbers
 * (`천구백칠십사년 삼월 오일생`, `칠십사년생`, `일구칠사년`) and phone numbers read aloud in groups are masked (the listed
 * leaks, SPELLED_LEAKS, run in issue-leaks.test.ts with the audit), for generated ones too; masking stays idempotent.
 * Text that only looks like numbers (`삼월에`, `매일`) stays.
 */
import fc from 'fast-check';
import { maskAll, maskKept, maskText, maskUnderstoodless } from '../../src/log/mask';
import { readSinoKorean, scanDateSpans, scanSpokenPhones } from '../../src/privacy';
import { scanText } from '../audit/scan';
import { byDigits, byPlaces } from '../helpers/korean-numbers';

describe('a spelled-out birth year alone', () => {
  it.each(['일구칠사년', '천구백칠십사년', '저 일구팔오년에 태어났어요'])('%s is masked (a full year up to 2012 is a birth year)', (text) => {
    expect(maskText(text)).toContain('****-**-**');
    expect(maskText(text)).not.toMatch(/일구칠사|천구백칠십사|일구팔오/);
  });
});

describe('what only looks like a number stays', () => {
  it.each([
    '삼월 오일', // a date without a year, as with digits
    '이번 주 일요일',
    '교육은 삼년마다 받아요',
    '매일 일일 교육',
    '회사일이 많아서 삼월에 못 들었어요',
    '이천이십사년에 교육 받았어요', // a recent year alone is not a birth year
    '오늘 삼십분',
    '구십년대생',
    '이 사이에 삼 일',
    '리프레시 교육 일정이 궁금해요',
    '삼월에 가요',
    '이번 교육은 사이다 마시면서 들었어요',
    '매일 십일조 내요',
  ])('%s', (text) => {
    expect(maskText(text)).toBe(text);
    expect(scanText(text)).toEqual([]);
  });
});

describe('readSinoKorean', () => {
  it.each([
    ['천구백칠십사', 1974, '1974'],
    ['이천일', 2001, '2001'],
    ['칠십사', 74, '74'],
    ['십이', 12, '12'],
    ['이십오', 25, '25'],
    ['십', 10, '10'],
    ['일구칠사', 1974, '1974'],
    ['공삼', 3, '03'],
    ['오천육백칠십팔', 5678, '5678'],
    ['천이십', 1020, '1020'],
  ])('%s → %d', (word, value, digits) => {
    expect(readSinoKorean(word)).toEqual({ value, digits });
  });

  it.each(['', '구칠십', '십백', '백백', '공백', '가나', '천천'])('%s is not a number', (word) => {
    expect(readSinoKorean(word)).toBeUndefined();
  });

  it('spans point into the text itself', () => {
    const text = '네 생일은 천구백칠십사년 삼월 오일생이고 번호는 공일공에 천이백삼십사에 오천육백칠십팔';
    const [date] = scanDateSpans(text);
    expect(text.slice(date.index, date.end)).toBe('천구백칠십사년 삼월 오일생');
    const [phone] = scanSpokenPhones(text);
    expect([text.slice(phone.index, phone.end), phone.digits]).toEqual(['공일공에 천이백삼십사에 오천육백칠십팔', '01012345678']);
  });
});

describe('properties', () => {
  const numeralText = fc.string({ unit: fc.constantFrom(...'공영일이삼사오육칠팔구십백천년월일생에 -.,이요가0123456789'.split('')), maxLength: 60 });

  it('masking never throws and is idempotent, with or without its fast path', () => {
    fc.assert(
      fc.property(numeralText, (text) => {
        const once = maskText(text);
        expect(maskText(once)).toBe(once);
        expect(maskAll(text)).toBe(once);
        expect(maskKept(maskKept(text))).toBe(maskKept(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('never lets a spelled-out birth date through', () => {
    const spelledYear = fc.oneof(
      fc.integer({ min: 1930, max: 2010 }).map((y) => byPlaces(y)),
      fc.integer({ min: 1930, max: 2010 }).map((y) => byDigits(y)),
      fc.integer({ min: 30, max: 99 }).map((y) => (y % 2 ? byPlaces(y) : byDigits(y))),
    );
    const filler = fc.constantFrom('', '제 생일은 ', '저 ', '생년월일 ');
    const tail = fc.constantFrom('', '생', '이에요', '입니다', '생이요');
    fc.assert(
      fc.property(filler, spelledYear, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom(' ', '', ', '), tail, (f, year, m, d, gap, t) => {
        const text = `${f}${year}년${gap}${byPlaces(m)}월${gap}${byPlaces(d)}일${t}`;
        const masked = maskText(text);
        expect(masked).not.toContain(year);
        expect(masked).toContain('****-**-**');
        expect(scanText(masked)).toEqual([]);
      }),
    );
  });

  it('never leaves a numeral word of a spelled date in clear, in any form', () => {
    const spelled = (n: number, width: number) => fc.constantFrom(byPlaces(n), byDigits(n, width));
    const year = fc.oneof(fc.integer({ min: 1930, max: 2010 }).chain((y) => spelled(y, 4)), fc.integer({ min: 30, max: 99 }).chain((y) => spelled(y, 2)));
    const month = fc.integer({ min: 1, max: 12 }).chain((m) => spelled(m, 2));
    const day = fc.integer({ min: 1, max: 31 }).chain((d) => spelled(d, 2));
    // with 년/월/일, with 년/월 and a bare day, or without any marker
    const form = fc.constantFrom('년월일', '년월', '');
    const ending = fc.constantFrom('', '요', '이요', '에요', '입니다');
    const filler = fc.constantFrom('', '제 생일은 ', '저 ');
    fc.assert(
      fc.property(filler, year, month, day, form, fc.constantFrom(' ', ', '), ending, (f, y, m, d, markers, gap, end) => {
        const [ym, mm, dm] = [markers[0] ?? '', markers[1] ?? '', markers[2] ?? ''];
        const date = `${y}${ym}${gap}${m}${mm}${gap}${d}${dm}`;
        const text = `${f}${date}${end}`;
        const masked = maskText(text);
        // every numeral word of the date is gone; the filler and the ending stay (a copula 이 glued to a spelled day may go with it)
        expect([`${f}****-**-**${end}`, `${f}****-**-**${end.replace(/^이/, '')}`]).toContain(masked);
        expect(maskText(masked)).toBe(masked);
        expect(maskAll(text)).toBe(masked);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets a mobile number read aloud through', () => {
    const group = (n: number) => fc.constantFrom(byDigits(n, 4), n >= 1000 ? byPlaces(n) : byDigits(n, 4));
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }).chain((a) => group(a).map((g) => [a, g] as const)),
        fc.integer({ min: 1000, max: 9999 }).chain((b) => group(b).map((g) => [b, g] as const)),
        fc.constantFrom(' ', '에 ', '-', ' 에 '),
        fc.constantFrom('', '번호는 ', '제 번호 '),
        fc.constantFrom('', '이요', '입니다'),
        ([a, ga], [b, gb], joiner, before, after) => {
          const text = `${before}공일공${joiner}${ga}${joiner}${gb}${after}`;
          const masked = maskText(text);
          expect(masked).not.toContain(ga);
          // `…삼십이요` reads as …32요 or …30이요: either way the middle group is hidden
          expect(masked).toMatch(/^(?:번호는 |제 번호 )?010-\*{4}-\d{4}/);
          expect(masked.replace(/010-\*{4}-\d{4}/, '')).not.toContain(String(a));
          if (!after) expect(masked).toContain(`010-****-${b}`);
        },
      ),
    );
  });
});
