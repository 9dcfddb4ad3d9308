/**
 * Head-noun check: the noun a question's predicate is about ("교육비 얼마예요" → 교육비, "영상이 재생이 안 돼요" → 재생),
 * and whether the FAQs ever talk about it. The vocabulary is learned from the training utterances and synonyms.
 */
import { BoundedMemo } from '../memo';
import { splitWords } from './features';
import { editDistance, toJamo } from './hangul';
import { isFaq, isOutOfScope, NONE } from './labels';
import { PARTICLES, splitParticle } from './particles';
import type { LabeledText } from './similarity';

/** Noun suffixes that keep the noun's meaning (단계별, 손님들, 기사님): a known word plus one is known. */
const SUFFIXES = ['별', '들', '용', '쯤', '씩', '님', '째', '중'];
/** Determiners: a known word after one is known (몇자리, 딴날, 첫로그인). */
const DETERMINERS = ['다른', '모든', '어느', '몇', '딴', '새', '첫', '옛', '맨', '헌', '온', '한', '두', '세', '네'];
/** Bound nouns after a verb's adnominal form: "늦출 수 있나요", "만든 거", "할 때". */
const BOUND_NOUNS = new Set(['수', '거', '것', '줄', '때', '적', '데']);
/**
 * Last syllables of a predicate (verb or adjective endings: 돼요, 하나요, 받은, 들어가는데 …). A word ending in one of
 * these, without a particle, is read as a predicate, not a noun. Nouns ending in them are missed (conservative). 유 and
 * 슈 are dialect endings (맹글어유, 잊어버렸슈: Chungcheong).
 */
const PREDICATE_FINALS = new Set([...'요다까죠지고서면데니네게며음함됨는은던을할된될볼올릴쇼노교여야라러려자세셔든나냐래대겠었았했봐줘워와어아해돼져쳐혀켜겨줄믄능당유슈']);
/** Last syllables of a verb stem before a particle-like ending (하는, 되는, 했는 …). */
const VERBAL_STEM_FINALS = new Set([...'하되돼해했됐']);
/**
 * Grammar, not vocabulary: question words, negation, degree and time adverbs and bound nouns that sit between a
 * predicate and its noun ("데이터 많이 나가요", "오프라인으로 어디서 받아요", "빼주실 수 있어요").
 */
const FUNCTION_WORDS = new Set([
  '안', '못', '수', '좀', '잘', '다', '또', '꼭', '너무', '많이', '자꾸', '계속', '바로', '아예', '아직', '혹시', '어떻게', '어케', '언제',
  '언제부터', '언제까지', '어디서', '어디', '어디로', '어디에', '어디다', '얼마', '얼마나', '몇', '왜', '뭐', '뭘', '무슨', '어떤', '지금', '이제', '그냥', '진짜',
  '정말', '제가', '저는', '내가', '거', '것', '게', '건', '좀요', '다시', '먼저', '따로', '같이', '혼자', '제일', '가장', '더', '덜', '막', '자주',
  '이거', '그거', '저거', '이건', '그건', '이게', '그게', '이걸', '그걸', '이것', '그것', '여기', '거기', '저기', '엄청', '되게', '완전',
  '뭐뭐', '자체', '정도', '다음', '이후', '이전', '때문', '동안', '경우', '전부', '모두', '하나', '둘다',
  '도대체', '대체', '오늘', '내일', '어제', '요즘', '나중', '이번', '지난', '다음주', '이번주', '지난주', '다음달', '이번달', '누구', '누가',
  '나', '저', '제', '내', '우리', '때', '줄', '적', '데', '빨리', '얼른', '어서', '일단', '우선', '잘못', '중간',
  '대신', '이런', '그런', '저런', '그나저나', '아무것', '아무거',
]);

const HANGUL = /^[\uAC00-\uD7A3]+$/;

/** A grammar word (question word, negation, adverb, pronoun, bound noun: 어디서, 좀요, 빨리). */
export const isFunctionWord = (word: string): boolean => FUNCTION_WORDS.has(word);

export interface HeadWord {
  /** The noun without its particle. */
  noun: string;
  /** Its particle ('' when bare). */
  particle: string;
}

/**
 * A word as a noun plus particle, or undefined when it reads as a predicate or function word. A noun of one
 * syllable (콜이, 차에) comes back as is: too short to judge, it counts as known.
 * @example asNoun('영상이') // { noun: '영상', particle: '이' }
 */
