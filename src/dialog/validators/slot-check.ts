/** The result every slot validator returns, its reject reasons, and the folding they share. */

/** Why a phone answer was refused; picks `reset.phone.invalid.<reason>`. */
export type PhoneRejectReason = 'empty' | 'prefix' | 'length';

/** Why a birth-date answer was refused; picks `reset.birthdate.invalid.<reason>`. */
export type BirthdateRejectReason = 'empty' | 'format' | 'invalid_date' | 'age';

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

export { foldChars } from '../../privacy';
