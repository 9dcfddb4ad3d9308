/** Slot validators by name, as flows/*.yml cite them: check an answer, pre-fill from text, show a value safely. */
import { maskBirthdate, maskName, maskPhone } from '../../log/mask';
import { checkBirthdate, checkName, checkPhone, findBirthdate, prefillPhone, type SlotCheck } from '../validators';

export interface SlotValidator {
  /** Every reason `check` may give (each needs an `<invalid>.<reason>` response). */
  readonly reasons: readonly string[];
  /** Check an answer to this slot's question; `now` is the turn's clock (ages). */
  check(text: string, now: Date): SlotCheck<string>;
  /** Find a value in the utterance that opened the dialog (pre-filling), or null. */
  find?(text: string, now: Date): string | null;
  /**
   * Template params for a value: `{slot}` and `{slotMasked}` etc. Only what may be shown in chat: phones and
   * names masked; a birth date readable (for the confirmation) and masked.
   */
  display(value: string): Record<string, string>;
}

const phone: SlotValidator = {
  reasons: ['empty', 'prefix', 'length', 'ambiguous'],
  check: (text) => checkPhone(text),
  find: (text) => prefillPhone(text),
  display: (value) => ({ '': maskPhone(value), Masked: maskPhone(value), Last4: value.slice(-4) }),
};

const birthdate: SlotValidator = {
  reasons: ['empty', 'format', 'invalid_date', 'age', 'ambiguous'],
  check: (text, now) => checkBirthdate(text, now),
  find: (text, now) => findBirthdate(text, now),
  display: (value) => ({ '': readableDate(value), Masked: maskBirthdate(value) }),
};

const name: SlotValidator = {
  reasons: ['empty', 'format', 'length', 'not_a_name'],
  check: (text) => checkName(text),
  display: (value) => ({ '': maskName(value), Masked: maskName(value) }),
};

/** The registry flows cite by name. */
export const SLOT_VALIDATORS: Readonly<Record<string, SlotValidator>> = { phone, birthdate, name };

/**
 * `1985-03-07` → `1985년 3월 7일`; anything else is hidden.
 * @example readableDate('1985-03-07') // '1985년 3월 7일'
 */
export function readableDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}년 ${Number(m[2])}월 ${Number(m[3])}일` : maskBirthdate(iso);
}

/**
 * Template params for the filled slots: slot `phone` gives `{phone}`, `{phoneMasked}`, `{phoneLast4}`.
 * @example slotParams({ phone: '01012345678' }, { phone: 'phone' }).phone // '010-****-5678'
 */
export function slotParams(slots: Record<string, string>, validatorOf: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [slot, value] of Object.entries(slots)) {
    const validator = SLOT_VALIDATORS[validatorOf[slot] ?? ''];
    if (!validator) continue;
    for (const [suffix, shown] of Object.entries(validator.display(value))) params[`${slot}${suffix}`] = shown;
  }
  return params;
}
