/** Dates in free text: the birth-date slot's strict shapes, and the masker's wider net (any order, any script). */
import { digitStats, digitView } from './fold';
import { PARTICLE_CHARS, readSinoKorean, scanSpelledNumbers, SPELLED_NUMERALS, type SpelledSpan } from './korean-numbers';

/** A date-shaped span of text, before any calendar or age check. `year` keeps its 2 or 4 digits. */
export interface DateMatch {
  index: number;
  end: number;
  year: string;
  month: number;
  day: number;
}

/** A span of text, as UTF-16 indices `[index, end)`. */
export interface TextSpan {
  index: number;
  end: number;
}

/** Separators between the parts of a numeric date: `. / -` and `· ㆍ _ ~ , ㅡ`. */
const DOT = '[./\\-·ㆍ_~,ㅡ]';
const LEAD = String.raw`(?<!\d|\d${DOT})`;
const TRAIL = String.raw`(?!\d|${DOT}\d)`;
const SEP = String.raw`(?:\s{0,3}${DOT}\s{0,3}|\s{1,3})`;
const PUNCT = String.raw`\s{0,3}${DOT}\s{0,3}`;
const S = String.raw`\s{0,3}`;
/** Year/month/day markers of Korean, Chinese and Japanese (년 월 일, 年 月 日). */
const Y = '[년年]';
const M = '[월月]';
const D = '[일日]';
/** In priority order: `1985년 3월 7일`, `1985-03-07`/`1985 3 7`, `85.3.7`, `19850307`/`850307`. */
const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`${LEAD}(\d{4}|\d{2})${S}${Y}${S}(\d{1,2})${S}${M}${S}(\d{1,2})(?!\d)(?:${S}${D})?`, 'g'),
  new RegExp(String.raw`${LEAD}(\d{4})${SEP}(\d{1,2})${SEP}(\d{1,2})${TRAIL}`, 'g'),
  new RegExp(String.raw`${LEAD}(\d{2})${PUNCT}(\d{1,2})${PUNCT}(\d{1,2})${TRAIL}`, 'g'),
  /(?<!\d)(\d{4}|\d{2})(\d{2})(\d{2})(?!\d)/g,
];

/**
 * Every year-first date-shaped span in `text` (digits of any script folded), in priority order: `년월일` first, then
 * separated forms, then bare digit runs. No calendar or age check is made here (the birth-date slot reads these).
 * @example scanDates('생일은 85년 3월 7일')[0] // { index: 4, end: 14, year: '85', month: 3, day: 7 }
 */
export function scanDates(text: string): DateMatch[] {
  return datesIn(digitView(text));
}

/** `scanDates` on a digit view already made. */
function datesIn(folded: string, stats = digitStats(folded)): DateMatch[] {
  // the first three patterns hold three digit groups with something between; the last, a run of 6 or 8 digits
  const patterns = stats.groups >= 3 ? PATTERNS : stats.longest >= 6 ? PATTERNS.slice(-1) : [];
  return patterns.flatMap((pattern) =>
    Array.from(folded.matchAll(pattern), (m) => ({
      index: m.index,
      end: m.index + m[0].length,
      year: m[1],
      month: Number(m[2]),
      day: Number(m[3]),
    })),
  );
}

/**
 * Whether year/month/day is a day on the Gregorian calendar (leap years included).
 * @example isRealDate(2000, 2, 29) // true
 */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

/** Three numbers joined by date separators, in any order (`13/11/1974`, `11·22·1974`, `1974 11 22`). */
const TRIPLE = new RegExp(String.raw`${LEAD}(\d{1,4})${SEP}(\d{1,2})${SEP}(\d{1,4})${TRAIL}`, 'g');
/** One part of a written-out date: a year (`1974년`, `74년생`), a month (`11월`) or a day (`15일`). */
const UNIT = new RegExp(String.raw`(?<!\d)(?:(\d{2,4})${S}${Y}(생|도)?|(\d{1,2})${S}${M}|(\d{1,2})${S}${D})`, 'g');
/** What may sit between the parts of one written-out date (`1974년생 11월`, `11월 16일, 1974년`). */
const UNIT_GAP = /^[\s,.~·()/-]{0,4}$/;
/**
 * One part of a date spelled out in Hangul (`천구백칠십사년`, `칠십사년생`, `일구칠사년`, `삼월`, `오일생`). Not right after
 * another Hangul syllable (`회사일`, `매일` are words) except another part's 년 월 일 생 (`칠십사년삼월오일`) or the words
 * 생년월일 and 생일 (`생년월일천구백…`: their 일 is no digit) or a particle (`생년월일은천구백…`). The number is read by `readSinoKorean`; when `일` could be a
 * digit or the day marker, the marker wins (`오일` is the 5th, `이십일일` the 21st), and it must follow its number
 * without a space (in `생년월일 일구삼공년` the 일 after the space is a digit).
 */
