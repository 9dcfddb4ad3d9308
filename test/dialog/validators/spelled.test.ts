/**
 * Voice typing: phone numbers and birth dates spelled out in Hangul (Kakao keyboard dictation writes `공일공 일이삼사
 * 오육칠팔`, `천구백칠십사년 삼월 오일`). The slot validators read them through `spelledReadings` (the one parser,
 * src/privacy/korean-numbers.ts) and give the value the digit form gives; two readings that differ are asked again.
 * What they read, the masker hides.
 */
import fc from 'fast-check';
import { checkBirthdate, checkPhone, isMobile, prefillPhone } from '../../../src/dialog/validators';
import { maskText } from '../../../src/log/mask';
import { spelledReadings } from '../../../src/privacy';
import { byDigits, byPlaces } from '../../helpers/korean-numbers';

const now = new Date('2026-11-25T00:00:00+09:00');

describe('spelledReadings', () => {
  it.each([
    ['공일공 일이삼사 오육칠팔', ['010 1234 5678']],
    ['공일공에 천이백삼십사에 오천육백칠십팔', ['010 1234 5678']],
    ['010 일이삼사 5678', ['010 1234 5678']],
    ['천구백칠십사년 삼월 오일', ['1974년 3월 5일']],
    ['칠십사년삼월이십일일생', ['74년3월21일생']],
    ['1974년 삼월 오일', ['1974년 3월 5일']],
    ['이천일년 일월 일일', ['2001년 1월 1일']], // 이천일년: 일 is a digit before 년; after 월 it is the day
    ['공일공 일이삼사 오천육백칠십이요', ['010 1234 5672요', '010 1234 5670이요']],
    ['생년월일 일구칠사 공삼 공오', ['생년월일 1974 03 05']], // 생년월일's 일 is a word
  ])('%s', (text, readings) => {
    expect(spelledReadings(text)).toEqual(readings);
  });

  it.each(['회사일이 많아요', '사이다 주세요', '이번 주', '74년 3월 5일', '01012345678이요', '', '비밀번호 재설정'])(
    '%j has no spelled-out number',
    (text) => {
      expect(spelledReadings(text)).toEqual([]);
    },
  );
});

