/** Spacing-independent features of normalized text: words plus Hangul syllable n-grams of the space-stripped text. */
import { isSyllable } from './hangul';

export interface FeatureOptions {
  /** Whole words (split at spaces and at Hangul/other script changes). */
  words: boolean;
  /** Syllable n-gram sizes taken over each space-stripped Hangul run, e.g. [1, 2]. */
  ngrams: number[];
  /** Also words without their particle and ending (`m:`), e.g. `비밀번호를` → `m:비밀번호` (measured: no gain, off). */
  stems?: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { words: true, ngrams: [1, 2] };

/**
 * Words (`w:`), Hangul syllable n-grams over the text with spaces removed (`g:`), Latin and digit words.
 * A Hangul run shorter than the smallest n still yields itself, so `홈` and `끝` have a feature.
 * @example textFeatures('비번 까먹음') // ['w:비번', 'w:까먹음', 'g:비번', 'g:번까', 'g:까먹', 'g:먹음']
 */
export function textFeatures(text: string, opts: FeatureOptions = DEFAULT_FEATURES): string[] {
  const out = new Set<string>();
  const words = splitWords(text);
  const smallest = Math.min(...opts.ngrams);
  if (opts.words) for (const w of words) out.add(`w:${w}`);
  if (opts.stems) for (const w of words) out.add(`m:${stemWord(w)}`);
  for (const run of hangulRuns(words)) {
    for (const n of opts.ngrams) for (const g of ngrams(run, n)) out.add(`g:${g}`);
    if (run.length < smallest) out.add(`g:${run}`);
  }
  return [...out];
}

/** Particles and verb endings stripped by `stemWord`, longest first. */
const ENDINGS = ['했어요', '해요', '하나요', '나요', '어요', '아요', '에요', '예요', '이에요', '는데', '인데', '은데', '거든요', '습니다', '니다', '세요', '해야', '하고', '하는', '려면', '으려면', '려고', '에서', '으로', '이랑', '까지', '부터', '이나', '은', '는', '이', '가', '을', '를', '도', '만', '의', '에', '로', '요', '고', '게'].sort((a, b) => b.length - a.length);

/**
 * A Hangul word without its trailing particle or ending (one pass; at least one syllable stays).
 * @example stemWord('비밀번호를') // '비밀번호'
 */
export function stemWord(word: string): string {
  for (const e of ENDINGS) if (word.length > e.length && word.endsWith(e)) return word.slice(0, -e.length);
  return word;
}

/**
 * Split at whitespace, then wherever the script changes between Hangul syllables and anything else.
 * @example splitWords('KT로 login') // ['KT', '로', 'login']
 */
export function splitWords(text: string): string[] {
  return text.match(/[\uAC00-\uD7A3]+|[^\s\uAC00-\uD7A3]+/g) ?? [];
}

/** Consecutive Hangul words joined without spaces; any other word ends the run. */
function hangulRuns(words: string[]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const w of words) {
    if (isSyllable(w[0] ?? '')) {
      run += w;
    } else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** Hangul syllables are single UTF-16 units, so plain slicing is safe on a run. */
function ngrams(run: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= run.length; i += 1) out.push(run.slice(i, i + n));
  return out;
}
