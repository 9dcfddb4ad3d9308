/** Hangul helpers: syllable tests and jamo decomposition (for typo distances), no Korean vocabulary here. */

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const JUNGSEONG = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const JONGSEONG = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

/**
 * True for a precomposed Hangul syllable (가–힣).
 * @example isSyllable('가') // true
 */
export function isSyllable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
}

/**
 * Split precomposed syllables into compatibility jamo; other characters pass through.
 * A typo usually changes one jamo, so distances over this string measure typos fairly.
 * @example toJamo('비번') // 'ㅂㅣㅂㅓㄴ'
 */
export function toJamo(text: string): string {
  let out = '';
  for (const ch of text) {
    if (!isSyllable(ch)) {
      out += ch;
      continue;
    }
    const index = (ch.codePointAt(0) as number) - SYLLABLE_FIRST;
    out += CHOSEONG[Math.floor(index / 588)] + JUNGSEONG[Math.floor((index % 588) / 28)] + JONGSEONG[index % 28];
  }
  return out;
}

/**
 * Levenshtein distance with an early exit: returns `max + 1` as soon as the distance must exceed `max`.
 * @example editDistance('ㅂㅣㅂㅓㄴ', 'ㅂㅣㅂㅓㅁ', 2) // 1
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}
