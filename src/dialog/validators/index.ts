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
export {
  checkPhone,
  findPhone,
  formatPhone,
  isMobile,
  toDomestic,
  scanPhones,
  scanDigitRuns,
  type PhoneMatch,
} from './phone';
export {
  checkBirthdate,
  findBirthdate,
  scanDates,
  isRealDate,
  ageAt,
  AGE_RANGE,
  type DateMatch,
} from './birthdate';
export { checkName, unwrapName } from './name';

// Privacy guards
export {
  looksLikePassword,
  containsPasswordLike,
  passwordLikeSpans,
  type TextSpan,
} from './password-like';
