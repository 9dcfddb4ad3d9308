/** Text similarity for grouping utterances: Jaccard overlap of character bigrams, spaces ignored. */

/**
 * The set of adjacent character pairs of `text` without spaces (a one-character text is its own "bigram").
 * @example bigrams('비번 분실') // Set {'비번', '번분', '분실'}
 */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(text.replace(/\s+/g, ''));
  if (chars.length < 2) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/**
 * |A ∩ B| / |A ∪ B|; 1 for two empty sets.
 * @example jaccard(bigrams('날씨 어때'), bigrams('날씨 어때요')) // 0.75
 */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
