/** Spacing-independent features of normalized text: words plus Hangul syllable n-grams of the space-stripped text. */
import { isSyllable } from './hangul';

export interface FeatureOptions {
  /** Whole words (split at spaces and at Hangul/other script changes). */
  words: boolean;
  /** Syllable n-gram sizes taken over each space-stripped Hangul run, e.g. [1, 2]. */
  ngrams: number[];
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
  for (const run of hangulRuns(words)) {
    for (const n of opts.ngrams) for (const g of ngrams(run, n)) out.add(`g:${g}`);
    if (run.length < smallest) out.add(`g:${run}`);
  }
  return [...out];
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
