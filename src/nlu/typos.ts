/** Typo tolerance for key terms: a run of syllables within one jamo edit of a key term is rewritten to it. */
import { editDistance, isSyllable, toJamo } from './hangul';

/** Two-syllable keys are only fuzzy-matched with a `known` guard: without one, `수리` would become `수료`. */
const SHORT_KEY = 2;

export interface TypoFixerOptions {
  /**
   * Syllable runs that are real words here (e.g. every 2- and 3-gram of the training texts, see `knownGrams`).
   * A known run is never "repaired", and two-syllable keys are only fuzzy-matched when this set is given.
   */
  known?: ReadonlySet<string>;
}

interface Key {
  term: string;
  jamo: string;
  length: number;
  maxEdits: number;
}

/**
 * Build a fixer from key terms (the canonical terms and Hangul variants of `intents/_synonyms.yml`). Inside each
 * word, a run of syllables as long as a key that differs from it by one jamo (two for keys of 5+ syllables) and is
 * not a known word is replaced by the key: `비빌번호` → `비밀번호`, `가읍` → `가입`. Longer keys win; at equal length
 * an exact key wins. Candidates are found by masking one (or two) syllables, then checked on jamo.
 * @example createTypoFixer(['비밀번호'])('비밀벋호 잊어버림') // '비밀번호 잊어버림'
 */
export function createTypoFixer(terms: string[], { known }: TypoFixerOptions = {}): (text: string) => string {
  const minLength = known ? SHORT_KEY : SHORT_KEY + 1;
  const keys: Key[] = [...new Set(terms)]
    .filter((t) => [...t].length >= minLength && [...t].every(isSyllable))
    .map((term) => ({ term, jamo: toJamo(term), length: [...term].length, maxEdits: [...term].length >= 5 ? 2 : 1 }));
  if (!keys.length) return (text) => text;
  const index = buildIndex(keys);
  const lengths = [...new Set(keys.map((k) => k.length))].sort((a, b) => b - a);
  const guard = known ?? new Set<string>();
  // a word's fix depends on the word alone: words repeat across texts far more than texts do (the inbox's writer
  // normalizes every new missed text; bench/results.md, "Seventh pass")
  const memo = new Map<string, string>();
  const fixed = (word: string): string => {
    let out = memo.get(word);
    if (out === undefined) {
      out = fixWord([...word], index, lengths, guard);
      if (memo.size >= WORD_MEMO) memo.clear(); // bounded
      memo.set(word, out);
    }
    return out;
  };
  return (text) => text.split(' ').map(fixed).join(' ');
}

/** Words whose fix a fixer remembers at most (in memory only, like the classifier's cache of texts). */
const WORD_MEMO = 20_000;

interface KeyIndex {
  exact: Map<string, Key>;
  /** Key with one or two syllables masked → keys, e.g. `비\u0000번호` → [비밀번호]. */
  masked: Map<string, Key[]>;
}

const MASK = '\u0000';

function masksOf(chars: string[], edits: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    out.push([...chars.slice(0, i), MASK, ...chars.slice(i + 1)].join(''));
    if (edits < 2) continue;
    for (let j = i + 1; j < chars.length; j += 1) out.push([...chars.slice(0, i), MASK, ...chars.slice(i + 1, j), MASK, ...chars.slice(j + 1)].join(''));
  }
  return out;
}

function buildIndex(keys: Key[]): KeyIndex {
  const exact = new Map(keys.map((k) => [k.term, k]));
  const masked = new Map<string, Key[]>();
  for (const key of keys) {
    for (const m of masksOf([...key.term], key.maxEdits)) masked.set(m, [...(masked.get(m) ?? []), key]);
  }
  return { exact, masked };
}

function fixWord(chars: string[], index: KeyIndex, lengths: number[], known: ReadonlySet<string>): string {
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const hit = matchAt(chars, i, index, lengths, known);
    out += hit ? hit.term : chars[i];
    i += hit ? hit.length : 1;
  }
  return out;
}

/** The longest key matching at this position: exactly, or within its jamo edit budget when the run is not a known word. */
function matchAt(chars: string[], at: number, index: KeyIndex, lengths: number[], known: ReadonlySet<string>): Key | undefined {
  for (const length of lengths) {
    if (at + length > chars.length) continue;
    const run = chars.slice(at, at + length);
    const text = run.join('');
    const exact = index.exact.get(text);
    if (exact) return exact;
    if (!run.every(isSyllable) || (length <= 3 && known.has(text))) continue;
    const jamo = toJamo(text);
    for (const mask of masksOf(run, length >= 5 ? 2 : 1)) {
      const found = index.masked.get(mask)?.find((k) => k.length === length && editDistance(jamo, k.jamo, k.maxEdits) <= k.maxEdits);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Every syllable 2- and 3-gram inside the words of the texts: the runs a typo fixer must leave alone.
 * @example knownGrams(['차 수리']).has('수리') // true
 */
export function knownGrams(texts: Iterable<string>): Set<string> {
  const grams = new Set<string>();
  for (const text of texts) {
    for (const word of text.split(/\s+/)) {
      const chars = [...word];
      for (let i = 0; i + 2 <= chars.length; i += 1) {
        grams.add(chars.slice(i, i + 2).join(''));
        if (i + 3 <= chars.length) grams.add(chars.slice(i, i + 3).join(''));
      }
    }
  }
  return grams;
}
