/**
 * What follows a Korean noun: case particles, clitics (좀) and the copula's short forms (이요, 인데, 예요). One list
 * and one function for every step that reads a word as noun + particle (the topic check, the head-noun check, the
 * explanation check, request types).
 */

/** Particles, clitics and copula forms, longest first (a longer one is tried before its tail: 에서는 before 는). */
export const PARTICLES: readonly string[] = [
  '에서는', '에서도', '이에요',
  '이랑', '에서', '에선', '에는', '으로', '으론', '까지', '부터', '이나', '하고', '이란', '한테', '에게', '께서', '이요', '인데', '예요',
  '이', '가', '은', '는', '을', '를', '도', '만', '의', '에', '엔', '로', '과', '와', '랑', '께', '좀', '요',
];

export interface SplitWord {
  /** The word without its particle (the whole word when none was found). */
  stem: string;
  /** The particle stripped ('' when none). */
  particle: string;
}

/**
 * A word split into stem and trailing particle (one pass, the longest particle that leaves at least `minStem`
 * syllables).
 * @example splitParticle('수료증을') // { stem: '수료증', particle: '을' }
 * @example splitParticle('콜이', 2) // { stem: '콜이', particle: '' }
 */
export function splitParticle(word: string, minStem = 1): SplitWord {
  for (const p of PARTICLES) if (word.length - p.length >= minStem && word.endsWith(p)) return { stem: word.slice(0, -p.length), particle: p };
  return { stem: word, particle: '' };
}
