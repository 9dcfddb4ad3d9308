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

const NUMERAL_RUN = new RegExp(`[${SPELLED_NUMERALS}]+`, 'g');
const HANGUL = /[가-힣]/;
const NUMERAL_OR_DIGIT = new RegExp(`[0-9${SPELLED_NUMERALS}]`);
/** Syllables after which a number may follow without a space: another number's 년 월 or 에 (`칠십사년삼월`, `공일공에천이백`). */
const JOINERS = '년월에';
/** Syllables that may follow a number: date markers, 에, and the start of a copula or ending (`…팔요`, `…팔입니다`). */
const FOLLOWERS = '년월생에요예입고라';
/** After a number's last `이`, these make it read as the copula too (`…칠십이요` is 72요 or 70이요). */
const COPULA_NEXT = '요에예라고';
/** At most this many numbers with two readings are expanded (2^3 readings); later ones keep their first reading. */
const MAX_TWO_WAY = 3;

/**
 * `text` with every number spelled out in Hangul written in ASCII digits, once per way of reading it, for a slot
 * validator to check like typed digits (`칠십사년 삼월 오일` → `74년 3월 5일`). A number stands alone or after another
 * number's 년 월 에, and before a non-Hangul character, a date marker, 에 or an ending (`사이다`, `회사일`, `이번` are
 * words). `에` between two numbers becomes a space (`공일공에 일이삼사에 오육칠팔` → `010 1234 5678`). Two readings
 * when a number ends in `이` before `요 에 예 라 고` (a digit, or the copula: `…칠십이요` → `…72요` and `…70이요`); a lone
 * `이` there right after a number is its copula only (`…567 이에요`). Right after a month (`삼월 오일`, `삼월 이십일일`), a last `일` is the day marker, and so is
 * an `일` right after a digit (`5일`).
 * Empty when `text` has no spelled-out number.
 * @example spelledReadings('칠십사년 삼월 오일생') // ['74년 3월 5일생']
 * @example spelledReadings('공일공 일이삼사 오육칠십이요') // ['010 1234 572요', '010 1234 570이요']
 */
export function spelledReadings(text: string): string[] {
  let readings: Array<{ out: string; read: boolean }> = [{ out: '', read: false }];
  let from = 0;
  let twoWay = 0;
  for (const m of text.matchAll(NUMERAL_RUN)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index); // the context a rule looks at (not the whole text: long input)
    const next = text[m.index + m[0].length] ?? '';
    const prev = before[before.length - 1] ?? '';
    const prevOk = !HANGUL.test(prev) || (JOINERS.includes(prev) && NUMERAL_OR_DIGIT.test(before.slice(-2, -1)));
    if (!prevOk || (HANGUL.test(next) && !FOLLOWERS.includes(next))) continue;
    if (/[0-9]/.test(prev) && m[0].startsWith('일')) continue; // `5일`: the day marker
    const copula = next !== '' && COPULA_NEXT.includes(next);
    // a lone 이 right after a number is its copula (`…567 이에요`); elsewhere it may be 2 (`일월 이요`)
    if (copula && m[0] === '이' && NUMERAL_OR_DIGIT.test(before.trimEnd().slice(-1))) continue;
    let ways = runReadings(m[0], /[월月]\s{0,3}$/.test(before), copula);
    if (ways.length > 1 && ++twoWay > MAX_TWO_WAY) ways = ways.slice(0, 1);
    const gap = text.slice(from, m.index);
    readings = readings.flatMap((r) => ways.map((w) => ({ out: r.out + gap + w.text, read: r.read || w.read })));
    from = m.index + m[0].length;
  }
  return readings
    .filter((r) => r.read)
    .map((r) => (r.out + text.slice(from)).replace(/(?<=[0-9])[ \t]{0,3}에[ \t]{0,3}(?=[0-9])/g, ' '));
}

/** The ways of writing one run of numerals: its digits, or the run unread when it is no number. */
function runReadings(run: string, afterMonth: boolean, beforeCopula: boolean): Array<{ text: string; read: boolean }> {
  const bases = beforeCopula && run.endsWith('이') ? [run, run.slice(0, -1)] : [run];
  const ways = bases.map((word) => {
    const tail = run.slice(word.length);
    const dayMarker = afterMonth && word.length > 1 && word.endsWith('일');
    const n = readSinoKorean(dayMarker ? word.slice(0, -1) : word);
    return n ? { text: n.digits + (dayMarker ? '일' : '') + tail, read: true } : { text: run, read: false };
  });
  return ways.filter((w, i) => i === 0 || w.text !== ways[0].text);
}