export function asNoun(word: string): HeadWord | undefined {
  if (!HANGUL.test(word) || FUNCTION_WORDS.has(word)) return undefined;
  const { stem, particle } = splitParticle(word);
  if (!particle) return word.length >= 2 && isNounShaped(word) ? { noun: word, particle } : undefined;
  const noun = stem.length >= 2 && stem.endsWith('들') ? stem.slice(0, -1) : stem;
  if (FUNCTION_WORDS.has(noun)) return undefined;
  // one syllable: too short to judge, a noun unless it ends a predicate (돼요, 해요)
  if (noun.length === 1) return PREDICATE_FINALS.has(noun) ? undefined : { noun, particle };
  // 르 + 는 is a verb's adnominal form (모르는, 누르는, 고르는), not a noun with its topic particle
  if (particle === '는' && noun.endsWith('르')) return undefined;
  return isNounShaped(noun) ? { noun, particle } : undefined;
}

/**
 * The nouns of a normalized text, particles stripped, each of at least two syllables, once each (a word that ends
 * like a predicate, 끝나요 or 등록된, is none): what the topic and explanation checks count.
 * @example nounsOf('가입 쿠폰은 어디서 받아요') // ['가입', '쿠폰']
 */
export function nounsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of splitWords(text)) {
    const noun = asNoun(w)?.noun;
    if (noun && noun.length >= 2 && !out.includes(noun)) out.push(noun);
  }
  return out;
}

/** Not ending like a predicate (돼요, 받은, 하는, 만들수, 만드는거 …). */
function isNounShaped(word: string): boolean {
  const last = word[word.length - 1];
  if (PREDICATE_FINALS.has(last) || VERBAL_STEM_FINALS.has(last)) return false;
  // dialect 는디/은디/던디 (= 는데: 되는디, 수료했는디); 아이디 stays a noun
  if (last === '디' && '는은던'.includes(word[word.length - 2] ?? '')) return false;
  // dialect imperative 이소 (= 세요: 해주이소, 보이소); 주소, 장소, 충전소 stay nouns
  if (last === '소' && word[word.length - 2] === '이' && word.length >= 3) return false;
  if ((BOUND_NOUNS.has(last) || last === '건' || last === '걸') && isAdnominal(word[word.length - 2] ?? '')) return false;
  // a verb's 는-form glued to a one-syllable noun (`받는날`, `가는길`, `쉬는곳`): a phrase typed without its space, whose
  // noun is the last syllable; read as one word it made a head noun of its own (`받는날` → the fees topic)
  if (word.length >= 3 && word[word.length - 2] === '는') return false;
  // `바꾸는법`, `찾는방법`: "how to" after a verb's adnominal ending, glued (with a space, `바꾸는 법`, the verb is its
  // own word); `문법`, `불법` stay nouns
  const before = word.endsWith('방법') ? word[word.length - 3] : word[word.length - 2];
  return !(last === '법' && word.length >= 3 && before !== undefined && ADNOMINAL_ENDINGS.has(before));
}

/** Syllables that end a verb's adnominal form before `법` or `방법` (하는, 받은, 들을, 할, 한, 된, 될, 던). */
const ADNOMINAL_ENDINGS = new Set([...'는은을할한된될던']);

/** A syllable that ends a verb's adnominal form: a final ㄴ or ㄹ (만든, 들을, 하는). */
function isAdnominal(syllable: string): boolean {
  const code = syllable.charCodeAt(0) - 0xac00;
  return code >= 0 && code <= 11171 && (code % 28 === 4 || code % 28 === 8);
}

/**
 * The head word of a clause: going left from its last word (the predicate), past function words, the first word
 * that reads as a noun; undefined when a predicate comes first ("다 듣고 나서 언제부터 운행하냐구요", "늦출 수 있나요").
 * A clause that is one noun ("교육비") is its own head.
 * @example headWord('교육 보는데 데이터가 많이 나가요') // { noun: '데이터', particle: '가', word: '데이터가' }
 */
export function headWord(clause: string): (HeadWord & { word: string }) | undefined {
  const words = splitWords(clause);
  if (!words.length) return undefined;
  const as = (word: string) => {
    const n = asNoun(word);
    return n && { ...n, word };
  };
  if (words.length === 1) return as(words[0]);
  let afterBound = false;
  for (let i = words.length - 2; i >= 0; i -= 1) {
    const w = words[i];
    if (FUNCTION_WORDS.has(w)) {
      afterBound ||= BOUND_NOUNS.has(w);
      continue;
    }
    if (!HANGUL.test(w) || (afterBound && isAdnominal(w[w.length - 1]))) return undefined;
    return as(w);
  }
  return undefined;
}

/**
 * The head noun of a clause (see headWord), without its particle.
 * @example headNoun('교육 보는데 데이터 많이 나가요') // '데이터'
 */
export function headNoun(clause: string): string | undefined {
  return headWord(clause)?.noun;
}

