/** Birth-date slot: find and check a date of birth in free text, normalized to ISO `YYYY-MM-DD`. */
import {
  accept,
  foldChars,
  reject,
  type BirthdateRejectReason,
  type SlotCheck,
} from './slot-check';

/** A date-shaped span of text, before any calendar or age check. `year` keeps its 2 or 4 digits. */
export interface DateMatch {
  index: number;
  end: number;
  year: string;
  month: number;
  day: number;
}

/** The youngest and oldest partner we accept, in full years. */
export const AGE_RANGE = { min: 18, max: 100 } as const;

const LEAD = String.raw`(?<!\d|\d[./-])`;
const TRAIL = String.raw`(?!\d|[./-]\d)`;
const SEP = String.raw`(?:\s{0,3}[./-]\s{0,3}|\s{1,3})`;
const PUNCT = String.raw`\s{0,3}[./-]\s{0,3}`;
const S = String.raw`\s{0,3}`;
/** In priority order: `1985년 3월 7일`, `1985-03-07`/`1985 3 7`, `85.3.7`, `19850307`/`850307`. */
const PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`${LEAD}(\d{4}|\d{2})${S}년${S}(\d{1,2})${S}월${S}(\d{1,2})(?!\d)(?:${S}일)?`,
    'g',
  ),
  new RegExp(String.raw`${LEAD}(\d{4})${SEP}(\d{1,2})${SEP}(\d{1,2})${TRAIL}`, 'g'),
  new RegExp(String.raw`${LEAD}(\d{2})${PUNCT}(\d{1,2})${PUNCT}(\d{1,2})${TRAIL}`, 'g'),
  /(?<!\d)(\d{4}|\d{2})(\d{2})(\d{2})(?!\d)/g,
];
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * Every date-shaped span in `text` (full-width digits folded), in priority order: Korean `년월일`
 * first, then separated forms, then bare digit runs. No calendar or age check is made here.
 * @example scanDates('생일은 85년 3월 7일')[0] // { index: 4, end: 14, year: '85', month: 3, day: 7 }
 */
export function scanDates(text: string): DateMatch[] {
  const folded = foldChars(text);
  return PATTERNS.flatMap((pattern) =>
    Array.from(folded.matchAll(pattern), (m) => ({
      index: m.index,
      end: m.index + m[0].length,
      year: m[1],
      month: Number(m[2]),
      day: Number(m[3]),
    })),
  );
}

/**
 * Check an answer to "what is your date of birth?" against the clock `now` (ages are counted in
 * Korea time). Two-digit years take the century that gives an age of 18–100, 19xx if both would.
 * Reasons: `empty` (no digits), `format` (no date shape), `invalid_date` (no such day), `age`.
 * @example checkBirthdate('생일은 1985년 3월 7일이에요', new Date()) // { ok: true, value: '1985-03-07' }
 */
export function checkBirthdate(text: string, now: Date): SlotCheck<string, BirthdateRejectReason> {
  const matches = scanDates(text);
  if (matches.length === 0) return reject(/\d/.test(foldChars(text)) ? 'format' : 'empty');
  const results = matches.map((m) => resolveDate(m, now));
  return results.find((r) => r.ok) ?? results[0];
}

/**
 * The first acceptable birth date written anywhere in `text`, as ISO, or null (for pre-filling).
 * @example findBirthdate('비번 찾기 010-1234-5678 1985.3.7', new Date()) // '1985-03-07'
 */
export function findBirthdate(text: string, now: Date): string | null {
  const result = checkBirthdate(text, now);
  return result.ok ? result.value : null;
}

/** Turn one date-shaped match into an ISO birth date, or say why it cannot be one. */
function resolveDate(m: DateMatch, now: Date): SlotCheck<string, BirthdateRejectReason> {
  const years = m.year.length === 4 ? [Number(m.year)] : candidateYears(Number(m.year), now);
  const real = years.filter((y) => isRealDate(y, m.month, m.day));
  if (real.length === 0) return reject('invalid_date');
  const fits = real.find((y) => {
    const age = ageAt(y, m.month, m.day, now);
    return age >= AGE_RANGE.min && age <= AGE_RANGE.max;
  });
  return fits === undefined ? reject('age') : accept(toIso(fits, m.month, m.day));
}

/** The two readings of a two-digit year around `now`, older century first. */
function candidateYears(yy: number, now: Date): number[] {
  const century = Math.floor(koreanToday(now).year / 100) * 100;
  return [century - 100 + yy, century + yy];
}

/**
 * Whether year/month/day is a day on the Gregorian calendar (leap years included).
 * @example isRealDate(2000, 2, 29) // true
 */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

/**
 * Full years lived on `now`'s date in Korea by someone born on year/month/day.
 * @example ageAt(1985, 3, 7, new Date('2026-11-25T00:00:00+09:00')) // 41
 */
export function ageAt(year: number, month: number, day: number, now: Date): number {
  const today = koreanToday(now);
  const birthdayPassed = today.month > month || (today.month === month && today.day >= day);
  return today.year - year - (birthdayPassed ? 0 : 1);
}

function koreanToday(now: Date): { year: number; month: number; day: number } {
  const shifted = new Date(now.getTime() + KST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

function toIso(year: number, month: number, day: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
