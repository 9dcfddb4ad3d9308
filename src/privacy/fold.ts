/** Folding text for PII recognition: one length-preserving view where every digit is an ASCII digit. */

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
const KOREAN_DIGITS: Readonly<Record<string, string>> = {
  공: '0', 영: '0', 빵: '0', 일: '1', 이: '2', 삼: '3', 사: '4', 오: '5', 육: '6', 륙: '6', 칠: '7', 팔: '8', 구: '9',
};
const KOREAN_DIGIT = /[공영빵일이삼사오육륙칠팔구]/;
/** Characters that may sit between the digits of one number, whatever the keyboard (ㅡ is a common dash). */
export const DIGIT_SEPARATORS = String.raw`\s.\-()/_·•‧∙ㆍ~,ㅡ一ー`;
/** A run of spelled-out digits (and ASCII digits) with separators: only such runs are read as digits. */
const SPELLED_RUN = new RegExp(String.raw`[0-9공영빵일이삼사오육륙칠팔구](?:[${DIGIT_SEPARATORS}]{0,3}[0-9공영빵일이삼사오육륙칠팔구])*`, 'g');
/** Runs with fewer spelled-out digits than this stay words (일이 있어요, 사이, `16일 1974년`). */
const MIN_SPELLED_DIGITS = 7;

/**
 * `foldChars`, plus every decimal digit of another script made ASCII, plus runs of at least 7 spelled-out Korean
 * digits (`공일공 사팔이삼 칠삼이삼`) written as ASCII digits. Same length as `text`: indices are shared.
 * @example digitView('공일공 사팔이삼 칠삼이삼') // '010 4823 7323'
 */
export function digitView(text: string): string {
  let folded = foldChars(text);
  if (/[^\x00-\x7f]/.test(folded)) {
    folded = folded.replace(OTHER_DIGIT, (d) => {
      const v = digitValue(d);
      return v === undefined ? d : String(v);
    });
  }
  if (!KOREAN_DIGIT.test(folded)) return folded;
  return folded.replace(SPELLED_RUN, (run) => {
    const spelled = run.replace(/[^공영빵일이삼사오육륙칠팔구]/g, '');
    if (spelled.length < MIN_SPELLED_DIGITS) return run;
    return run.replace(/[공영빵일이삼사오육륙칠팔구]/g, (ch) => KOREAN_DIGITS[ch]);
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
