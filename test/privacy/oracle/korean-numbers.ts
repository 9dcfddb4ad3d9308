/**
 * Sino-Korean numbers spelled out in Hangul, as people read a date or a phone number aloud: digit by digit
 * (`일구칠사` 1974, `공일공` 010) or with place words (`천구백칠십사` 1974, `칠십사` 74, `천이백삼십사` 1234).
 */

const DIGITS: Readonly<Record<string, number>> = {
  공: 0, 영: 0, 빵: 0, 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 륙: 6, 칠: 7, 팔: 8, 구: 9,
};
const PLACES: Readonly<Record<string, number>> = { 십: 10, 백: 100, 천: 1000 };
/** The digits of a number spelled digit by digit (`공일공`): what `digitView` folds. */
export const SPELLED_DIGITS = Object.keys(DIGITS).join('');
/** The place words (`십 백 천`): a digit next to one belongs to a place-value number (`이십이`), never a digit run. */
export const PLACE_WORDS = Object.keys(PLACES).join('');
/** The characters of a spelled-out number: digits and place words. */
export const SPELLED_NUMERALS = SPELLED_DIGITS + PLACE_WORDS;

/**
 * The ASCII digit of one spelled-out digit (`칠` → `7`), or undefined.
 * @example digitOf('공') // '0'
 */
export function digitOf(ch: string): string | undefined {
  return ch in DIGITS ? String(DIGITS[ch]) : undefined;
}

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
/** Particles and endings: a numeral glued after one starts a new word (`번호는공일공`), it does not end this one. */
const PARTICLES = '은는가을를도요고서와과랑의에로만면며께';

/**
 * Whether a Hangul numeral right after `prev` (no space between) is the last syllable of the word `prev` belongs to
 * (the 일 of `생년월일` and `생일`, the 사 of `회사`), so that it must not start a number: `prev` is a Hangul syllable
 * that is no particle or ending and no numeral.
 * @example endsWordBefore('월') // true: in 생년월일일구구삼 the first 일 is 생년월일's
 */
export function endsWordBefore(prev: string): boolean {
  return HANGUL.test(prev) && !PARTICLES.includes(prev) && !SPELLED_NUMERALS.includes(prev);
}

/**
 * Where the number of a numeral run glued to `prev` starts: right away after a particle (`번호는공일공`: 0), one
 * syllable later after another word (`생년월일일구구삼`: 1, the word's own 일); undefined when `prev` is no Hangul word.
 */
export function gluedNumberStart(prev: string): 0 | 1 | undefined {
  if (!HANGUL.test(prev) || SPELLED_NUMERALS.includes(prev)) return undefined;
  return PARTICLES.includes(prev) ? 0 : 1;
}

/** Particles and endings, for a pattern: a spelled date part may be glued after one (`생년월일은천구백…년`). */
export const PARTICLE_CHARS = PARTICLES;

const NUMERAL_OR_DIGIT = new RegExp(`[0-9${SPELLED_NUMERALS}]`);
const PLACE = new RegExp(`[${PLACE_WORDS}]`);
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
    if (!standsAfter(before) || (HANGUL.test(next) && !FOLLOWERS.includes(next))) continue;
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

/** Whether a number may start right after `before`: not inside a word, or right after another number's 년 월 에. */
function standsAfter(before: string): boolean {
  const prev = before[before.length - 1] ?? '';
  return !HANGUL.test(prev) || (JOINERS.includes(prev) && NUMERAL_OR_DIGIT.test(before.slice(-2, -1)));
}

/** What may follow a bare number in speech: the copula and 입니다 (`…이십이요`, `…삼이에요`, `…오입니다`). */
const BARE_ENDING = /^(?:이?요|이?에요|예요|이?야|입니다|이고|이라)/;

/**
 * A spelled-out number found in text: `[index, end)` covers the whole run, a copula `이` glued to it included, and
 * `readings` are its ways of reading (`이십이요`: 22, or 20 and the copula; `삼이요`: 32, or 3 and the copula).
 */
export interface SpelledSpan {
  index: number;
  end: number;
  readings: SpelledNumber[];
  /** The run's last 일 is a day marker, not part of the number (`markers` only). */
  day?: boolean;
}

/** What may follow a number as a date or list marker when `markers` is asked for (`칠십사년`, `삼월`, `공일공에`). */
const MARKERS = '년월에';

export interface ScanOptions {
  /**
   * The classifier's view: also numbers followed by 년, 월 or 에 (`천구백칠십사년생`, `공일공에 천이백…`), and after a
   * month a last 일 is the day marker (`삼월 십일` is the 10th: `day`).
   */
  markers?: boolean;
}

/**
 * Every spelled-out number standing as a word of its own: after a non-Hangul character or another number's 년 월 에,
 * and before a non-Hangul character, the end of the text or a copula ending (`이십이요`, `공삼이에요`), or with
 * `markers` a 년 월 에. Words that hold numerals stay words (`사이다`, `이번`, `매일`, `십일조`). A run glued to the
 * word before it starts after that word's last syllable (`생년월일일구구삼` holds `일구구삼`, not `일일구구삼`), one glued
 * to a particle right after it (`번호는공일공`); either counts when it has three numerals or more, or two with a place
 * word (`생년월일이천`).
 * @example scanSpelledNumbers('일구칠사 공삼 이십이').map((n) => n.readings[0].digits) // ['1974', '03', '22']
 */
export function scanSpelledNumbers(text: string, { markers = false }: ScanOptions = {}): SpelledSpan[] {
  const out: SpelledSpan[] = [];
  for (const m of text.matchAll(NUMERAL_RUN)) {
    const end = m.index + m[0].length;
    const rest = text.slice(end, end + 4);
    let [index, run] = [m.index, m[0]];
    if (!standsAfter(text.slice(Math.max(0, index - 2), index))) {
      const start = gluedNumberStart(text[index - 1] ?? '');
      if (start === undefined || run.length - start < (PLACE.test(run.slice(start)) ? 2 : 3)) continue;
      [index, run] = [index + start, run.slice(start)];
    }
    if (markers && /[0-9]/.test(text[index - 1] ?? '') && run.startsWith('일')) continue; // `5일`: the day marker
    const day = markers && run.length > 1 && run.endsWith('일') && /[월月]\s{0,3}$/.test(text.slice(Math.max(0, index - 4), index));
    if (HANGUL.test(rest[0] ?? '') && !BARE_ENDING.test(rest) && !(markers && (MARKERS.includes(rest[0]) || (day && rest[0] === '생')))) continue;
    const copula = !day && run.length > 1 && run.endsWith('이') && BARE_ENDING.test(`이${rest}`);
    const words = day ? [run.slice(0, -1)] : copula ? [run, run.slice(0, -1)] : [run];
    const readings = words.map(readSinoKorean).filter((n): n is SpelledNumber => n !== undefined);
    if (readings.length) out.push({ index, end, readings, ...(day ? { day } : {}) });
  }
  return out;
}
