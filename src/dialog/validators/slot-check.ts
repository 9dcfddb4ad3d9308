/** The result every slot validator returns, its reject reasons, and the folding and number reading they share. */
import { spelledReadings } from '../../privacy';

/** Why a phone answer was refused; picks `reset.phone.invalid.<reason>`. */
export type PhoneRejectReason = 'empty' | 'prefix' | 'length' | 'ambiguous';

/** Why a birth-date answer was refused; picks `reset.birthdate.invalid.<reason>`. */
export type BirthdateRejectReason = 'empty' | 'format' | 'invalid_date' | 'age' | 'ambiguous';

/** Why a name answer was refused; picks `reset.name.invalid.<reason>`. */
export type NameRejectReason = 'empty' | 'format' | 'length' | 'not_a_name';

/** Every reason any slot validator may give. */
export type SlotRejectReason = PhoneRejectReason | BirthdateRejectReason | NameRejectReason;

/**
 * A validator's verdict: the normalized value, or the reason the answer was refused.
 * `R` narrows the reasons one validator can give; it defaults to all of them.
 */
export type SlotCheck<T, R extends SlotRejectReason = SlotRejectReason> =
  | { ok: true; value: T }
  | { ok: false; reason: R };

/**
 * Wrap an accepted value.
 * @example accept('01012345678') // { ok: true, value: '01012345678' }
 */
export function accept<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/**
 * Wrap a reject reason.
 * @example reject('empty') // { ok: false, reason: 'empty' }
 */
export function reject<R extends SlotRejectReason>(reason: R): { ok: false; reason: R } {
  return { ok: false, reason };
}

/**
 * Check an answer that may hold numbers spelled out in Hangul (voice typing: `공일공 일이삼사 오육칠팔`, `칠십사년 삼월
 * 오일`): `check` runs on each reading of the text in digits (`spelledReadings`, src/privacy/korean-numbers.ts). When
 * the readings that pass all give one value, it is the answer; when they give two values (`…칠십이요`: 72요 or 70이요),
 * the answer is refused as `ambiguous` (asked again, never guessed); when none passes, the text as written is checked
 * (it may hold what the readings skip, such as digits glued to a word), and if that fails too, the first reading's
 * reason is given (`공일공 일이삼` is too short, as 010 123 is). Without spelled-out numbers this is `check(text)`.
 * @example checkSpelled('칠십사년 삼월 오일', checkDate) // the verdict of checkDate('74년 3월 5일')
 */
export function checkSpelled<R extends SlotRejectReason>(
  text: string,
  check: (text: string) => SlotCheck<string, R>,
): SlotCheck<string, R | 'ambiguous'> {
  const results = spelledReadings(text).map(check);
  const values = new Set(results.flatMap((r) => (r.ok ? [r.value] : [])));
  if (values.size > 1) return reject('ambiguous');
  const [value] = values;
  if (value !== undefined) return accept(value);
  const asWritten = check(text);
  return asWritten.ok || results.length === 0 ? asWritten : results[0];
}

export { foldChars } from '../../privacy';
