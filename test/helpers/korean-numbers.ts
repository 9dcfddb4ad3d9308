/** Writing numbers in Hangul for tests, as voice typing does: digit by digit (1974 → 일구칠사) or with place words (1974 → 천구백칠십사). */

const DIGIT = '공일이삼사오육칠팔구';

/**
 * Every ASCII digit of `value` (a number padded to `width`, or text kept as it is) as a Hangul digit.
 * @example byDigits(3, 2) // '공삼'
 * @example byDigits('010 1234') // '공일공 일이삼사'
 */
export const byDigits = (value: number | string, width = 0): string =>
  String(value).padStart(width, '0').replace(/\d/g, (d) => DIGIT[Number(d)]);

/**
 * A number below 10000 with place words (`일` before a place left out, as people say it).
 * @example byPlaces(1974) // '천구백칠십사'
 */
export function byPlaces(n: number): string {
  let out = '';
  for (const [place, word] of [[1000, '천'], [100, '백'], [10, '십']] as const) {
    const d = Math.floor(n / place) % 10;
    if (d) out += (d === 1 ? '' : DIGIT[d]) + word;
  }
  return out + (n % 10 ? DIGIT[n % 10] : '');
}