const SPELLED_UNIT = new RegExp(
  String.raw`(?:(?<![가-힣])|(?<=[${SPELLED_NUMERALS}0-9]${S}(?:${Y}생?|${M}|${D}생?)|생년월일|생일|[${PARTICLE_CHARS}]))([${SPELLED_NUMERALS}]{1,12})(?:${S}${Y}(생)?|${S}(${M})|(${D})생?)`,
  'g',
);
/** A full year spelled out this early is a birth year even alone (nobody spells out the year of a training). */
const SPELLED_BIRTH_YEARS = { from: 1900, to: 2012 };

/**
 * Where a date that could be someone's birthday sits in `text`, for masking: every year-first shape of `scanDates`
 * that could be a birth date, numeric triples in any order (day-month-year, month-day-year), written-out dates
 * whose parts come in any order (`11월 16일 1974년`), and a birth year alone (`1974년생`, `74년생`).
 * @example scanDateSpans('생일은 13/11/1974') // [{ index: 4, end: 14 }]
 */
export function scanDateSpans(text: string): TextSpan[] {
  const view = digitView(text);
  const stats = digitStats(view);
  const spans: TextSpan[] = datesIn(view, stats).filter(couldBeBirthdate).map(({ index, end }) => ({ index, end }));
  // `… 삼이요` is 3 and the copula, or 32: the copula view differs only where a folded run ends in 이 before 요/에요, and
  // only by a run's last digit turned back to 이 (no more digit groups than `view`: a triple needs three)
  const triples = stats.groups >= 3;
  const copulaView = triples && COPULA_AFTER_I.test(text) ? digitView(text, true) : view;
  for (const v of !triples ? [] : copulaView === view ? [view] : [view, copulaView]) {
    for (const m of v.matchAll(TRIPLE)) {
      if (anyOrderIsDate(Number(m[1]), Number(m[2]), Number(m[3]), m[1].length, m[3].length)) {
        spans.push({ index: m.index, end: m.index + m[0].length });
      }
    }
  }
  const spelled = SPELLED_NUMBER_HINT.test(view) ? scanSpelledNumbers(view) : [];
  const units = [...(stats.digits && DATE_MARKER.test(view) ? numericUnits(view) : []), ...spelledUnits(view)].sort((x, y) => x.index - y.index);
  return spans.concat(spelledTriples(view, spelled), writtenDates(view, withBareDays(view, units, spelled)));
}

const SPELLED_NUMBER_HINT = new RegExp(`[${SPELLED_NUMERALS}]`);
/** A year, month or day marker: every `UNIT` holds one. */
const DATE_MARKER = /[년年월月일日]/;
/** Where `digitView(text, true)` may differ from `digitView(text)`: a 이 right before 요 or 에요. */
const COPULA_AFTER_I = /이(?:요|에요)/;
const TRIPLE_GAP = new RegExp(String.raw`^${SEP}$`);
const TYPED_NUMBER = /(?<!\d)\d{1,4}(?!\d)/g;

/**
 * Dates without markers with a number spelled out, as voice typing writes them (`일구칠사 공삼 이십이`, `1974 삼 이십이`):
 * three numbers joined like `TRIPLE`'s, read in any order like it, at least one of them spelled.
 */
function spelledTriples(view: string, spelled: readonly SpelledSpan[]): TextSpan[] {
  if (!spelled.length) return [];
  const typed = Array.from(view.matchAll(TYPED_NUMBER), (m) => ({
    index: m.index,
    end: m.index + m[0].length,
    readings: [{ value: Number(m[0]), digits: m[0] }],
  }));
  const numbers = [...spelled, ...typed].sort((x, y) => x.index - y.index);
  const spans: TextSpan[] = [];
  for (let i = 0; i + 2 < numbers.length; i++) {
    const [a, b, c] = numbers.slice(i, i + 3);
    if (!spelled.some((s) => s === a || s === b || s === c)) continue;
    if (!TRIPLE_GAP.test(view.slice(a.end, b.index)) || !TRIPLE_GAP.test(view.slice(b.end, c.index))) continue;
    const isDate = a.readings.some((x) =>
      b.readings.some((y) => c.readings.some((z) => anyOrderIsDate(x.value, y.value, z.value, x.digits.length, z.digits.length))),
    );
    if (isDate) spans.push({ index: a.index, end: c.end });
  }
  return spans;
}

/**
 * `units` plus the day spelled without 일 right after a month (`천구백칠십사년 삼월 이십이요`, `… 삼월 오`): the number
 * that stands alone after a month, before an ending or the end, is its day.
 */
