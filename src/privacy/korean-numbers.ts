/**
 * Sino-Korean numbers spelled out in Hangul, as people read a date or a phone number aloud: digit by digit
 * (`일구칠사` 1974, `공일공` 010) or with place words (`천구백칠십사` 1974, `칠십사` 74, `천이백삼십사` 1234).
 */

const DIGITS: Readonly<Record<string, number>> = {
  공: 0, 영: 0, 빵: 0, 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 륙: 6, 칠: 7, 팔: 8, 구: 9,
};
const PLACES: Readonly<Record<string, number>> = { 십: 10, 백: 100, 천: 1000 };
/** The characters of a spelled-out number: digits and place words. */
export const SPELLED_NUMERALS = '공영빵일이삼사오육륙칠팔구십백천';

/** A spelled-out number: its value and its digits as written (`공삼` → `03`; `천이백삼` → `1203`). */
export interface SpelledNumber {
  value: number;
  digits: string;
}

/**
 * Read one spelled-out number, or undefined when `word` is not one: either digits only (`일구칠사`, `공일공`), or
 * place words in falling order, each with an optional digit 1–9 before it and a last digit after (`천구백칠십사`,
 * `이십오`, `십이`, `이천일`).
 * @example readSinoKorean('천구백칠십사') // { value: 1974, digits: '1974' }
 * @example readSinoKorean('공삼') // { value: 3, digits: '03' }
 */
export function readSinoKorean(word: string): SpelledNumber | undefined {
  const chars = Array.from(word);
  if (!chars.length || chars.length > 12) return undefined;
  if (!chars.some((c) => c in PLACES)) {
    if (!chars.every((c) => c in DIGITS)) return undefined;
    const digits = chars.map((c) => DIGITS[c]).join('');
    return { value: Number(digits), digits };
  }
  let value = 0;
  let pending: number | undefined;
  let lastPlace = Infinity;
  for (const c of chars) {
    if (c in DIGITS) {
      if (pending !== undefined || DIGITS[c] === 0) return undefined; // `구칠십`, `공백`: not a number
      pending = DIGITS[c];
      continue;
    }
    const place = PLACES[c];
    if (place === undefined || place >= lastPlace) return undefined; // `십백`, `백백`
    value += (pending ?? 1) * place;
    pending = undefined;
    lastPlace = place;
  }
  value += pending ?? 0;
  return { value, digits: String(value) };
}
