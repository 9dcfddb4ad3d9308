/** Korean text normalization before NLP.js: NFC, cleanup, the synonym/typo map from intents/_synonyms.yml, fuzzy key terms. */
import { PLACE_WORDS, scanSpelledNumbers } from '../privacy/korean-numbers';
import { createTypoFixer } from './typos';

/** Longest input we classify; longer utterances are truncated (the full text is never needed for intent). */
export const MAX_CLASSIFY_CHARS = 300;

export type Normalizer = (text: string) => string;

export interface NormalizerOptions {
  /** Rewrite syllable runs within one jamo edit of a key term (the synonym map's terms and variants). Default on. */
  fuzzy?: boolean;
  /** Real words to leave alone (see `knownGrams`); with it, two-syllable terms are repaired too (`가읍` → `가입`). */
  known?: ReadonlySet<string>;
}

/**
 * Build a normalizer from the synonym map (canonical → variants). First, runs of syllables one jamo away
 * from a term or variant of the map are repaired (see typos.ts). Then Hangul variants are replaced anywhere,
 * longest first (they work without spaces too); variants made only of Latin letters, digits or jamo
 * (`pw`, `ㄳ`) are replaced only as whole words, so `pw` never fires inside `pwd`.
 * @example createNormalizer({ 비밀번호: ['비번'] })('비번까먹음') // '비밀번호까먹음'
 */
export function createNormalizer(synonyms: Record<string, string[]>, opts: NormalizerOptions = {}): Normalizer {
  const replace = synonymReplacer(synonyms);
  if (opts.fuzzy === false) return (text) => replace(spelledToDigits(clean(text)));
  const terms = Object.entries(synonyms).flatMap(([canon, variants]) => [canon, ...variants]).map(clean);
  const fix = createTypoFixer(terms, { known: opts.known });
  return (text) => replace(fix(spelledToDigits(clean(text))));
}

const PLACE = new RegExp(`[${PLACE_WORDS}]`);

/**
 * Numbers spelled out in Hangul (a voice-typed phone number) written in ASCII digits, as typed digits reach the
 * classifier, so both forms classify alike. Only runs that read as data are rewritten: three numerals or more, or
 * two with a place word (`공일공`, `천이백삼십사`, `이십`); words with numerals stay (`이번`, `사이다`, `이사`, `일이`).
 * The reading is the privacy module's (`scanSpelledNumbers`); a last `이` that may be the copula is kept as one.
 * @example spelledToDigits('번호는 공일공 천이백삼십사 오천육백칠십팔') // '번호는 010 1234 5678'
 */
export function spelledToDigits(text: string): string {
  let out = '';
  let from = 0;
  for (const { index, end, readings } of scanSpelledNumbers(text)) {
    const run = text.slice(index, end);
    if (run.length < 3 && !PLACE.test(run)) continue;
    // two readings: the last `이` is also the copula (`…오육칠팔이에요`); keep it as the word typed digits have after them
    out += text.slice(from, index) + (readings.length > 1 ? `${readings[1].digits}이` : readings[0].digits);
    from = end;
  }
  return out + text.slice(from);
}

function synonymReplacer(synonyms: Record<string, string[]>): Normalizer {
  const pairs = Object.entries(synonyms)
    .flatMap(([canon, variants]) => variants.map((v) => [clean(v), clean(canon)] as const))
    .filter(([v, canon]) => v.length > 0 && v !== canon)
    .sort((a, b) => b[0].length - a[0].length);
  if (!pairs.length) return (text) => text;
  const lookup = new Map(pairs);
  const alternatives = pairs.map(([v]) => (isWordLike(v) ? `(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])` : escape(v)));
  const pattern = new RegExp(alternatives.join('|'), 'gu');
  return (text) => text.replace(pattern, (m) => lookup.get(m) ?? m);
}

/** Variants with no Hangul syllable (Latin, digits, compatibility jamo) only match as whole words. */
function isWordLike(variant: string): boolean {
  return !/[\uAC00-\uD7A3]/.test(variant);
}

/**
 * Unicode NFC, lowercase, drop lone surrogates, control chars and emoji, unify punctuation and
 * collapse spaces. Hangul compatibility jamo (ㅂㅂ, ㅠㅠ) are kept.
 * @example clean('  비번\u200b 까먹음?! 😭 ') // '비번 까먹음'
 */
export function clean(text: string): string {
  return text
    .slice(0, MAX_CLASSIFY_CHARS * 2)
    .toWellFormed()
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Extended_Pictographic}\u{FE0F}\u{FFFD}]/gu, ' ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CLASSIFY_CHARS);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
