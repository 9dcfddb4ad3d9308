/** Slot validators for the password-reset dialog: user text in, a SlotCheck out. */

// Result type and reasons
export {
  accept,
  reject,
  foldChars,
  type SlotCheck,
  type SlotRejectReason,
  type PhoneRejectReason,
  type BirthdateRejectReason,
  type NameRejectReason,
} from './slot-check';

// Slot validators
export { checkPhone, prefillPhone, formatPhone } from './phone';
export { checkBirthdate, findBirthdate, ageAt, AGE_RANGE } from './birthdate';
export { checkName, unwrapName } from './name';

// Recognition lives in src/privacy (the masker uses it too); re-exported for the slot code and its tests.
export {
  findPhone,
  isMobile,
  toDomestic,
  scanPhones,
  scanDigitRuns,
  scanDates,
  isRealDate,
  looksLikePassword,
  containsPasswordLike,
  passwordLikeSpans,
  type PhoneMatch,
  type DateMatch,
  type TextSpan,
} from '../../privacy';
