/** Phone numbers in free text: well-grouped Korean numbers, and any separator-joined run of digits. */
import { digitStats, DIGIT_SEPARATORS, digitView } from './fold';
import { readSinoKorean, SPELLED_NUMERALS } from './korean-numbers';

/** A number found in text: UTF-16 span `[index, end)` and its domestic bare digits. */
export interface PhoneMatch {
  index: number;
  end: number;
  digits: string;
}

/** Not preceded by a digit, nor by a digit and a separator (so we never start mid-number). */
const LEAD = String.raw`(?<!\d|\d[-.])`;
/** Not followed by a digit, nor by a hyphen or dot and a digit (so we never stop mid-number). */
const TRAIL = String.raw`(?!\d|[-.]\d)`;
/** What may sit between digit groups: spaces, hyphens, dots, parentheses, `ㅡ / _ · ~ ,` (at most three). */
const SEP = `[${DIGIT_SEPARATORS}]{0,3}`;
/** `+82`, `82`, `+82 (0)`, `+82 0`: the country code, after which the area code may lose its 0. */
const COUNTRY = String.raw`(?:\+\s?)?82[\s.\-]{0,2}(?:\(0\)\s?)?0?`;
const SHAPES = {
  /** 01X, then 3–4 digits, then 4. */
  mobile: phoneShape('1[016789]'),
  /** Any 0X or 0XX area code (mobile, Seoul 02, 031, 070…), then 3–4 digits, then 4. */
  any: phoneShape(String.raw`\d{1,2}`),
};
/** Digits joined by separators (up to six of them, `010    4823    7323`), however grouped: meant as one number. */
const DIGIT_RUN = new RegExp(String.raw`\+?\d(?:[${DIGIT_SEPARATORS}]{0,6}\d)*`, 'g');

/** Fewest digits a shape matches: `0`, one area digit, 3 and 4 (a country code 82 adds more than the 0 it drops). */
const MIN_PHONE_DIGITS = 9;

function phoneShape(area: string): RegExp {
  return new RegExp(String.raw`${LEAD}(?:${COUNTRY}|\(?0)(${area})${SEP}(\d{3,4})${SEP}(\d{4})${TRAIL}`, 'g');
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
 * Well-grouped phone numbers in `text` (`digitView`: full-width, other scripts and spelled-out digits folded):
 * valid mobiles only, or with `'any'` every 0X/0XX area-code shape (landlines too). Indices are valid for `text`.
 * @example scanPhones('집 02-123-4567', 'any')[0].digits // '021234567'
 */
export function scanPhones(text: string, kind: 'mobile' | 'any' = 'mobile'): PhoneMatch[] {
  const view = digitView(text);
  if (digitStats(view).digits < MIN_PHONE_DIGITS) return [];
  const matches = Array.from(view.matchAll(SHAPES[kind]), (m) => ({
    index: m.index,
    end: m.index + m[0].length,
    digits: `0${m[1]}${m[2]}${m[3]}`,
  }));
  return kind === 'mobile' ? matches.filter((m) => isMobile(m.digits)) : matches;
}

/**
 * Every separator-joined digit run in `text` (`+82 10 1234 5678`, `010ㅡ12ㅡ345678`, `1985`), with its domestic
 * bare digits. Indices are valid for `text` itself.
 * @example scanDigitRuns('번호 0 1 0 1 2 3 4 5 6 7 8')[0].digits // '01012345678'
 */
export function scanDigitRuns(text: string): PhoneMatch[] {
  return Array.from(digitView(text).matchAll(DIGIT_RUN), (m) => ({
    index: m.index,
    end: m.index + m[0].length,
    digits: toDomestic(m[0].replace(/\D/g, '')),
  }));
}

/**
 * The first valid mobile number written anywhere in `text`, as bare digits, or null. Only well-grouped numbers
 * count (the dialog pre-fills its phone slot with it).
 * @example findPhone('비번 재설정해 주세요 번호는 01098765432') // '01098765432'
 */
export function findPhone(text: string): string | null {
  return scanPhones(text)[0]?.digits ?? null;
}

/**
 * Groups of a number read aloud: spelled-out Hangul numbers (digit by digit or with place words) or ASCII digits,
 * joined by separators or by `에` (`공일공에 천이백삼십사에 오천육백칠십팔`).
 */
const READ_ALOUD = new RegExp(
  String.raw`(?<![가-힣])[${SPELLED_NUMERALS}0-9]+(?:[${DIGIT_SEPARATORS}]{0,3}에?[${DIGIT_SEPARATORS}]{0,3}[${SPELLED_NUMERALS}0-9]+)*`,
  'g',
);
const GROUP = new RegExp(`[${SPELLED_NUMERALS}]+|[0-9]+`, 'g');
/** Whether bare digits are a Korean phone number (a mobile, or a 0-prefixed area code with 9–11 digits). */
const PHONE_DIGITS = /^0\d{8,10}$/;
/**
 * Cheap test before the scan: five numerals (or digits), separators and `에` allowed between them (`공일공 천 이천` is
 * 010-1000-2000: place words make a phone number as short as five syllables).
 */
const READ_ALOUD_HINT = new RegExp(String.raw`(?:[${SPELLED_NUMERALS}0-9][${DIGIT_SEPARATORS}에]{0,4}){5}`);

/**
 * Phone numbers read aloud in Hangul that `digitView` cannot fold digit for digit: groups with place words
 * (`공일공 천이백삼십사 오천육백칠십팔`) or joined by `에` (`공일공에 일이삼사에 오육칠팔`). Each group is read as a number
 * and its digits as written (`천이백삼` → 1203); the run counts when the digits make a phone number.
 * @example scanSpokenPhones('번호는 공일공에 천이백삼십사에 오천육백칠십팔')[0].digits // '01012345678'
 */
export function scanSpokenPhones(text: string): PhoneMatch[] {
  if (!READ_ALOUD_HINT.test(text)) return [];
  const out: PhoneMatch[] = [];
  for (const m of text.matchAll(READ_ALOUD)) {
    // the copula after a number often starts with 이 (`…오육칠팔이요`): read the run without it too
    for (const run of m[0].endsWith('이') ? [m[0], m[0].slice(0, -1)] : [m[0]]) {
      const digits = spokenDigits(run);
      if (digits === undefined || !PHONE_DIGITS.test(digits)) continue;
      out.push({ index: m.index, end: m.index + run.length, digits });
      break;
    }
  }
  return out;
}

/** The domestic digits of a run of two or more groups, or undefined when a group is not a number. */
function spokenDigits(run: string): string | undefined {
  const groups = run.match(GROUP) ?? [];
  if (groups.length < 2) return undefined;
  const parts = groups.map((g) => (/^[0-9]+$/.test(g) ? g : readSinoKorean(g)?.digits));
  return parts.some((p) => p === undefined) ? undefined : toDomestic(parts.join(''));
}