describe('checkPhone, voice-typed', () => {
  it.each([
    '공일공 일이삼사 오육칠팔',
    '공일공일이삼사오육칠팔',
    '공일공에 천이백삼십사에 오천육백칠십팔',
    '공일공 천이백삼십사 오천육백칠십팔',
    '010 일이삼사 5678',
    '공일공-일이삼사-5678',
    '제 번호는 공일공 일이삼사 오육칠팔입니다',
    '공일공 일이삼사 오육칠팔이요', // 이요 is the copula: 12 digits otherwise
    '영일영 일이삼사 오육칠팔',
  ])('accepts %j as 01012345678', (text) => {
    expect(checkPhone(text)).toEqual({ ok: true, value: '01012345678' });
  });

  it.each([
    ['공일공 일이삼사 오천육백칠십이요', '5672요 or 5670이요'],
    ['공일일 일이삼 오육칠팔이요', '011-123-5678 이요 or 011-1235-6782'],
    ['공일공에 천이백삼십사에 오천육백칠십이에요', '5672 or 5670'],
  ])('asks again for %j (%s)', (text) => {
    expect(checkPhone(text)).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it.each([
    ['공일공 일이삼사 오육칠', 'length'], // 10 digits, as 010-1234-567 is
    ['공이 일이삼 사오육칠', 'prefix'], // 02-123-4567, as with digits
    ['공일공 천이백삼십사오천육백칠십팔', 'length'], // two numbers glued together: not read
    ['전화번호 몰라요', 'empty'],
    ['0101234567이요', 'length'], // a lone 이 after a number is its copula
  ])('refuses %j (%s)', (text, reason) => {
    expect(checkPhone(text)).toEqual({ ok: false, reason });
  });
});

describe('prefillPhone (the number in the request that opens the dialog)', () => {
  it.each([
    ['비번 재설정해 주세요 번호는 공일공 천이백삼십사 오천육백칠십팔', '01012345678'],
    ['비번 재설정해 주세요 번호는 010-9876-5432', '01098765432'],
    ['비번 재설정해 주세요 번호는 공일공 일이삼사 오천육백칠십이요', null], // reads two ways: asked for later
    ['비번 재설정해 주세요', null],
  ])('%s → %s', (text, value) => {
    expect(prefillPhone(text)).toBe(value);
  });
});

describe('checkBirthdate, voice-typed', () => {
  it.each([
    '천구백칠십사년 삼월 오일',
    '칠십사년 삼월 오일생',
    '칠십사년 삼월 오일생이에요',
    '일구칠사 공삼 공오',
    '칠사년 삼월 오일',
    '74년 3월 5일',
    '74년 삼월 오일',
    '천구백칠십사년 3월 5일',
    '생년월일은 일구칠사년 삼월 오일입니다',
    '천구백칠십사년삼월오일',
  ])('accepts %j as 1974-03-05', (text) => {
    expect(checkBirthdate(text, now)).toEqual({ ok: true, value: '1974-03-05' });
  });

  it.each([
    ['천구백칠십사년 삼월 이십이일', '1974-03-22'],
    ['천구백칠십사년 삼월 이십일', '1974-03-20'], // 이십 + 일: the 20th (the 21st is 이십일일)
    ['천구백칠십사년 십일월 이십일일', '1974-11-21'],
    ['일구칠사 공삼 이십이', '1974-03-22'], // digits alone folded 이 of 이십이 to 1974-03-02
    ['칠십사년 삼월 삼십이요', '1974-03-30'], // 32 is no day: only 30이요 is a date
  ])('reads %j as %s', (text, value) => {
    expect(checkBirthdate(text, now)).toEqual({ ok: true, value });
  });

  it('asks again when a day without 일 reads two ways (이십이요: the 22nd, or the 20th and 이요)', () => {
    expect(checkBirthdate('천구백칠십사년 삼월 이십이요', now)).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it.each([
    ['칠십사년생', 'format'], // a year alone, as 74년생
    ['천구백칠십사년 이월 삼십일', 'invalid_date'],
    ['이천이십사년 삼월 오일', 'age'],
    ['삼월 오일', 'format'], // no year, as 3월 5일
    ['회사일이 많아서요', 'empty'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(checkBirthdate(text, now)).toEqual({ ok: false, reason });
  });
});

/** A valid mobile as its three groups: 010 + 4 + 4, or 011/016–019 + 3 or 4 + 4. */
const mobileGroups = fc
  .tuple(fc.constantFrom('010', '011', '016', '017', '018', '019'), fc.boolean(), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([prefix, long, mid, last]) => {
    const midLength = prefix === '010' || long ? 4 : 3;
    return [prefix, String(mid % 10 ** midLength).padStart(midLength, '0'), String(last).padStart(4, '0')] as const;
  });
/** One group spoken: digit by digit, with place words (when it has no leading 0), or typed in digits. */
const speak = (group: string, how: number) => {
  if (how === 1 && !group.startsWith('0')) return byPlaces(Number(group));
  return how === 2 ? group : byDigits(group);
};
const adult = fc
  .tuple(fc.integer({ min: 1927, max: 2007 }), fc.integer({ min: 1, max: 12 }))
  .chain(([y, m]) => fc.integer({ min: 1, max: new Date(Date.UTC(y, m, 0)).getUTCDate() }).map((d) => ({ y, m, d })));
const iso = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('properties', () => {
  const numeralText = fc.string({
    unit: fc.constantFrom(...'공영일이삼사오육칠팔구십백천년월일생에요입니다 -.,0123456789가회번'.split('')),
    maxLength: 60,
  });

  it('never throw, and only give valid values or known reasons', () => {
    fc.assert(
      fc.property(numeralText, (text) => {
        const phone = checkPhone(text);
        if (phone.ok) expect(isMobile(phone.value)).toBe(true);
        else expect(['empty', 'prefix', 'length', 'ambiguous']).toContain(phone.reason);
        const date = checkBirthdate(text, now);
        if (date.ok) expect(date.value).toMatch(/^(19|20)\d\d-\d\d-\d\d$/);
        else expect(['empty', 'format', 'invalid_date', 'age', 'ambiguous']).toContain(date.reason);
      }),
      { numRuns: 3000 },
    );
  });

  it('a mobile spoken in any mix of groups gives the value its digits give', () => {
    const joiner = fc.constantFrom(' ', '에 ', '-', ' 에 ', '에');
    fc.assert(
      fc.property(mobileGroups, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }), joiner, fc.constantFrom('', '제 번호는 ', '번호 '), fc.constantFrom('', '입니다', ' 입니다', '요'), (groups, hows, j, before, after) => {
        const digits = groups.join('');
        const ways = hows.every((h) => h === 2) ? [2, 0, 2] : hows; // typed digits joined by 에 are not read (refused as today)
        const text = `${before}${groups.map((g, i) => speak(g, ways[i])).join(j)}${after}`;
        const result = checkPhone(text);
        // `…칠십이요` may also be …70이요: asked again, never another number
        if (after === '요' && /이$/.test(text.slice(0, -1)) && !result.ok) expect(result).toEqual({ ok: false, reason: 'ambiguous' });
        else expect({ text, result }).toEqual({ text, result: { ok: true, value: digits } });
        // what the validator reads, the masker hides (if the answer reaches a log outside a dialog)
        const middle = speak(groups[1], ways[1]);
        const masked = maskText(text);
        expect({ text, masked, middle: masked.replace(/01\d-\*{3,4}-\d{4}/, '').includes(middle) }).toEqual({ text, masked, middle: false });
      }),
    );
  });

  it('digits spelled out digit by digit give the same verdict as the digits (refused stays refused)', () => {
    const digitText = fc.string({ unit: fc.constantFrom(...'0123456789012345678901 -.()'.split('')), maxLength: 24 });
    fc.assert(
      fc.property(digitText, (digits) => {
        const spelled = byDigits(digits);
        expect({ spelled, phone: checkPhone(spelled) }).toEqual({ spelled, phone: checkPhone(digits) });
        expect({ spelled, date: checkBirthdate(spelled, now) }).toEqual({ spelled, date: checkBirthdate(digits, now) });
      }),
      { numRuns: 2000 },
    );
  });

  it('a birth date spoken in any mix of parts gives the value its digits give', () => {
    const year = (y: number, how: number) => [byPlaces(y), byDigits(String(y)), byPlaces(y % 100 || 100).replace(/^백$/, '공공'), byDigits(String(y).slice(2)), String(y)][how];
    const part = (n: number, how: number) => [byPlaces(n), String(n)][how];
    fc.assert(
      fc.property(
        adult,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 1 }),
        fc.constantFrom(' ', ''),
        fc.constantFrom('', '생', '이에요', '입니다', '생이에요', '요'),
        fc.constantFrom('', '제 생일은 ', '생년월일 '),
        (b, hy, hm, hd, gap, tail, before) => {
          if (hy === 2 && b.y % 100 < 10) hy = 3; // 05년: 공오, not 오
          const text = `${before}${year(b.y, hy)}년${gap}${part(b.m, hm)}월${gap}${part(b.d, hd)}일${tail}`;
          expect({ text, result: checkBirthdate(text, now) }).toEqual({ text, result: { ok: true, value: iso(b) } });
          const masked = maskText(text);
          expect({ text, masked, year: masked.includes(year(b.y, hy)) }).toEqual({ text, masked, year: false });
        },
      ),
    );
  });

  it('a birth date read aloud as three digit groups (일구칠사 공삼 공오) gives the value of 1974 03 05', () => {
    fc.assert(
      fc.property(adult, (b) => {
        const digits = iso(b).replace(/-/g, ' ');
        expect(checkBirthdate(byDigits(digits), now)).toEqual(checkBirthdate(digits, now));
        expect(checkBirthdate(byDigits(digits), now)).toEqual({ ok: true, value: iso(b) });
      }),
    );
  });

  it('a day without 일 is the digits’ day, or asked again: never another day', () => {
    fc.assert(
      fc.property(adult, fc.constantFrom('', '요', '이요', '이에요'), (b, tail) => {
        // 삼월 십일 is the 10th (일 after a month is the day marker; the 11th is 십일일): days ending in 1 are left out
        fc.pre(b.d % 10 !== 1);
        const text = `${byPlaces(b.y)}년 ${byPlaces(b.m)}월 ${byPlaces(b.d)}${tail}`;
        const result = checkBirthdate(text, now);
        if (!result.ok) expect({ text, result }).toEqual({ text, result: { ok: false, reason: 'ambiguous' } });
        else expect({ text, result }).toEqual({ text, result: { ok: true, value: iso(b) } });
      }),
    );
  });

  it('numerals inside words are not numbers: random Hangul words are no phone and no date', () => {
    const plain = fc.constantFrom(...'가나다라마바회늘번기하저는을를도만요고'.split(''));
    const numeral = fc.constantFrom(...'공영일이삼사오육칠팔구십백천'.split(''));
    // every numeral is glued after a plain syllable, at most six in a row (seven make digitView fold them)
    const word = fc
      .tuple(fc.array(plain, { minLength: 1, maxLength: 2 }), fc.array(numeral, { maxLength: 6 }), fc.array(plain, { maxLength: 1 }))
      .map(([a, b, c]) => [...a, ...b, ...c].join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '-', ', ', '.'), (words, sep) => {
        const text = words.join(sep);
        expect({ text, phone: checkPhone(text).ok, date: checkBirthdate(text, now).ok }).toEqual({ text, phone: false, date: false });
      }),
      { numRuns: 2000 },
    );
  });
});