export interface VocabularyOptions {
  /**
   * Intents whose words are known (default: every answerable intent: the FAQs and the control intents greeting,
   * cancel, handoff; not `None` and not the out-of-scope topics `oos.*`, whose nouns are what the check looks for).
   */
  isKnown?: (intent: string) => boolean;
}

/** A request type is unanswered when out-of-scope utterances use it at least this often and FAQ utterances never. */
const MIN_REQUEST_COUNT = 2;
/** One-word spreads remembered (a bounded memo). */
const SPREAD_MEMO = 512;
/** Longer runs (words typed without spaces: 꼭받아야되는교육) are not judged. */
const MAX_NOUN = 6;

/**
 * What the bot talks about: every word of the training utterances of its answerable intents (FAQs, greeting,
 * cancel, handoff), with and without its particle, and the synonym map's canonical terms. `knows` accepts a noun that is, or starts, one of them (a clipped `비밀` is known).
 * @example new FaqVocabulary(texts).knows('교육비') // false
 */
export class FaqVocabulary {
  private readonly words = new Set<string>();
  private readonly sorted: string[];
  /** FAQ and `None` training utterances without spaces, with their intent (for `spread`). */
  private readonly spreadTexts: LabeledText[] = [];

  /** Kinds of request the FAQs never answer (얼마, 몇 시), learned: see `requestTypes`. */
  readonly unanswered: ReadonlySet<string>;

  constructor(texts: LabeledText[], extra: string[] = [], { isKnown = (i) => !isOutOfScope(i) }: VocabularyOptions = {}) {
    const faqRequests = new Map<string, number>();
    const otherRequests = new Map<string, number>();
    for (const { text, intent } of texts) {
      const requests = isFaq(intent) ? faqRequests : isKnown(intent) ? undefined : otherRequests;
      for (const r of requestTypes(text)) requests?.set(r, (requests.get(r) ?? 0) + 1);
      if (isFaq(intent) || intent === NONE) this.spreadTexts.push({ text: text.replace(/\s+/g, ''), intent });
      if (!isKnown(intent)) continue;
      for (const w of splitWords(text)) this.add(w);
    }
    this.unanswered = new Set([...otherRequests].filter(([r, n]) => n >= MIN_REQUEST_COUNT && !faqRequests.has(r)).map(([r]) => r));
    for (const text of extra) for (const w of splitWords(text)) this.add(w);
    for (const w of FUNCTION_WORDS) this.words.add(w);
    this.sorted = [...this.words].sort();
  }

  private add(word: string): void {
    if (!HANGUL.test(word)) return;
    this.words.add(word);
    const n = asNoun(word);
    if (n) this.words.add(n.noun);
  }

  /**
   * The noun is a FAQ word, the start of one, or a compound typed without spaces whose parts are FAQ words and
   * particles, ending in a FAQ word (Korean compounds are head-final: 교육비 ends in 비, so it is not 교육).
   */
  knows(noun: string): boolean {
    if (noun.length < 2 || noun.length > MAX_NOUN || this.words.has(noun) || this.startsWord(noun)) return true;
    return this.segments(noun) || this.nearWord(noun);
  }

  /**
   * A typo of a known word: one jamo away from a word of the same length (비밀번흐, 일졍). One jamo changes one
   * syllable, so the word shares its first or its second syllable with the noun: only those are compared.
   */
  private nearWord(noun: string): boolean {
    this.bySyllable ??= indexBySyllable(this.sorted);
    const jamo = toJamo(noun);
    const candidates = [...(this.bySyllable.get(`${noun.length}:0:${noun[0]}`) ?? []), ...(this.bySyllable.get(`${noun.length}:1:${noun[1]}`) ?? [])];
    return candidates.some((w) => editDistance(jamo, w, 1) <= 1);
  }

  /** Known words in jamo, keyed by syllable count, position (0 or 1) and the syllable there; built on the first typo check. */
  private bySyllable?: Map<string, string[]>;

  /**
   * Whether the text splits into known words and particles or noun suffixes, its last part a known word of ≥ 2
   * syllables; a determiner may start it, and known one-syllable nouns (not grammar words) may stand inside it.
   */
  private segments(text: string): boolean {
    // reach[i]: text.slice(0, i) splits; 2 when its last part is a known word
    const n = text.length;
    const reach = new Array<number>(n + 1).fill(0);
    reach[0] = 1;
    for (const d of DETERMINERS) if (text.startsWith(d)) reach[d.length] ||= 1;
    for (let i = 0; i < n; i += 1) {
      if (!reach[i]) continue;
      for (let j = i + 2; j <= n; j += 1) if (this.words.has(text.slice(i, j))) reach[j] = 2;
      if (i + 1 < n && !FUNCTION_WORDS.has(text[i]) && this.words.has(text[i])) reach[i + 1] ||= 1;
      if (reach[i] === 2) for (const p of [...PARTICLES, ...SUFFIXES]) if (text.startsWith(p, i)) reach[i + p.length] = Math.max(reach[i + p.length], p.length && SUFFIXES.includes(p) ? 2 : 1);
    }
    return reach[n] === 2;
  }

