/**
 * PII recognition, in one place: phone numbers, dates, names and password-like tokens in free text. The slot
 * validators (src/dialog/validators) and the masker (src/log/mask.ts) both use it; it imports neither.
 */
export { foldChars, digitView, digitStats, DIGIT_SEPARATORS } from './fold';
export { scanPhones, scanDigitRuns, scanSpokenPhones, findPhone, isMobile, toDomestic, type PhoneMatch } from './phones';
export { scanDates, scanDateSpans, isRealDate, SPELLED_HINT, type DateMatch, type TextSpan } from './dates';
export { birthCueSpans, BIRTH_CUE_HINT } from './birth-cue';
export { readSinoKorean, spelledReadings, SPELLED_NUMERALS, type SpelledNumber } from './korean-numbers';
export { looksLikePassword, passwordLikeSpans, containsPasswordLike } from './passwords';
export {
  readName,
  unwrapName,
  scanNameSpans,
  setKnownWords,
  isKnownWord,
  NAME_MASK,
  NAME_CUE_HINT,
  type NameReading,
  type NameRejectReason,
} from './names';
export { keyBytes, keyringOf, seal, open, type Keyring } from './seal';
