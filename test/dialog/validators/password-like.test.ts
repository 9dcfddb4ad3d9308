/** Password-like token detection: what counts as a password, what never does, and properties. */
import fc from 'fast-check';
import {
  containsPasswordLike,
  foldChars,
  formatPhone,
  looksLikePassword,
  passwordLikeSpans,
} from '../../../src/dialog/validators';

/** Any UTF-16 unit: NUL, lone surrogates, everything. */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: utf16Unit, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'aZ09!@#-./: 비번은'.split('')), maxLength: 40 }),
);
const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const hangulSentence = fc
  .array(fc.string({ unit: syllable, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 8 })
  .map((words) => `${words.join(' ')}?`);
/** 8–16 characters of letters and digits with at least one of each. */
const password = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z]{1,8}$/),
    fc.stringMatching(/^[0-9]{1,6}$/),
    fc.stringMatching(/^[A-Za-z0-9!@#$%^&*]{0,6}$/),
  )
  .map(([letters, digits, rest]) => letters + digits + rest)
  .filter((p) => p.length >= 8 && p.length <= 16);

describe('looksLikePassword', () => {
  it.each([
    'Blue1234!',
    'abcd1234',
    'qwer!@#$12',
    'P@ssw0rd',
    'pass@word',
    'Ｂｌｕｅ１２３４！',
    'a1b2c3d4e5f6g7h8',
  ])('is true for %j', (token) => {
    expect(looksLikePassword(token)).toBe(true);
  });

  it.each([
    '리프레시 교육이 뭐예요',
    '010-1234-5678',
    '01012345678',
    '+82-10-1234-5678',
    '1985-03-07',
    '19850307',
    'https://partner.kakaomobility.com',
    'partner.kakaomobility.com',
    'www.kakaot.com',
    'driver12@kakao.com',
    'abc1234',
    'a1b2c3d4e5f6g7h8i',
    'password',
    'anyway...',
    'Blue 1234!',
    '비밀번호1234',
  ])('is false for %j', (text) => {
    expect(looksLikePassword(text)).toBe(false);
  });
});

describe('containsPasswordLike', () => {
  it('finds a password among words, even glued to Korean', () => {
    expect(containsPasswordLike('제 비번은 Blue1234! 입니다')).toBe(true);
    expect(containsPasswordLike('비번은abcd1234이에요')).toBe(true);
    expect(passwordLikeSpans('비번은 Blue1234! 입니다')).toEqual([{ index: 4, end: 13 }]);
  });

  it('is false for ordinary questions, numbers and links', () => {
    expect(containsPasswordLike('리프레시 교육이 뭐예요')).toBe(false);
    expect(containsPasswordLike('제 번호는 010-1234-5678 이고 생일은 1985-03-07 이에요')).toBe(false);
    expect(containsPasswordLike('https://partner.kakaomobility.com 에서 로그인이 안 돼요')).toBe(false);
    expect(containsPasswordLike('고객센터 1533-0301 번호 맞나요?')).toBe(false);
  });
});

describe('password-like properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        looksLikePassword(text);
        containsPasswordLike(text);
      }),
    );
  });

  it('recognizes generated letter-and-digit passwords, alone and in a sentence', () => {
    fc.assert(
      fc.property(password, (p) => {
        expect(looksLikePassword(p)).toBe(true);
        expect(containsPasswordLike(`제 비밀번호는 ${p} 인데 로그인이 안 돼요`)).toBe(true);
      }),
    );
  });

  it('never flags Hangul sentences, phone numbers or dates', () => {
    const phone = fc
      .integer({ min: 0, max: 99_999_999 })
      .map((n) => formatPhone(`010${String(n).padStart(8, '0')}`));
    const date = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.oneof(hangulSentence, phone, date), (text) => {
        expect(containsPasswordLike(text)).toBe(false);
      }),
    );
  });

  it('spans always cover text that is itself password-like', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const span of passwordLikeSpans(text)) {
          expect(looksLikePassword(text.slice(span.index, span.end))).toBe(true);
        }
      }),
    );
  });

  it('finds the same spans as scanning every ASCII run (its shortcut for text without a long ASCII run)', () => {
    const slow = (text: string) =>
      Array.from(foldChars(text).matchAll(/[!-~]+/g))
        .filter((m) => looksLikePassword(m[0]))
        .map((m) => ({ index: m.index, end: m.index + m[0].length }));
    const near = fc.string({ unit: fc.constantFrom(...'aB1!가 ０Ａ－‐−﹘﹣\u3000.'.split('')), maxLength: 30 });
    fc.assert(fc.property(fc.oneof(anyText, near, password), (text) => expect(passwordLikeSpans(text)).toEqual(slow(text))), { numRuns: 2000 });
  });
});