function withBareDays(view: string, units: DateUnit[], spelled: readonly SpelledSpan[]): DateUnit[] {
  const days = spelled.flatMap((n): DateUnit[] => {
    if (!n.readings.some((r) => r.value >= 1 && r.value <= 31) || units.some((u) => u.index < n.end && n.index < u.end)) return [];
    const month = units.filter((u) => u.end <= n.index).pop();
    return month?.kind === 'month' && UNIT_GAP.test(view.slice(month.end, n.index)) ? [{ index: n.index, end: n.end, kind: 'day' }] : [];
  });
  return days.length ? [...units, ...days].sort((x, y) => x.index - y.index) : units;
}

function couldBeBirthdate(m: DateMatch): boolean {
  const year = Number(m.year);
  const yearOk = m.year.length === 2 || (year >= 1900 && year <= 2099);
  return yearOk && m.month >= 1 && m.month <= 12 && m.day >= 1 && m.day <= 31;
}

/** Year first, or year last with day-month or month-day before it. */
function anyOrderIsDate(a: number, b: number, c: number, aLen: number, cLen: number): boolean {
  const isYear = (n: number, len: number) => len === 2 || (len === 4 && n >= 1900 && n <= 2099);
  const md = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;
  if (isYear(a, aLen) && md(b, c)) return true;
  return isYear(c, cLen) && (md(b, a) || md(a, b));
}

/** One written part of a date; `born` is a date by itself (`74년생`, `일구칠사년`). */
interface DateUnit extends TextSpan {
  kind: 'born' | 'year' | 'month' | 'day';
}

function numericUnits(view: string): DateUnit[] {
  return Array.from(view.matchAll(UNIT), (m) => ({
    index: m.index,
    end: m.index + m[0].length,
    kind: m[1] !== undefined ? (m[2] === '생' ? 'born' : 'year') : m[3] !== undefined ? 'month' : 'day',
  }));
}

/**
 * Date parts spelled out in Hangul whose number fits: a year of 2 digits (`칠십사`, `팔오`) or 1900–2099, a month
 * 1–12, a day 1–31. A 4-digit year up to 2012 counts as a birth year alone.
 * @example spelledUnits('천구백칠십사년 삼월 오일생').map((u) => u.kind) // ['born', 'month', 'day']
 */
function spelledUnits(view: string): DateUnit[] {
  if (!SPELLED_HINT.test(view)) return [];
  const units: DateUnit[] = [];
  for (const m of view.matchAll(SPELLED_UNIT)) {
    const n = readSinoKorean(m[1]);
    if (!n) continue;
    const span = { index: m.index, end: m.index + m[0].length };
    if (m[3] !== undefined) {
      if (n.value >= 1 && n.value <= 12) units.push({ ...span, kind: 'month' });
    } else if (m[4] !== undefined) {
      if (n.value >= 1 && n.value <= 31) units.push({ ...span, kind: 'day' });
    } else {
      const full = n.value >= 1900 && n.value <= 2099;
      if (!full && n.digits.length !== 2) continue; // `이년`, `삼년`: years of time, not a year
      const birthYear = full && n.value >= SPELLED_BIRTH_YEARS.from && n.value <= SPELLED_BIRTH_YEARS.to;
      units.push({ ...span, kind: m[2] === '생' || birthYear ? 'born' : 'year' });
    }
  }
  return units;
}

/**
 * Whether `text` may hold a spelled-out date part (a Hangul numeral right before 년, 월 or 일) or three spelled-out
 * numbers joined like a date (`칠사 삼 이십`): the masker's fast path lets other text through without scanning.
 */
export const SPELLED_HINT = new RegExp(
  `[${SPELLED_NUMERALS}]\\s{0,3}[년年월月일日]|[${SPELLED_NUMERALS}]${SEP}[${SPELLED_NUMERALS}]+${SEP}[${SPELLED_NUMERALS}]`,
);

/** Runs of written date parts; a run is a date when it has a year and a month or day, or is a birth year (`년생`). */
function writtenDates(view: string, units: DateUnit[]): TextSpan[] {
  const spans: TextSpan[] = [];
  let group: DateUnit[] = [];
  const close = () => {
    const kinds = new Set(group.map((u) => u.kind));
    const hasYear = kinds.has('year') || kinds.has('born');
    if (kinds.has('born') || (hasYear && (kinds.has('month') || kinds.has('day')))) {
      spans.push({ index: group[0].index, end: group[group.length - 1].end });
    }
    group = [];
  };
  for (const u of units) {
    const last = group[group.length - 1];
    if (last && !UNIT_GAP.test(view.slice(last.end, u.index))) close();
    group.push(u);
  }
  if (group.length) close();
  return spans;
}
