/** Spot tokens that look like a password, so we can warn the user and keep them out of logs. */
import { scanDates, type TextSpan } from './dates';
import { foldChars } from './fold';
import { findPhone } from './phones';

const TOKEN_CHARS = { min: 8, max: 16 } as const;
/** Runs of printable ASCII: a password glued to Korean words (`비번은Blue1234!이에요`) is still found. */
const ASCII_RUN = /[!-~]+/g;
/**
 * A run of at least `TOKEN_CHARS.min` characters that fold (`foldChars`) to printable ASCII: full-width ASCII and
 * Unicode dashes count. Every password-like token sits in such a run.
 */
const LONG_ASCII_RUN = new RegExp(`[!-~\\uFF01-\\uFF5E\\u2010-\\u2015\\u2212\\uFE58\\uFE63]{${TOKEN_CHARS.min}}`);
const LETTER = /[A-Za-z]/;
const DIGIT = /\d/;
/** Punctuation opening or ending ordinary words (`anyway...`, `(hello)`): no password alone. */
const WORD_PUNCTUATION = /^[.,:;!?~'"()]+|[.,:;!?~'"()]+$/g;
const SYMBOL = /[!-/:-@[-`{-~]/;
const URL_LIKE =
  /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)|^[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}(?:[:/?#][!-~]*)?$/i;
const EMAIL_LIKE = /^[^@]+@[^@]+\.[a-z]{2,}$/i;

/**
 * Whether one token (no whitespace inside) looks like a password: 8–16 printable ASCII characters
 * with a Latin letter and a digit or symbol, and not a phone number, date, URL or email address.
 * @example looksLikePassword('Blue1234!') // true
 */
export function looksLikePassword(text: string): boolean {
  const token = foldChars(text).trim();
  if (token.length < TOKEN_CHARS.min || token.length > TOKEN_CHARS.max) return false;
  if (!/^[!-~]+$/.test(token) || !LETTER.test(token)) return false;
  if (!DIGIT.test(token) && !SYMBOL.test(token.replace(WORD_PUNCTUATION, ''))) return false;
  return !isOtherKnownThing(token);
}

function isOtherKnownThing(token: string): boolean {
  if (URL_LIKE.test(token) || EMAIL_LIKE.test(token) || findPhone(token) !== null) return true;
  return scanDates(token).some((m) => m.index === 0 && m.end === token.length);
}

/**
 * Where password-like tokens sit in `text` (printable-ASCII runs, so Korean words glued on do not
 * hide them). Indices are valid for `text` itself.
 * @example passwordLikeSpans('비번은 Blue1234! 입니다') // [{ index: 4, end: 13 }]
 */
export function passwordLikeSpans(text: string): TextSpan[] {
  if (!LONG_ASCII_RUN.test(text)) return []; // most texts (Korean) have no ASCII run long enough to be a password
  const folded = foldChars(text);
  return Array.from(folded.matchAll(ASCII_RUN))
    .filter((m) => looksLikePassword(m[0]))
    .map((m) => ({ index: m.index, end: m.index + m[0].length }));
}

/**
 * Whether any part of `text` looks like a password.
 * @example containsPasswordLike('제 비번은 abcd1234예요') // true
 */
export function containsPasswordLike(text: string): boolean {
  return passwordLikeSpans(text).length > 0;
}
