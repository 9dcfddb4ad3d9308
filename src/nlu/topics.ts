/** Topic check: head nouns of the out-of-scope topics (수료증, 영상, 드라이버앱 …), learned from intents/oos.*.yml. */
import { splitWords } from './features';
import type { LabeledText } from './similarity';

const OOS = 'oos.';
/** Particles and copulas stripped from the end of a word before counting it as a head noun. */
const PARTICLES = ['이랑', '에서', '으로', '까지', '부터', '이나', '이요', '인데', '이에요', '예요', '이', '가', '은', '는', '을', '를', '도', '만', '의', '에', '로', '과', '와', '랑', '요'];

/**
 * A word without its trailing particle (one pass, longest first; never below two syllables).
 * @example stripParticle('수료증을') // '수료증'
 */
export function stripParticle(word: string): string {
  for (const p of PARTICLES) if (word.length - p.length >= 2 && word.endsWith(p)) return word.slice(0, -p.length);
  return word;
}

export interface TopicIndexOptions {
  /** A head noun must appear in at least this many utterances of its topic. */
  minCount?: number;
}

/**
 * Head nouns per out-of-scope topic: words (particles stripped, ≥ 2 syllables) seen in at least `minCount`
 * utterances of one `oos.*` intent and nowhere (not even inside a word) in the utterances of answerable intents.
 * `find` reports the topic of the first head noun inside a text (spaces ignored).
 * @example new TopicIndex(texts).find('수료증 잃어버렸는데 재발급 돼요') // 'oos.certificate'
 */
export class TopicIndex {
  /** Head noun → topic, longest first. */
  readonly heads: Array<[string, string]>;

  constructor(texts: LabeledText[], { minCount = 2 }: TopicIndexOptions = {}) {
    const answerable = texts.filter((t) => !t.intent.startsWith(OOS) && t.intent !== 'None').map((t) => t.text.replace(/\s+/g, '')).join('\n');
    const counts = new Map<string, Map<string, number>>();
    for (const { text, intent } of texts) {
      if (!intent.startsWith(OOS)) continue;
      for (const w of new Set(splitWords(text).map(stripParticle))) {
        if (!/^[\uAC00-\uD7A3]{2,}$/.test(w) || answerable.includes(w)) continue;
        const perTopic = counts.get(w) ?? new Map<string, number>();
        perTopic.set(intent, (perTopic.get(intent) ?? 0) + 1);
        counts.set(w, perTopic);
      }
    }
    const heads: Array<[string, string]> = [];
    for (const [w, perTopic] of counts) {
      const [topic, n] = [...perTopic].sort((a, b) => b[1] - a[1])[0];
      if (n >= minCount) heads.push([w, topic]);
    }
    this.heads = heads.sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  }

  /** The topic of the first head noun found in a normalized text, spaces ignored. */
  find(text: string): string | undefined {
    const joined = text.replace(/\s+/g, '');
    for (const [w, topic] of this.heads) if (joined.includes(w)) return topic;
    return undefined;
  }
}
