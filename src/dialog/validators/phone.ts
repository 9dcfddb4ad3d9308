/** Phone slot: find and check a Korean mobile number (01X) in free text, as bare digits. */
import { accept, foldChars, reject, type PhoneRejectReason, type SlotCheck } from './slot-check';

/** A number found in text: UTF-16 span `[index, end)` and its domestic bare digits. */
export interface PhoneMatch {
  index: number;
  end: number;
  digits: string;
}

/** Not preceded by a digit, nor by a digit and a hyphen or dot (so we never start mid-number). */
const LEAD = String.raw`(?<!\d|\d[-.])`;
/** Not followed by a digit, nor by a hyphen or dot and a digit (so we never stop mid-number). */
const TRAIL = String.raw`(?!\d|[-.]\d)`;
/** What may sit between digit groups: spaces, hyphens, dots, parentheses (at most three). */
const SEP = String.raw`[\s.\-()]{0,3}`;
/** `+82`, `82`, `+82 (0)`, `+82 0`: the country code, after which the area code may lose its 0. */
const COUNTRY = String.raw`(?:\+\s?)?82[\s.\-]{0,2}(?:\(0\)\s?)?0?`;
const SHAPES = {
  /** 01X, then 3–4 digits, then 4. */
  mobile: phoneShape('1[016789]'),
  /** Any 0X or 0XX area code (mobile, Seoul 02, 031, 070…), then 3–4 digits, then 4. */
  any: phoneShape(String.raw`\d{1,2}`),
};
/** Digits joined by separators, however grouped: what the user probably meant as one number. */
const DIGIT_RUN = /\+?\d(?:[\s.\-()]{0,3}\d)*/g;

function phoneShape(area: string): RegExp {
  return new RegExp(
    String.raw`${LEAD}(?:${COUNTRY}|\(?0)(${area})${SEP}(\d{3,4})${SEP}(\d{4})${TRAIL}`,
    'g',
  );
}

/**
 * Whether bare digits are a Korean mobile number: 010 plus 8 digits, or 011/016–019 plus 7 or 8.
 * (010 numbers have had 8 subscriber digits since 2004; a 10-digit 010 number is a typo.)
 * @example isMobile('0111234567') // true
 */
export function isMobile(digits: string): boolean {
  if (!/^01[016789]\d{7,8}$/.test(digits)) return false;
  return digits[2] !== '0' || digits.length === 11;
}

/**
 * Bare digits with a leading country code 82 turned into the domestic 0
 * (`821012345678` → `01012345678`).
 * @example toDomestic('8201012345678') // '01012345678'
 */
export function toDomestic(digits: string): string {
  if (!digits.startsWith('82') || digits.length < 11) return digits;
  const rest = digits.slice(2);
  return rest.startsWith('0') ? rest : `0${rest}`;
}

/**
 * Well-grouped phone numbers in `text` (full-width folded): valid mobiles only, or with `'any'`
 * every 0X/0XX area-code shape (landlines too). Indices are valid for `text` itself.
 * @example scanPhones('집 02-123-4567', 'any')[0].digits // '021234567'
 */
export function scanPhones(text: string, kind: 'mobile' | 'any' = 'mobile'): PhoneMatch[] {
  const matches = Array.from(foldChars(text).matchAll(SHAPES[kind]), (m) => ({
    index: m.index,
    end: m.index + m[0].length,
    digits: `0${m[1]}${m[2]}${m[3]}`,
  }));
  return kind === 'mobile' ? matches.filter((m) => isMobile(m.digits)) : matches;
}

/**
 * Every separator-joined digit run in `text` (`+82 10 1234 5678`, `010-12-345678`, `1985`), with
 * its domestic bare digits. Indices are valid for `text` itself.
 * @example scanDigitRuns('번호 0 1 0 1 2 3 4 5 6 7 8')[0].digits // '01012345678'
 */
export function scanDigitRuns(text: string): PhoneMatch[] {
  return Array.from(foldChars(text).matchAll(DIGIT_RUN), (m) => ({
    index: m.index,
    end: m.index + m[0].length,
    digits: toDomestic(m[0].replace(/\D/g, '')),
  }));
}

/**
 * The first valid mobile number written anywhere in `text`, as bare digits, or null. Used to
 * pre-fill the phone slot from the utterance that opened the dialog, so it only trusts well-grouped
 * numbers.
 * @example findPhone('비번 재설정해 주세요 번호는 01098765432') // '01098765432'
 */
export function findPhone(text: string): string | null {
  return scanPhones(text)[0]?.digits ?? null;
}

/**
 * Check an answer to "what is your phone number?". Accepts hyphens, spaces, dots, parentheses,
 * full-width digits, `+82`, and words around the number; the value is bare digits.
 * Reasons: `empty` (no digits), `prefix` (not 01X, e.g. a landline), `length` (wrong digit count).
 * @example checkPhone('제 번호는 010-1234-5678 입니다') // { ok: true, value: '01012345678' }
 */
export function checkPhone(text: string): SlotCheck<string, PhoneRejectReason> {
  const found = findPhone(text);
  if (found !== null) return accept(found);
  const runs = scanDigitRuns(text).map((run) => run.digits);
  if (runs.length === 0) return reject('empty');
  const loose = runs.find(isMobile);
  if (loose !== undefined) return accept(loose);
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a));
  return reject(/^01[016789]/.test(longest) ? 'length' : 'prefix');
}

/**
 * Print bare mobile digits the way people write them: `010-1234-5678`, `011-123-4567`.
 * Anything else comes back as given.
 * @example formatPhone('01012345678') // '010-1234-5678'
 */
export function formatPhone(digits: string): string {
  if (!/^\d{10,11}$/.test(digits)) return digits;
  const mid = digits.length - 7;
  return `${digits.slice(0, 3)}-${digits.slice(3, 3 + mid)}-${digits.slice(3 + mid)}`;
}
