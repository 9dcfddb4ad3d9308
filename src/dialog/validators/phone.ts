/** Phone slot: check a Korean mobile number (01X) in free text, as bare digits (recognition: src/privacy/phones.ts). */
import { findPhone, isMobile, scanDigitRuns } from '../../privacy';
import { accept, checkSpelled, reject, type PhoneRejectReason, type SlotCheck } from './slot-check';

/**
 * Check an answer to "what is your phone number?". Accepts hyphens, spaces, dots, parentheses,
 * full-width digits, `+82`, and words around the number; the value is bare digits. Numbers spelled out in Hangul
 * (voice typing) are read as their digits: `공일공 일이삼사 오육칠팔`, `공일공에 천이백삼십사에 오천육백칠십팔`,
 * `010 일이삼사 5678`. Reasons: `empty` (no digits), `prefix` (not 01X, e.g. a landline), `length` (wrong digit
 * count), `ambiguous` (spelled-out numbers that read as two different mobiles: `…오천육백칠십이요`).
 * @example checkPhone('제 번호는 010-1234-5678 입니다') // { ok: true, value: '01012345678' }
 * @example checkPhone('공일공에 천이백삼십사에 오천육백칠십팔') // { ok: true, value: '01012345678' }
 */
export function checkPhone(text: string): SlotCheck<string, PhoneRejectReason> {
  return checkSpelled(text, checkDigits);
}

/** `checkPhone` on text whose numbers are written in digits. */
function checkDigits(text: string): SlotCheck<string, Exclude<PhoneRejectReason, 'ambiguous'>> {
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
 * The mobile number in the utterance that opens the dialog, for pre-filling: well-grouped digits (`findPhone`), or
 * the same read aloud in words (`번호는 공일공 천이백삼십사 오천육백칠십팔`); null when there is none or it reads two ways.
 * @example prefillPhone('비번 재설정해 주세요 번호는 공일공 일이삼사 오육칠팔') // '01012345678'
 */
export function prefillPhone(text: string): string | null {
  const found = checkSpelled(text, (t) => {
    const digits = findPhone(t);
    return digits === null ? reject('empty') : accept(digits);
  });
  return found.ok ? found.value : null;
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
