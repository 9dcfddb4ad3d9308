/** Korean text normalization before NLP.js: NFC, cleanup, and the synonym/typo map from intents/_synonyms.yml. */

/** Longest input we classify; longer utterances are truncated (the full text is never needed for intent). */
export const MAX_CLASSIFY_CHARS = 300;

export type Normalizer = (text: string) => string;

/**
 * Build a normalizer from the synonym map (canonical → variants). Variants are replaced
 * longest first, case-insensitively, anywhere in the text (they work without spaces too).
 * @example createNormalizer({ 비밀번호: ['비번'] })('비번까먹음') // '비밀번호까먹음'
 */
export function createNormalizer(synonyms: Record<string, string[]>): Normalizer {
  const pairs = Object.entries(synonyms)
    .flatMap(([canon, variants]) => variants.map((v) => [clean(v), canon] as const))
    .filter(([v, canon]) => v.length > 0 && v !== canon)
    .sort((a, b) => b[0].length - a[0].length);
  const lookup = new Map(pairs);
  const pattern = pairs.length ? new RegExp(pairs.map(([v]) => escape(v)).join('|'), 'g') : null;
  return (text) => {
    const base = clean(text);
    return pattern ? base.replace(pattern, (m) => lookup.get(m) ?? m) : base;
  };
}

/**
 * Unicode NFC, lowercase, drop lone surrogates, control chars and emoji, unify punctuation and
 * collapse spaces. Hangul compatibility jamo (ㅂㅂ, ㅠㅠ) are kept.
 */
export function clean(text: string): string {
  return text
    .slice(0, MAX_CLASSIFY_CHARS * 2)
    .toWellFormed()
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}\p{Extended_Pictographic}\u{FE0F}]/gu, ' ')
    .replace(/[?？!！.。,，~～…·"'“”‘’()[\]{}<>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CLASSIFY_CHARS);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