  private startsWord(noun: string): boolean {
    // binary search for the first word ≥ noun: a word starting with noun sorts right there
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < noun) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.sorted.length && this.sorted[lo].startsWith(noun);
  }

  /**
   * How a word is spread over the FAQs' training utterances: per FAQ, how many of the FAQ utterances holding it
   * (spaces ignored) are that FAQ's, as a share, most first; and `None`'s share among the FAQ and `None` utterances
   * holding it (how much the word is used outside the training's subject: 과태료 납부 기한). A word of one FAQ only
   * (회원가입) decides; 로그인 or 교육 does not, nor does 기한, which questions about other things use too.
   * @example vocab.spread('로그인') // [{ intent: 'faq.first_login', share: 0.85, count: 97 }, …]
   */
  spread(word: string): Array<{ intent: string; share: number; count: number }> {
    const key = word.replace(/\s+/g, '');
    if (key.length < 2) return [];
    return this.spreads.get(key, () => this.countSpread(key));
  }

  /** Words looked up by `spread` (one-word messages repeat: 로그인, 교육). */
  private readonly spreads = new BoundedMemo<Array<{ intent: string; share: number; count: number }>>(SPREAD_MEMO);

  private countSpread(key: string): Array<{ intent: string; share: number; count: number }> {
    const counts = new Map<string, number>();
    for (const { text, intent } of this.spreadTexts) if (text.includes(key)) counts.set(intent, (counts.get(intent) ?? 0) + 1);
    const faq = [...counts].filter(([intent]) => isFaq(intent)).reduce((a, [, n]) => a + n, 0);
    const none = counts.get(NONE) ?? 0;
    const share = (count: number, total: number) => Math.round((count / total) * 10_000) / 10_000;
    return [...counts]
      .filter(([intent]) => isFaq(intent) || intent === NONE)
      .map(([intent, count]) => ({ intent, count, share: intent === NONE ? share(count, faq + none) : share(count, faq) }))
      .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent));
  }

  get size(): number {
    return this.words.size;
  }
}

function indexBySyllable(words: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of words) {
    const jamo = toJamo(w);
    for (const pos of [0, 1]) {
      if (pos >= w.length) continue;
      const key = `${w.length}:${pos}:${w[pos]}`;
      const list = out.get(key);
      if (list) list.push(jamo);
      else out.set(key, [jamo]);
    }
  }
  return out;
}

/**
 * The request types of a text: a price question (a word starting with 얼마 but not 얼마나, and not "얼마 걸려요": 얼마예요) and
 * "몇 X" (몇 시, 몇 시간, 몇 점), with X's particle stripped. Learned per set of intents by FaqVocabulary.
 * @example requestTypes('리프레시 교육 몇 시간이에요') // ['몇 시간']
 */
export function requestTypes(text: string): string[] {
  const words = splitWords(text);
  const out: string[] = [];
  words.forEach((w, i) => {
    if (w.startsWith('얼마') && !w.startsWith('얼마나') && !DURATION_AFTER.test(words[i + 1] ?? '')) out.push('얼마');
    else if (w === '몇' && words[i + 1] && HANGUL.test(words[i + 1])) out.push(`몇 ${bareNoun(words[i + 1])}`);
  });
  return out;
}

/** After 얼마 these make it "how long" or "not long ago" (얼마 걸려요, 얼마 안 됐어요), not a price. */
const DURATION_AFTER = /^(?:걸|안|전|동안|지나|지난|후|뒤|만에|있으면|정도)/u;

/** The copula's forms after a noun (시간이에요, 시까지예요, 점인가요), longest first. */
const COPULA = ['이에요', '이예요', '입니까', '인가요', '일까요', '이에여', '이나요', '예요', '에요', '인데', '이죠', '이요', '이야', '이지', '죠', '요'];

/** A word without its copula and particle: `시간이에요` → 시간, `시까지예요` → 시, `점` → 점. */
function bareNoun(word: string): string {
  let w = word;
  for (const c of COPULA) {
    if (w.length > c.length && w.endsWith(c)) {
      w = w.slice(0, -c.length);
      break;
    }
  }
  return splitParticle(w).stem;
}
