/**
 * A birth date announced by its cue word: after 생일, 생년월일, 생년, 출생(일) or 태어난 날/해, the number that follows is
 * one, however it is written. The date readers need a year, a month and a day in a known shape; partners also say
 * "생일 일구구삼공삼이십이요" (digits and a place-value number in one run), "제 생일은 일구구삼 삼월 이십이일" (a four-digit
 * spelled year, too short to be folded as digits) or "생년월일 구삼에요" (the year alone).
 */
import { SPELLED_NUMERALS } from './korean-numbers';
import type { TextSpan } from './dates';

/**
 * The cue, with the particle or colon that may follow it. A particle ends a word ("생일이 이월" reads 이월); glued to
 * the number it is the number's own first syllable ("생년월일이천일년" reads 이천일년).
 */
const CUE = /(?:생년월일|생일|생년|출생(?:일|년도|년)?|태어난\s?(?:날|해|년도|년))(?:(?:이요|은|는|이|가|도|요)(?=[\s:=]))?\s{0,3}[:=]?\s{0,3}/gu;
/**
 * A last 이 before 에요/예요/요 is the copula when a whole written date comes before it ("1985-03-07 이에요", "1985년 3월
 * 7일이에요"). Otherwise it may be the number's own (이십이에요 = 22; "공일 이에요" = 01, 2; "삼십년 일월 이요" = the 2nd;
 * 일 is also the numeral 1), so it goes with the number: when in doubt, mask.
 */
const COPULA_AFTER = /^(?:에요|예요|요|에여|여)/u;
/** What a written date is made of: digits, spelled numerals, the 년/월/일/생 markers and separators. */
const RUN = new RegExp(String.raw`^[0-9${SPELLED_NUMERALS}](?:[0-9${SPELLED_NUMERALS}년월일생]|[\s./\-·,](?=[\s./\-·,]{0,2}[0-9${SPELLED_NUMERALS}])){0,40}`, 'u');
const NUMERAL = new RegExp(`[0-9${SPELLED_NUMERALS}]`, 'gu');
/** `text` ends a whole date beyond doubt: a written day with its marker (7일) or a written year-month-day (1985-03-07). */
function endsWhole(text: string): boolean {
  return /(?:[0-9]일|\d{2,4}[-./]\d{1,2}[-./]\d{1,2})$/u.test(text);
}

/** Fewer numerals than this after a cue are a word ("생년월일이 일치하지", "생일 일곱 자리"), not a date. */
const MIN_NUMERALS = 2;

/** Cheap test for `birthCueSpans`: the text holds a cue word. */
export const BIRTH_CUE_HINT = /생년|생일|출생|태어난/;

/**
 * The number after each birth-date cue in `text`, when it holds at least two numerals.
 * @example birthCueSpans('제 생일은 일구구삼 삼월 이십이일') // [{ index: 6, end: 18 }]
 */
export function birthCueSpans(text: string): TextSpan[] {
  if (!BIRTH_CUE_HINT.test(text)) return [];
  const out: TextSpan[] = [];
  for (const cue of text.matchAll(CUE)) {
    const start = (cue.index as number) + cue[0].length;
    let run = RUN.exec(text.slice(start))?.[0];
    if (run?.endsWith('이') && COPULA_AFTER.test(text.slice(start + run.length)) && endsWhole(run.slice(0, -1).trimEnd())) run = run.slice(0, -1).trimEnd();
    if (run && (run.match(NUMERAL)?.length ?? 0) >= MIN_NUMERALS) out.push({ index: start, end: start + run.length });
  }
  return out;
}
