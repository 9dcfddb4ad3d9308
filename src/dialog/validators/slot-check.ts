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

const FOLDABLE = /[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212\uFE58\uFE63]/g;

/**
 * Fold full-width ASCII (`０-９`, `Ａ`, `－`, `（`…) to ASCII, the ideographic space to a space and
 * Unicode dashes to `-`. Every folded character is one UTF-16 unit on both sides, so the result has
 * the same length as the input and an index into one is an index into the other.
 * @example foldChars('０１０－１２３４') // '010-1234'
 */
export function foldChars(text: string): string {
  return text.replace(FOLDABLE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return code === 0x3000 ? ' ' : '-';
  });
}
