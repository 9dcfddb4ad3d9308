/**
 * Robustness sets: the dev set re-typed without spaces, with one-jamo typos, after a self-introduction with a name, or
 * before thanks (seeded, reproducible).
 */
import { isSyllable } from '../hangul';
import type { LabeledUtterance } from './dataset';

export type Perturbation = 'nospace' | 'typo' | 'intro' | 'outro';
export const PERTURBATIONS: readonly Perturbation[] = ['nospace', 'typo', 'intro', 'outro'];

const SYLLABLE_FIRST = 0xac00;
/** Vowels people confuse on a phone keyboard or by ear (index pairs into the jungseong table). */
const VOWEL_SWAPS: Record<number, number[]> = { 1: [5], 5: [1], 4: [6], 6: [4], 8: [12], 12: [8], 13: [17], 17: [13], 18: [20], 20: [18], 11: [10], 10: [11] };
/** Initial consonants next to each other on the 2-set keyboard, or tense/plain pairs. */
const INITIAL_SWAPS: Record<number, number[]> = { 0: [1, 3], 1: [0], 3: [4, 0], 4: [3], 7: [8, 12], 8: [7], 9: [10, 12], 10: [9], 12: [13, 9], 13: [12], 2: [5], 5: [2] };

/** Deterministic PRNG (mulberry32) so a perturbed set is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Change one jamo of one syllable (vowel or initial consonant) to a commonly confused one. */
function typo(text: string, rnd: () => number): string {
  const chars = [...text];
  const positions = chars.flatMap((c, i) => (isSyllable(c) ? [i] : []));
  for (let tries = 0; tries < 10 && positions.length; tries += 1) {
    const at = positions[Math.floor(rnd() * positions.length)];
    const index = (chars[at].codePointAt(0) as number) - SYLLABLE_FIRST;
    let [initial, vowel] = [Math.floor(index / 588), Math.floor((index % 588) / 28)];
    const final = index % 28;
    const swaps = rnd() < 0.5 ? VOWEL_SWAPS[vowel] : INITIAL_SWAPS[initial];
    if (!swaps) continue;
    const pick = swaps[Math.floor(rnd() * swaps.length)];
    if (swaps === VOWEL_SWAPS[vowel]) vowel = pick;
    else initial = pick;
    chars[at] = String.fromCodePoint(SYLLABLE_FIRST + initial * 588 + vowel * 28 + final);
    return chars.join('');
  }
  return text;
}

/** Surnames and given-name syllables a generated name is drawn from (any syllable of a name may also be a word's). */
const SURNAMES = Array.from('김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진변탁');
const GIVEN = Array.from('민준서연지훈현우영수희숙자철호성은정하윤도율진혜경미순재동석태상광기남용봉춘옥덕길만복말규원빈건예채환');
/** How partners introduce themselves before the question (`{n}`: the name). */
const INTROS = ['{n}입니다', '{n} 입니다', '안녕하세요 {n}입니다', '저 {n}인데요', '{n}인데', '{n} 기사입니다', '안녕하세요 {n} 기사인데요', '제 이름은 {n}이고'];

/** One of `xs`, drawn with `rnd`. */
function pick<T>(xs: readonly T[], rnd: () => number): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** A self-introduction with a generated three-syllable name, before the question. */
function intro(text: string, rnd: () => number): string {
  const name = pick(SURNAMES, rnd) + pick(GIVEN, rnd) + pick(GIVEN, rnd);
  return `${pick(INTROS, rnd).replace('{n}', name)} ${text}`;
}

/** How partners close a question: thanks, a farewell, a plea (eight forms). */
const OUTROS = [' 감사합니다', ' 부탁드립니다', ' 수고하세요', ' 알려주세요 감사합니다', 'ㅠㅠ 도와주세요', ' 빨리 답변 부탁드려요', ' 고맙습니다^^', ' 좀 알려주세요'];

/**
 * A perturbed copy of a labelled set (same labels): `nospace` removes every space, `typo` changes one
 * jamo in one syllable, `intro` puts a self-introduction with a made-up name before it (`변하율 기사입니다 …`): a name
 * is no evidence of an intent; `outro` puts thanks or a plea after it (`… 감사합니다`, `… 빨리 답변 부탁드려요`). Out-of-scope
 * rows are perturbed too.
 * @example perturb(rows, 'nospace')[0].text // '비번까먹었어요'
 */
export function perturb(rows: LabeledUtterance[], kind: Perturbation, seed = 42): LabeledUtterance[] {
  const rnd = random(seed);
  const change = { nospace: (text: string) => text.replace(/\s+/g, ''), typo: (text: string) => typo(text, rnd), intro: (text: string) => intro(text, rnd), outro: (text: string) => text + pick(OUTROS, rnd) }[kind];
  return rows.map((row) => ({ ...row, text: change(row.text) }));
}
