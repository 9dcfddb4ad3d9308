/** Folding text for PII recognition: one length-preserving view where every digit is an ASCII digit. */
import { digitOf, endsWordBefore, PLACE_WORDS, SPELLED_DIGITS } from './korean-numbers';

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
/**
 * Where every decimal digit of the BMP but ASCII's and the full-width ones (`foldChars` made those ASCII) lies: from
 * Arabic-Indic ٠ (U+0660) to Meetei Mayek ꯹ (U+ABF9). Hangul syllables are above it: most texts skip the scan.
 */
const OTHER_DIGIT_RANGE = /[\u0660-\uABF9]/;
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
/**
 * Runs with fewer spelled-out digits than this stay words (일이 있어요, 사이, `16일 1974년`); one less will do in one
 * group without separators that stands as a word (`구삼공삼일일`: a date's six digits, as `930311` typed is).
 */
const MIN_SPELLED_DIGITS = 7;
const ONE_GROUP = new RegExp(`^[${DIGIT_SEPARATORS}]*[0-9${SPELLED_DIGITS}]+[${DIGIT_SEPARATORS}]*$`);

/**
 * `foldChars`, plus every decimal digit of another script made ASCII, plus runs of at least 7 spelled-out Korean
 * digits (`공일공 사팔이삼 칠삼이삼`) written as ASCII digits, at the start or the end of the text too. Same length as
 * `text`: indices are shared. A numeral glued to the word before it is that word's last syllable and stays (the 일 of
 * `생년월일일구구삼…`). A group glued to a place word is part of a place-value number and is never folded (in `일구칠사 공삼 이십이` the run is `일구칠사 공삼`,
 * too short: the date reader sees the spelled numbers whole, not `1974 03 2` and a stray `십이`).
 * With `copulaAsWord`, a last `이` before 요/에요 is read as the copula and left as it is (`일구구삼 일 삼이요` is
 * `1993 1 3이요`, not `1993 1 32요`); a reader that cannot tell tries both views.
 * @example digitView('공일공 사팔이삼 칠삼이삼') // '010 4823 7323'
 */
export function digitView(text: string, copulaAsWord = false): string {
  // a pure function of its arguments, called by every detector of the masker on the same text: the last result is kept
  const memo = copulaAsWord ? lastCopulaView : lastView;
  if (memo.text === text) return memo.view;
  const view = computeDigitView(text, copulaAsWord);
  memo.text = text;
  memo.view = view;
  return view;
}

/** The last `digitView` of each kind (one entry each: the masker's detectors ask for the same text in a row). */
const lastView = { text: '', view: '' };
const lastCopulaView = { text: '', view: '' };

function computeDigitView(text: string, copulaAsWord: boolean): string {
  let folded = foldChars(text);
  if (OTHER_DIGIT_RANGE.test(folded)) {
    folded = folded.replace(OTHER_DIGIT, (d) => {
      const v = digitValue(d);
      return v === undefined ? d : String(v);
    });
  }
  if (!KOREAN_DIGIT.test(folded)) return folded;
  return folded.replace(SPELLED_RUN, (run: string, at: number) => {
    if (run.length < MIN_SPELLED_DIGITS - 1) return run; // fewer spelled digits than either rule below needs
    const prev = folded[at - 1] ?? '';
    // glued to a place word: part of a place-value number; glued to another word: its first syllable is that word's
    const head = isPlaceWord(prev) ? (PLACE_GLUED_HEAD.exec(run)?.[0] ?? '') : endsWordBefore(prev) && KOREAN_DIGIT.test(run[0]) ? run[0] : '';
    const next = folded.slice(at + run.length, at + run.length + 2);
    const tail = isPlaceWord(next[0] ?? '') ? (PLACE_GLUED_TAIL.exec(run)?.[0] ?? '') : '';
    if (head.length + tail.length >= run.length) return run;
    const digits = run.slice(head.length, run.length - tail.length);
    const count = (digits.match(KOREAN_DIGITS) ?? []).length;
    if (count < MIN_SPELLED_DIGITS && !(count === MIN_SPELLED_DIGITS - 1 && ONE_GROUP.test(digits) && standsAlone(folded, at + head.length, at + run.length - tail.length))) return run;
    const copula = copulaAsWord && !tail && digits.endsWith('이') && /^(?:요|에요)/.test(next) ? '이' : '';
    return head + digits.slice(0, digits.length - copula.length).replace(KOREAN_DIGITS, (ch) => digitOf(ch) ?? ch) + copula + tail;
  });
}

/** What a pass of the masker needs to know of a text's digits before it scans: it may have nothing to find. */
export interface DigitStats {
  /** ASCII digits in all. */
  digits: number;
  /** Maximal runs of ASCII digits. */
  groups: number;
  /** Digits in the longest run. */
  longest: number;
}

/**
 * The ASCII digits of `text` counted (on a `digitView`: every digit of any script, spelled-out runs folded).
 * @example digitStats('010-1234 x') // { digits: 7, groups: 2, longest: 4 }
 */
export function digitStats(text: string): DigitStats {
  let digits = 0;
  let groups = 0;
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (run++ === 0) groups++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  return { digits, groups, longest };
}

/**
 * Whether the digits at `[from, to)` of `text` (separators around them aside) are a word of their own: no Hangul
 * syllable right before them, and after them none but the start of an ending (`…일일입니다`, `…일일이요`).
 */
function standsAlone(text: string, from: number, to: number): boolean {
  const inner = text.slice(from, to);
  const start = from + (inner.length - inner.trimStart().length);
  const end = to - (inner.length - inner.trimEnd().length);
  return !/[가-힣]/.test(text[start - 1] ?? '') && !/^[가-힣](?<![입이요에예])/.test(text[end] ?? '');
}

/** `십 백 천` (not the empty string, which `includes` finds in any text: the start or end of the text is no place word). */
function isPlaceWord(ch: string): boolean {
  return ch !== '' && PLACE_WORDS.includes(ch);
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
