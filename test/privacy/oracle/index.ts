export { foldChars, digitView, DIGIT_SEPARATORS } from './fold';
export { scanPhones, scanDigitRuns, scanSpokenPhones, findPhone, isMobile, toDomestic, type PhoneMatch } from './phones';
export { scanDates, scanDateSpans, isRealDate, SPELLED_HINT, type DateMatch, type TextSpan } from './dates';
export { readSinoKorean, spelledReadings, SPELLED_NUMERALS, type SpelledNumber } from './korean-numbers';
export { looksLikePassword, passwordLikeSpans, containsPasswordLike } from './passwords';
export { readName, unwrapName, scanNameSpans, setKnownWords, isKnownWord, NAME_MASK, NAME_CUE_HINT, type NameReading, type NameRejectReason } from './names';
