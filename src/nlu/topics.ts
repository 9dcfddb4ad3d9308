/** Topic check: head nouns of the out-of-scope topics (수료증, 영상, 드라이버앱 …), learned from intents/oos.*.yml. */
import { nounsOf } from './heads';
import { isTopic, NONE } from './labels';
import type { LabeledText } from './similarity';

export interface TopicIndexOptions {
  /** A head noun must appear in at least this many utterances of its topic. */
  minCount?: number;
  /** …and at least this many times more often there than in the utterances of answerable intents (FAQ, handoff …). */
  minRatio?: number;
}

/**
 * Head nouns per out-of-scope topic, learned from intents/oos.*.yml: words (particles stripped, ≥ 2 syllables) seen
 * in at least `minCount` utterances of one `oos.*` intent and at least `minRatio` times more often there than in the
 * utterances of answerable intents. `find` reports the topic of a head noun that a word of the text is, starts or
 * ends with (`교육영상이` → `영상`).
 * @example new TopicIndex(texts).find('수료증 잃어버렸는데 재발급 돼요') // 'oos.certificate'
 */
export class TopicIndex {
  /** Head noun → topic, longest first. */
  readonly heads: Array<[string, string]>;
  /** Every noun of the training utterances (≥ 2 syllables): what may follow a head inside a compound. */
  private readonly nouns = new Set<string>();

  constructor(texts: LabeledText[], { minCount = 3, minRatio = 4 }: TopicIndexOptions = {}) {
    const inTopic = new Map<string, Map<string, number>>();
    const answerable = new Map<string, number>();
    for (const { text, intent } of texts) {
      const nouns = nounsOf(text);
      for (const w of nouns) if (w.length >= 2) this.nouns.add(w);
      if (intent === NONE) continue;
      for (const w of nouns) {
        if (!/^[\uAC00-\uD7A3]{2,}$/.test(w)) continue;
        if (!isTopic(intent)) answerable.set(w, (answerable.get(w) ?? 0) + 1);
        else {
          const perTopic = inTopic.get(w) ?? new Map<string, number>();
          perTopic.set(intent, (perTopic.get(intent) ?? 0) + 1);
          inTopic.set(w, perTopic);
        }
      }
    }
    const heads: Array<[string, string]> = [];
    for (const [w, perTopic] of inTopic) {
      const [topic, n] = [...perTopic].sort((a, b) => b[1] - a[1])[0];
      if (n >= minCount && n >= minRatio * (answerable.get(w) ?? 0)) heads.push([w, topic]);
    }
    this.heads = heads.sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  }

  /**
   * Whether a word that starts with a head noun is a compound of it: a head of three syllables or more
   * (`수료증발급`, `드라이버앱로그인`), or one of two followed by a noun of the training data (`법정교육`, `영상시청`). A
   * two-syllable head starts other words too: `프로` (of `100프로`) starts `프로그램` and `프로필`.
   */
  private compoundOf(head: string, word: string): boolean {
    return head.length >= 3 || this.nouns.has(word.slice(head.length));
  }

  /** The topic of the first head noun found in a normalized text (a word that is, ends with it, or starts a compound with it). */
  find(text: string): string | undefined {
    const words = nounsOf(text);
    for (const [head, topic] of this.heads) {
      for (const w of words) if (w.endsWith(head) || (w.startsWith(head) && this.compoundOf(head, w))) return topic;
    }
    return undefined;
  }
}
