/** Folding text for PII recognition: one length-preserving view where every digit is an ASCII digit. */
import { digitOf, PLACE_WORDS, SPELLED_DIGITS } from './korean-numbers';

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

/** Decimal digits of other scripts in the BMP (Arabic-Indic, Devanagari, Thai…): one UTF-16 unit each. */
const OTHER_DIGIT = /(?![0-9])[\p{Nd}]/gu;
/** Spelled-out Sino-Korean digits, as people read a phone number: 공일공 사팔이삼 … */
const KOREAN_DIGIT = new RegExp(`[${SPELLED_DIGITS}]`);
const KOREAN_DIGITS = new RegExp(`[${SPELLED_DIGITS}]`, 'g');
/** Characters that may sit between the digits of one number, whatever the keyboard (ㅡ is a common dash). */
export const DIGIT_SEPARATORS = String.raw`\s.\-()/_·•‧∙ㆍ~,ㅡ一ー`;
/** A run of spelled-out digits (and ASCII digits) with separators: only such runs are read as digits. */
const SPELLED_RUN = new RegExp(String.raw`[0-9${SPELLED_DIGITS}](?:[${DIGIT_SEPARATORS}]{0,3}[0-9${SPELLED_DIGITS}])*`, 'g');
/** A group of a run glued to a place word: part of a place-value number (`… 이십이`), not of the digit run. */
const PLACE_GLUED_HEAD = new RegExp(String.raw`^[0-9${SPELLED_DIGITS}]+[${DIGIT_SEPARATORS}]*`);
const PLACE_GLUED_TAIL = new RegExp(String.raw`[${DIGIT_SEPARATORS}]*[0-9${SPELLED_DIGITS}]+$`);
/** Runs with fewer spelled-out digits than this stay words (일이 있어요, 사이, `16일 1974년`). */
const MIN_SPELLED_DIGITS = 7;

/**
 * `foldChars`, plus every decimal digit of another script made ASCII, plus runs of at least 7 spelled-out Korean
 * digits (`공일공 사팔이삼 칠삼이삼`) written as ASCII digits. Same length as `text`: indices are shared. A group glued to
 * a place word is part of a place-value number and is never folded (in `일구칠사 공삼 이십이` the run is `일구칠사 공삼`,
 * too short: the date reader sees the spelled numbers whole, not `1974 03 2` and a stray `십이`).
 * With `copulaAsWord`, a last `이` before 요/에요 is read as the copula and left as it is (`일구구삼 일 삼이요` is
 * `1993 1 3이요`, not `1993 1 32요`); a reader that cannot tell tries both views.
 * @example digitView('공일공 사팔이삼 칠삼이삼') // '010 4823 7323'
 */
export function digitView(text: string, copulaAsWord = false): string {
  let folded = foldChars(text);
  if (/[^\x00-\x7f]/.test(folded)) {
    folded = folded.replace(OTHER_DIGIT, (d) => {
      const v = digitValue(d);
      return v === undefined ? d : String(v);
    });
  }
  if (!KOREAN_DIGIT.test(folded)) return folded;
  return folded.replace(SPELLED_RUN, (run: string, at: number) => {
    const head = PLACE_WORDS.includes(folded[at - 1] ?? '') ? (PLACE_GLUED_HEAD.exec(run)?.[0] ?? '') : '';
    const next = folded.slice(at + run.length, at + run.length + 2);
    const tail = PLACE_WORDS.includes(next[0] ?? '') ? (PLACE_GLUED_TAIL.exec(run)?.[0] ?? '') : '';
    if (head.length + tail.length >= run.length) return run;
    const digits = run.slice(head.length, run.length - tail.length);
    if ((digits.match(KOREAN_DIGITS) ?? []).length < MIN_SPELLED_DIGITS) return run;
    const copula = copulaAsWord && !tail && digits.endsWith('이') && /^(?:요|에요)/.test(next) ? '이' : '';
    return head + digits.slice(0, digits.length - copula.length).replace(KOREAN_DIGITS, (ch) => digitOf(ch) ?? ch) + copula + tail;
  });
}

/** The value of a decimal digit of any script (its code point minus the script's zero), if it is one unit. */
function digitValue(ch: string): number | undefined {
  if (ch.length !== 1) return undefined;
  const code = ch.charCodeAt(0);
  for (let zero = code; zero > code - 10; zero--) {
    if (!/\p{Nd}/u.test(String.fromCharCode(zero - 1)) || zero - 1 < code - 9) return code - zero;
  }
  return undefined;
}
