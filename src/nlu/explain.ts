/**
 * The explanation check: an FAQ answer needs the question's nouns to be ones that FAQ talks about. A noun never seen
 * in that FAQ's training utterances but seen in out-of-scope ones (None, oos.*) at least `ratio` times as often as
 * in answerable ones ("가입 축하 쿠폰", "정산 계좌", "음주 측정", "로그인 기록") is another question next to the FAQ's
 * words: the bot asks "혹시 … 말씀이신가요?" instead of answering. Learned from the training data.
 */
import { splitWords } from './features';
import { asNoun, isFunctionWord, nounsOf } from './heads';
import { isOutOfScope } from './labels';
import type { LabeledText } from './similarity';

export interface ExplanationOptions {
  /** An unexplained noun must appear in at least this many out-of-scope utterances… */
  minOther?: number;
  /** …and at least this many times as often there as in the answerable intents' utterances. */
  ratio?: number;
}

/**
 * Per intent, the nouns its training utterances use; and for every noun, how many out-of-scope and answerable
 * utterances use it. `unexplained` names the first noun of a text that the given FAQ does not explain and that
 * out-of-scope data claims.
 * @example new IntentNouns(texts).unexplained('가입 축하 쿠폰 같은 건 없나요', 'faq.signup') // '쿠폰'
 */
export class IntentNouns {
  private readonly byIntent = new Map<string, Set<string>>();
  private readonly other = new Map<string, number>();
  private readonly answerable = new Map<string, number>();
  private readonly domain: Set<string>;
  /** Every Hangul word of the answerable intents' utterances, as written. */
  private readonly answerableWords = new Set<string>();
  private readonly minOther: number;
  private readonly ratio: number;

  /** `domain`: terms every FAQ may use (the synonym map's canonical terms: 카카오T, 블루, 휴대폰 …). */
  constructor(texts: LabeledText[], domain: string[] = [], { minOther = 2, ratio = 2 }: ExplanationOptions = {}) {
    for (const { text, intent } of texts) {
      const counts = isOutOfScope(intent) ? this.other : this.answerable;
      const mine = isOutOfScope(intent) ? undefined : (this.byIntent.get(intent) ?? new Set<string>());
      for (const n of nounsOf(text)) {
        counts.set(n, (counts.get(n) ?? 0) + 1);
        mine?.add(n);
      }
      if (mine) this.byIntent.set(intent, mine);
      if (mine) for (const w of splitWords(text)) this.answerableWords.add(w);
    }
    this.domain = new Set(domain.flatMap((t) => splitWords(t)));
    this.minOther = minOther;
    this.ratio = ratio;
  }

  /**
   * The first noun of the (normalized) text that `intent` does not explain and out-of-scope data claims; with
   * `unseen`, also a noun that no answerable intent uses (seen only out of scope, or nowhere).
   */
  unexplained(text: string, intent: string, { unseen = false }: { unseen?: boolean } = {}): string | undefined {
    const mine = this.byIntent.get(intent);
    if (!mine) return undefined;
    for (const n of nounsOf(text)) {
      if (mine.has(n) || this.domain.has(n)) continue;
      const other = this.other.get(n) ?? 0;
      const answerable = this.answerable.get(n) ?? 0;
      if ((other >= this.minOther && other >= this.ratio * answerable) || (unseen && answerable === 0)) return n;
    }
    if (unseen) for (const w of splitWords(text)) if (/^[\uAC00-\uD7A3]{2,}$/.test(w) && !this.knownWord(w)) return w;
    return undefined;
  }

  /**
   * The first noun of the (normalized) text that none of `intent`'s utterances uses, domain terms included (아이디 is
   * what a request to repeat never names).
   * @example nouns.foreign('사이트 주소 다시 알려줘요', 'repeat') // '사이트'
   */
  foreign(text: string, intent: string): string | undefined {
    const mine = this.byIntent.get(intent);
    if (!mine) return undefined;
    return nounsOf(text).find((n) => !mine.has(n));
  }

  /** A word (or it without a particle) that some answerable utterance holds, or a domain term. */
  private knownWord(word: string): boolean {
    if (this.answerableWords.has(word) || this.domain.has(word) || isFunctionWord(word)) return true;
    const bare = asNoun(word)?.noun;
    return !!bare && (this.answerableWords.has(bare) || this.domain.has(bare));
  }
}
