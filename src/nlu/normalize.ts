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

/** A place word that makes a two-syllable run a number on its own (`이십`, `십오`); 백 and 천 do not (`천사`, `백일`). */
const TENS = /십/;
const PLACE = new RegExp(`[${PLACE_WORDS}]`);
/** What may sit between two numbers of one phone number or date: separators, and the first one's 년 월 일 에 (생). */
const NUMBER_GAP = /^(?:년생?|월|일생?|에)?[\s,.\-·~/]{0,3}(?:에[\s,.\-·~/]{0,3})?$/;
const TYPED_NUMBER = /\d+/g;

/**
 * Numbers spelled out in Hangul (a voice-typed phone number or birth date) written in ASCII digits, as typed digits
 * reach the classifier, so both forms classify alike. The reading is the privacy module's (`scanSpelledNumbers` with
 * its markers: a number may stand before 년, 월 or 에, and after a month a last 일 is the day marker). A run is read
 * when it is data on its own (three numerals or more, one with 십, a lone place word, or one with 백 or 천 before 년 or
 * 월: `공일공`, `천이백삼십사`, `이십`, `백`, `이천년`), or when it stands next to a number that is read or typed (`공삼` in `일구구삼 공삼 일일`, `삼월` after
 * `칠십사년`, `천사` before `공일공`); else it stays a word (`이번`, `사이다`, `일이`, `천사`, `백일`, `이천`, `이월`). `에`
 * between two numbers becomes a space (`공일공에 천이백…` → `010 1234 …`, as the slot reader has it). A last `이` that
 * may be the copula is kept as one, and a lone `이` next to a number is never read but before 년 월 에 (`…567 이에요`: the
 * copula; `이월`: February).
 * @example spelledToDigits('번호는 공일공 천이백삼십사 오천육백칠십팔') // '번호는 010 1234 5678'
 * @example spelledToDigits('천구백칠십사년 삼월 오일생') // '1974년 3월 5일생'
 */
export function spelledToDigits(text: string): string {
  const spans = scanSpelledNumbers(text, { markers: true }).map((span) => {
    const number = text.slice(span.index, span.day ? span.end - 1 : span.end);
    const place = PLACE.test(number);
    return { ...span, read: number.length >= 3 || TENS.test(number) || (place && (number.length === 1 || /^[년월]/.test(text.slice(span.end)))) };
  });
  if (!spans.length) return text;
  const typed = Array.from(text.matchAll(TYPED_NUMBER), (m) => ({ index: m.index, end: m.index + m[0].length, read: true }));
  const all = [...spans, ...typed].sort((a, b) => a.index - b.index);
  const isCopula = (s: { index: number; end: number }) => text.slice(s.index, s.end) === '이' && !/^(?:[년월]|에(?!요))/.test(text.slice(s.end, s.end + 2));
  const next = (a: { end: number }, b: { index: number }) => b.index >= a.end && NUMBER_GAP.test(text.slice(a.end, b.index));
  for (let changed = true; changed; ) {
    changed = false;
    all.forEach((s, i) => {
      if (s.read || isCopula(s) || !((i > 0 && all[i - 1].read && next(all[i - 1], s)) || (i + 1 < all.length && all[i + 1].read && next(s, all[i + 1])))) return;
      s.read = changed = true;
    });
  }
  let out = '';
  let from = 0;
  let last: { end: number } | undefined;
  for (const s of spans) {
    if (!s.read) continue;
    const gap = text.slice(from, s.index);
    // 에 between two numbers read here is a pause, not a word
    out += last && last.end === from && /^\s*에\s*$/.test(gap) ? ' ' : gap;
    // two readings: the last `이` is also the copula (`…오육칠팔이에요`); keep it as the word typed digits have after them
    out += s.readings.length > 1 ? `${s.readings[1].digits}이` : s.readings[0].digits + (s.day ? '일' : '');
    from = s.end;
    last = s;
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
