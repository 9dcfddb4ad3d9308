/** Birth-date slot: find and check a date of birth in free text, normalized to ISO `YYYY-MM-DD`. */
import { digitView, isRealDate, scanDates, type DateMatch } from '../../privacy';
import {
  accept,
  checkSpelled,
  reject,
  type BirthdateRejectReason,
  type SlotCheck,
} from './slot-check';

/** The youngest and oldest partner we accept, in full years. */
export const AGE_RANGE = { min: 18, max: 100 } as const;

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * Check an answer to "what is your date of birth?" against the clock `now` (ages are counted in
 * Korea time). Two-digit years take the century that gives an age of 18–100, 19xx if both would. Numbers spelled out
 * in Hangul (voice typing) are read as their digits: `천구백칠십사년 삼월 오일`, `칠사년 삼월 오일생`, `일구칠사 공삼 공오`.
 * Reasons: `empty` (no digits), `format` (no date shape), `invalid_date` (no such day), `age`, `ambiguous` (spelled-out
 * numbers that read as two different birth dates: `…삼월 이십이요`, the 22nd or the 20th).
 * @example checkBirthdate('생일은 1985년 3월 7일이에요', new Date()) // { ok: true, value: '1985-03-07' }
 * @example checkBirthdate('칠십사년 삼월 오일생이요', new Date()) // { ok: true, value: '1974-03-05' }
 */
export function checkBirthdate(text: string, now: Date): SlotCheck<string, BirthdateRejectReason> {
  return checkSpelled(text, (digits) => checkDigits(digits, now));
}

/** `checkBirthdate` on text whose numbers are written in digits. */
function checkDigits(text: string, now: Date): SlotCheck<string, Exclude<BirthdateRejectReason, 'ambiguous'>> {
  const matches = scanDates(text);
  if (matches.length === 0) return reject(/\d/.test(digitView(text)) ? 'format' : 'empty');
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
function resolveDate(m: DateMatch, now: Date): SlotCheck<string, Exclude<BirthdateRejectReason, 'ambiguous'>> {
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
