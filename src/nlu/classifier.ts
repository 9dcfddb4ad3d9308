/** Intent classifier: normalizer + NLP.js (spacing-free n-gram features) + a nearest-neighbour second opinion. */
import type { Nlp } from '@nlpjs/nlp';
import { BoundedMemo } from '../memo';
import type { Neighbour, SimilarityIndex } from './similarity';
import { spelledToDigits, type Normalizer } from './normalize';
import { afterDoneStatement, enumerated, focusCandidates, splitClauses, syllables, type Clause } from './clauses';
import type { TopicIndex } from './topics';
import { headWord, nounsOf, requestTypes, type FaqVocabulary } from './heads';
import type { IntentNouns } from './explain';
import { HANDOFF, isFaq, isGuardedControl, isOutOfScope, isTopic, NONE, REPEAT } from './labels';
import type { Preamble } from './preamble';
import type { FactMatch, FactIndex } from './facts';
import { namesNothing, STILL_FAILS, stillFails, tellsFailure } from './stuck';

export interface NluAlternative {
  intent: string;
  score: number;
}

export interface NluResult {
  /** Best intent, or `None` when nothing fits. */
  intent: string;
  score: number;
  /** Runner-up intents, best first (at most 3). */
  alternatives: NluAlternative[];
  /** The text after normalization, as the classifier saw it. */
  normalized: string;
  /** Second opinion: best n-gram cosine similarity per intent to a training utterance, best first (at most 3). */
  neighbours?: Neighbour[];
  /** The question clause classified instead of the whole message (normalized), when one was picked. */
  clause?: string;
  /** An out-of-scope topic whose head noun (수료증, 영상 …) the question mentions. */
  topic?: string;
  /** A one-word message (e.g. `기한`, `로그인`): the word alone may not decide. */
  short?: boolean;
  /**
   * The question's head noun when the bot's vocabulary does not know it (교육비, 데이터, 오프라인 …), or a noun of the
   * question that the winning FAQ never uses and out-of-scope data claims (쿠폰, 계좌: the explanation check).
   */
  unknownHead?: string;
  /** A fact of an FAQ that the question asks for on its own (`intents/_facts.yml`; `decide` says whether it is answered). */
  fact?: FactMatch;
  /** A one-word message: how its word is spread over the FAQs' training utterances (share and count, most first). */
  spread?: Array<{ intent: string; share: number; count: number }>;
  /**
   * When an FAQ or a guarded control intent (greeting, cancel) won: the cosine of its nearest training utterance to the question, the best over the text
   * classified, the last clause and the last two clauses (so a long backstory does not dilute it). Low when no
   * utterance of that FAQ looks like the question at all: NLP.js extrapolated from a word or two.
   */
  support?: number;
}

/** The steps of classification beyond NLP.js; each can be switched off for an ablation (`npm run eval -- --off`). */
export interface PipelineSwitches {
  /** Classify the question clause ("A 말고 B" → B; backstory … question → question). */
  focus: boolean;
  /** Report the out-of-scope topic of a head noun in the question. */
  topics: boolean;
  /** Mark one-word messages as short. */
  short: boolean;
  /** Report a head noun the bot's vocabulary does not know (an FAQ term next to it is not the question). */
  heads: boolean;
  /** After a statement of what is done ("로그인은 했어요. 근데 …"), the question decides (part of the clause focus). */
  done: boolean;
  /** A noun of the question that the winning FAQ never uses and out-of-scope data claims (explain.ts) stops the answer. */
  explain: boolean;
  /** Report how much the winning FAQ's nearest training utterance looks like the question (`support`). */
  support: boolean;
  /** The same support for a winning small-talk control intent (greeting, cancel), short messages included. */
  controls: boolean;
  /** Classify the question between a greeting or self-introduction and thanks (`안녕하세요 김영수 기사인데요 … 감사합니다`), not the whole. */
  preamble: boolean;
  /** Report a fact the question asks for on its own (`intents/_facts.yml`): the bot answers it, not the whole FAQ. */
  facts: boolean;
  /** "사이트 주소 다시 알려줘요" names what it asks for: read without 다시, not as a request to repeat the last answer. */
  again: boolean;
  /**
   * "다시 해봐도 안돼요", "계속 안되네요": a message saying something fails is never a greeting, cancel or request to
   * repeat, and one that names nothing is `None` (the bot asks where it got stuck), not a guess at an FAQ.
   */
  stuck: boolean;
}

export const ALL_STEPS: PipelineSwitches = { focus: true, topics: true, short: true, heads: true, done: true, explain: true, support: true, controls: true, preamble: true, facts: true, again: true, stuck: true };

export interface ClassifyOptions {
  /**
   * Dialog-aware classification: only these intents may win. Intents outside the list count as `None` (their
   * score and their nearest utterances move to `None`, nothing is renormalized), so an FAQ-like slot answer
   * becomes `None` rather than a confident allowed intent.
   */
  allowList?: string[];
  /**
   * The FAQ answered last, when the message follows its answer: a request to repeat then stays one whatever it names
   * ("번호 다시 알려줘요" after 일정 변경 asks for that answer again; the `again` step is for messages on their own).
   */
  after?: string;
}

export interface Classifier {
  classify(text: string, options?: ClassifyOptions): Promise<NluResult>;
  /** Identifies the model (hash of intents/ and normalizer data). */
  readonly modelHash: string;
}

export { NONE };

/** A question clause replaces the whole message only when NLP.js is at least this sure of it. */
const FOCUS_CONFIDENT = 0.8;
/** A request for a person offered as a fallback ("전화번호라도", "아니면 상담원"), not as the request itself. */
const FALLBACK_REQUEST = /라도|아니면|안 되면|안되면/u;
/** After a contrast, the asked part wins with an answerable intent at this score (the negated part never should). */
const CONTRAST_MIN = 0.5;
/**
 * Words that ask for something once more (다시, 한 번 더, 재차), and a trailing 요 of theirs.
 * @example withoutAgain('사이트 주소 다시 알려줘요') // '사이트 주소  알려줘요'
 */
const AGAIN_WORDS = /다시(?:요)?|한\s?번만?\s?더(?:요)?|한\s?번만|재차/gu;
export const withoutAgain = (text: string): string => text.replace(AGAIN_WORDS, ' ');
const ANSWERABLE = (intent: string) => intent !== NONE && !isGuardedControl(intent);

/** Whether an intent is anywhere in a classification: top, runners-up or nearest training utterances. */
function mentions(r: NluResult, intent: string): boolean {
  return r.intent === intent || r.alternatives.some((a) => a.intent === intent) || (r.neighbours ?? []).some((n) => n.intent === intent);
}

/**
 * A message of one or two short words (`기한`, `로그인`, `운행 언제`, `로그인이 안 돼요`): the words alone may not decide.
 * @example isShort('기간 지남') // true
 */
export function isShort(normalized: string): boolean {
  // `로그인이 안 돼요` says what `로그인 안돼요` says: the space of a negation and a subject particle are not words
  const compact = normalized.replace(/(?<=안) (?=[돼되됩됨])/g, '').replace(/(?<=[가-힣]{2})[이가] (?=안)/g, ' ');
  const words = compact.split(' ').filter(Boolean);
  return words.length <= 2 && compact.replace(/\s/g, '').length <= 6;
}

/** Support at least this high needs no look at the question's last clauses (they are only consulted when it is low). */
const SUPPORT_ENOUGH = 0.25;
/** How many texts' similarities one classifier remembers (a classification asks for a handful; then the memo starts over). */
const RECENT_SIMILARITIES = 16;

/** NLP.js memoizes every prepared text for an hour; we drop its memo every this many classifications (counting its keys on every call cost 65-85 µs). */
const NLP_MEMO_MAX = 2000;

/**
 * A trained NLP.js model plus the similarity index over the same (normalized) training texts.
 * Build it with `loadOrTrain` or `trainModel` (see model.ts).
 * @example const r = await classifier.classify('비번 까먹었어요'); r.intent // 'faq.forgot_credentials'
 */
export class HybridClassifier implements Classifier {
  constructor(
    private readonly nlp: Nlp,
    private readonly index: SimilarityIndex,
    private readonly normalize: Normalizer,
    readonly modelHash: string,
    private readonly topics?: TopicIndex,
    private readonly vocabulary?: FaqVocabulary,
    private readonly nouns?: IntentNouns,
    private readonly preamble?: Preamble,
    private readonly facts?: FactIndex,
  ) {}

  /** Steps in use (all by default; the evaluator switches them off one at a time for the ablation table). */
  steps: PipelineSwitches = { ...ALL_STEPS };

  /** Classifications since NLP.js's memo was last dropped. */
  private sinceForget = 0;
  /** The last few texts' similarities: one classification asks for the same text again (the support checks). */
  private readonly recentSimilarities = new BoundedMemo<Array<{ intent: string; similarity: number }>>(RECENT_SIMILARITIES);

  async classify(text: string, options: ClassifyOptions = {}): Promise<NluResult> {
    const result = await this.classifyOnce(text, options);
    const typed = typeof text === 'string' ? text : '';
    const fails = this.steps.stuck && (STILL_FAILS.test(typed) || STILL_FAILS.test(result.normalized));
    const named = this.steps.again && result.intent === REPEAT && !options.after && !!this.nouns?.foreign(result.normalized, REPEAT);
    let read = result;
    if (result.intent === REPEAT && (named || fails)) {
      // "사이트 주소 다시 알려줘요", "아이디 다시 알려줘요" with no answer before: a noun the requests to repeat never use
      // names what is asked; 다시 only says it was asked before. Read without it (an empty rest keeps the reading). So
      // is "다시 해봐도 안돼요", after an answer too: it says something still fails.
      const asked = withoutAgain(typed);
      if (/[\p{L}\p{N}]/u.test(asked)) read = await this.classifyOnce(asked, options);
    }
    if (!fails) return read;
    // the rest of a short one ("해봐도 안돼요") can read as a greeting; a failure told with nothing named ("계속 안되네요")
    // is not the FAQ or topic NLP.js leaned to. A request for a person stays one ("안돼요 상담원 연결해 주세요").
    return isGuardedControl(read.intent) || (tellsFailure(typed) && read.intent !== HANDOFF && namesNothing(read.normalized)) ? stillFails(read) : read;
  }

  private async classifyOnce(text: string, options: ClassifyOptions): Promise<NluResult> {
    const typed = typeof text === 'string' ? text : '';
    // the question between a greeting or self-introduction and thanks; everything below reads only it
    const raw = (this.steps.preamble && this.preamble?.split(typed)?.rest) || typed;
    const normalized = this.normalize(raw);
    if (!/[\p{L}\p{N}]/u.test(normalized)) return { intent: NONE, score: 1, alternatives: [], normalized, neighbours: [] };
    const whole = await this.classifyNormalized(normalized, options);
    // spelled-out numbers as digits here too, so a clause holding a voice-typed phone number is slot data like a typed one
    const clauses = this.steps.focus || this.steps.topics || this.steps.heads ? splitClauses(spelledToDigits(raw.normalize('NFC'))) : [];
    const focused = this.steps.focus ? await this.focus(clauses, whole, options) : undefined;
    const topical = this.steps.topics ? await this.topicOf(clauses, normalized, focused ?? whole, options) : undefined;
    const topic = topical?.topic;
    // an FAQ asked in a clause of its own next to an other-topic one: that clause's confident reading decides
    const result = topical?.asked && topical.asked.score > (focused ?? whole).score ? topical.asked : (focused ?? whole);
    const short = this.steps.short && isShort(normalized);
    const unknownHead = !topic && !short ? await this.unknownHeadOf(clauses, result, options) : undefined;
    const spread = short && this.vocabulary && !normalized.includes(' ') ? this.vocabulary.spread(normalized) : undefined;
    const wantSupport = (this.steps.support && !short && isFaq(result.intent)) || (this.steps.controls && (isGuardedControl(result.intent) || isTopic(result.intent)));
    const support = wantSupport ? this.supportOf(clauses, result, options) : undefined;
    // not inside a dialog's question (allowList): a slot answer is not a question about a fact
    const fact = this.steps.facts && !options.allowList ? this.factOf(clauses, result.clause ?? normalized) : undefined;
    return {
      ...result,
      normalized,
      ...(topic ? { topic } : {}),
      ...(short ? { short } : {}),
      ...(unknownHead ? { unknownHead } : {}),
      ...(spread ? { spread } : {}),
      ...(support !== undefined ? { support } : {}),
      ...(fact ? { fact } : {}),
    };
  }

  /**
   * The fact the question asks on its own, if any: in the question clause when the focus picked one ("사이트 주소 말고
   * 비밀번호 몇 자리예요"), else in the whole; when the whole names a fact and there are several clauses, the last
   * clause that names one decides ("사이트 주소는 아는데 비밀번호 몇 자리예요": the last asks).
   */
  private factOf(clauses: Clause[], text: string): FactMatch | undefined {
    const found = this.facts?.find(text);
    if (!found || clauses.length < 2) return found;
    for (let i = clauses.length - 1; i >= 0; i--) {
      const own = this.facts?.find(this.normalize(clauses[i].text));
      if (own) return own;
    }
    return found;
  }

  /**
   * The cosine of the winning FAQ's nearest training utterance: to the text classified, or (when that is low, as
   * for a long message whose backstory dilutes it) to the last clause or the last two clauses, whichever is best.
   */
  private supportOf(clauses: Clause[], result: NluResult, options: ClassifyOptions): number {
    const similarity = (text: string) => this.similarities(text, options).find((n) => n.intent === result.intent)?.similarity ?? 0;
    let best = similarity(result.clause ?? result.normalized);
    if (best >= SUPPORT_ENOUGH || result.clause || clauses.length < 2) return best;
    for (const part of [clauses.slice(-1), clauses.slice(-2)]) {
      if (part.length === clauses.length) continue;
      const text = this.normalize(part.map((c) => c.text).join(' '));
      if (text) best = Math.max(best, similarity(text));
    }
    return best;
  }

  /** Per intent, the best cosine to one of its training utterances (intents outside an allow list fold into None). */
  private similarities(normalized: string, options: ClassifyOptions): Array<{ intent: string; similarity: number }> {
    const key = options.allowList ? `${normalized}\u0000${options.allowList.join('\u0000')}` : normalized;
    return this.recentSimilarities.get(key, () => this.similaritiesOf(normalized, options));
  }

  private similaritiesOf(normalized: string, options: ClassifyOptions): Array<{ intent: string; similarity: number }> {
    const allow = options.allowList ? new Set([...options.allowList, NONE]) : undefined;
    return restrict(
      this.index.nearest(normalized).map((n) => ({ intent: n.intent, score: n.similarity })),
      allow,
      Math.max,
    ).map((n) => ({ intent: n.intent, similarity: n.score }));
  }

  /**
   * The head noun of the question (its last clause, or the part after a contrast) when an FAQ won but the bot's
   * vocabulary does not know that noun ("교육비 얼마예요", "교육 보는데 데이터 많이 나가요"). An FAQ asked in a clause of
   * its own keeps its answer ("일정 변경 가능한가요 그리고 교육장 주소도 알려주세요"), as for other-topic nouns. A last clause
   * with no noun only asks ("어떻게 해야되요"), so it is read with the clause before it ("블루 차량을 벤티로 바꾸고 싶은데 …").
   */
  private async unknownHeadOf(clauses: Clause[], result: NluResult, options: ClassifyOptions): Promise<string | undefined> {
    if (!isFaq(result.intent) || !clauses.length) return undefined;
    const lastContrast = clauses.map((c) => c.after).lastIndexOf('contrast');
    const asked = lastContrast > 0 ? clauses.slice(lastContrast) : clauses;
    // a tail that only asks ("어떻게 해야되요", "가능한가요") carries no noun: what it asks about is in the clause before
    const tail = this.normalize(asked[asked.length - 1].text);
    const onlyAsks = asked.length > 1 && syllables(tail) >= 2 && !nounsOf(tail).length;
    const last = onlyAsks ? this.normalize(asked.slice(-2).map((c) => c.text).join(' ')) : tail;
    const unknown = (this.steps.heads ? this.unknownHeadIn(last) : undefined) ?? (this.steps.explain ? this.nouns?.unexplained(last, result.intent) : undefined);
    if (!unknown) return undefined;
    // a clause that asks the FAQ on its own counts only when its nouns are the FAQ's, or at least answerable words ("회원가입 하면 광고 문자 오나요")
    const unexplained = (text: string) => this.steps.explain && !!this.nouns?.unexplained(text, result.intent, { unseen: true });
    return (await this.askedOnItsOwn(asked.slice(-4, -1), result.intent, options, unexplained)) ? undefined : unknown;
  }

  /** A request type the FAQs never answer (얼마, 몇 시) or a head noun the vocabulary does not know, in a normalized clause. */
  private unknownHeadIn(last: string): string | undefined {
    if (!this.vocabulary) return undefined;
    const unanswered = this.vocabulary.unanswered;
    const request = requestTypes(last).find((r) => unanswered.has(r));
    const head = headWord(last);
    return request ?? (head && !this.vocabulary.knows(head.noun) && !this.vocabulary.knows(head.word) ? head.noun : undefined);
  }

  /**
   * The out-of-scope topic of a head noun in the question: after a contrast only the part after it counts
   * ("교육 장소 말고 날짜요"). An FAQ asked in a clause of its own without the head noun (clauses cut at commas and
   * listed indirect questions too: "언제 운행하는지, 수료증은 어디서 받는지") keeps its answer
   * ("리프레시 교육 뭐예요 수료증도 나오나요": the label rules of dev set v2 keep the FAQ), also when NLP.js gave the
   * whole to the topic and the FAQ came second.
   */
  private async topicOf(clauses: Clause[], normalized: string, result: NluResult, options: ClassifyOptions): Promise<{ topic?: string; asked?: NluResult } | undefined> {
    if (!this.topics) return undefined;
    // after a contrast, or after a statement of what is settled ("드라이버앱 비번은 아는데 …"), only the asked part counts
    const lastContrast = Math.max(clauses.map((c) => c.after).lastIndexOf('contrast'), this.steps.done ? afterDoneStatement(clauses) : -1);
    const asked = lastContrast > 0 ? clauses.slice(lastContrast) : clauses;
    const topic = this.topics.find(lastContrast > 0 ? this.normalize(asked.map((c) => c.text).join(' ')) : normalized);
    const parts = enumerated(asked);
    // NLP.js may give the whole to the topic itself, with the FAQ asked beside it as the runner-up
    const faq = isFaq(result.intent) ? result.intent : isTopic(result.intent) ? result.alternatives.find((a) => isFaq(a.intent))?.intent : undefined;
    if (!topic || !faq || parts.length < 2) return { topic };
    const topics = this.topics;
    const own = await this.askedOnItsOwn(parts.slice(0, 4), faq, options, (text) => !!topics.find(text));
    return own ? { asked: { ...own, clause: own.normalized } } : { topic };
  }

  /** The classification of the first clause (of ≥ 4 syllables, not excluded by `skip`) that is confidently this FAQ on its own. */
  private async askedOnItsOwn(clauses: Clause[], intent: string, options: ClassifyOptions, skip: (normalized: string) => boolean = () => false): Promise<NluResult | undefined> {
    for (const c of clauses) {
      const text = this.normalize(c.text);
      if (syllables(text) < 4 || skip(text)) continue;
      const r = await this.classifyNormalized(text, options);
      if (r.intent === intent && r.score >= FOCUS_CONFIDENT) return r;
    }
    return undefined;
  }

  /**
   * The classification of the question clause when it should replace the whole message's: after a contrast
   * ("A 말고 B") the part after it decides when it names an intent (score ≥ CONTRAST_MIN) or is confidently None. Otherwise only a request for a person in one
   * of the last clauses (the end of a long complaint) replaces the whole: a backstory is context the classifier
   * needs (measured: taking the last clause of long messages cost 3 of 32 on dev set v2).
   */
  private async focus(clauses: Clause[], whole: NluResult, options: ClassifyOptions): Promise<(NluResult & { contrast: boolean }) | undefined> {
    const candidates = focusCandidates(clauses);
    if (!candidates.length) return undefined;
    const contrast = clauses.some((c) => c.after === 'contrast');
    // without a contrast only a request for a person can win, so skip the work when the whole shows no trace of one
    const handoffPossible = !(whole.intent === HANDOFF && whole.score >= FOCUS_CONFIDENT) && mentions(whole, HANDOFF);
    for (const [i, clause] of candidates.entries()) {
      const isContrast = contrast && i === 0;
      // a clause with digits carries slot data (a phone number), not a request for a person
      if (!isContrast && (!handoffPossible || /\d/.test(clause))) continue;
      const normalized = this.normalize(clause);
      if (!normalized) continue;
      const r = await this.classifyNormalized(normalized, options);
      if (isContrast && (r.intent === NONE ? r.score >= FOCUS_CONFIDENT : r.score >= CONTRAST_MIN)) return { ...r, clause: normalized, contrast: true };
      // "전화번호라도 알려주세요" after an FAQ asked with confidence: a fallback, not the request
      if (!isContrast && r.intent === HANDOFF && r.score >= FOCUS_CONFIDENT && !(FALLBACK_REQUEST.test(clause) && isFaq(whole.intent) && whole.score >= FOCUS_CONFIDENT)) {
        return { ...r, clause: normalized, contrast: false };
      }
    }
    return this.steps.done ? this.afterDone(clauses, whole, options) : undefined;
  }

  /**
   * "로그인은 했어요. 근데 뭘 들어야 하는지 모르겠어요": when the part before the question states as done what the
   * whole message was classified as (an FAQ, or out of scope: "드라이버앱 비번은 아는데 …", a topic or `None`), and the question
   * alone is another FAQ (≥ FOCUS_CONFIDENT), the question decides.
   */
  private async afterDone(clauses: Clause[], whole: NluResult, options: ClassifyOptions): Promise<(NluResult & { contrast: boolean }) | undefined> {
    const at = afterDoneStatement(clauses);
    if (at < 1 || !(isFaq(whole.intent) || isOutOfScope(whole.intent))) return undefined;
    const asked = this.normalize(clauses.slice(at).map((c) => c.text).join(' '));
    if (syllables(asked) < 4) return undefined;
    const a = await this.classifyNormalized(asked, options);
    if (!isFaq(a.intent) || a.intent === whole.intent || a.score < FOCUS_CONFIDENT) return undefined;
    const done = await this.classifyNormalized(this.normalize(clauses.slice(0, at).map((c) => c.text).join(' ')), options);
    const settled = done.intent === whole.intent || (isOutOfScope(whole.intent) && !isFaq(done.intent));
    return settled ? { ...a, clause: asked, contrast: false } : undefined;
  }

  private async classifyNormalized(normalized: string, options: ClassifyOptions): Promise<NluResult> {
    const res = await this.nlp.process('ko', normalized, {});
    if (++this.sinceForget >= NLP_MEMO_MAX) {
      this.sinceForget = 0;
      forgetMemo(this.nlp);
    }
    const allow = options.allowList ? new Set([...options.allowList, NONE]) : undefined;
    const ranked = restrict(
      (res.classifications ?? []).map((c) => ({ intent: c.intent, score: c.score })),
      allow,
    ).filter((c) => c.score > 0);
    const top = ranked[0] ?? { intent: NONE, score: 1 };
    const neighbours = this.similarities(normalized, options);
    return { intent: top.intent, score: top.score, alternatives: ranked.slice(1, 4), normalized, neighbours: neighbours.slice(0, 3) };
  }
}

/**
 * Fold intents outside `allow` into `None` (summing scores, or with `merge` = Math.max for similarities),
 * then sort best first and round. Without `allow`, only sorts and rounds.
 */
function restrict(items: NluAlternative[], allow?: ReadonlySet<string>, merge: (a: number, b: number) => number = (a, b) => a + b): NluAlternative[] {
  const folded = new Map<string, number>();
  for (const { intent, score } of items) {
    const key = !allow || allow.has(intent) ? intent : NONE;
    folded.set(key, folded.has(key) ? merge(folded.get(key) as number, score) : score);
  }
  return [...folded].map(([intent, score]) => ({ intent, score: round(score) })).sort((a, b) => b.score - a.score);
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

interface NluMemo {
  cache?: { results?: Record<string, Record<string, unknown>> };
}

/** Drop NLP.js's per-text memo (it otherwise keeps every distinct utterance for an hour); it is rebuilt on the next call. */
function forgetMemo(nlp: Nlp): void {
  const managers = (nlp as unknown as { nluManager?: { domainManagers?: Record<string, { domains?: Record<string, NluMemo> }> } })
    .nluManager?.domainManagers;
  for (const manager of Object.values(managers ?? {})) {
    for (const domain of Object.values(manager.domains ?? {})) {
      domain.cache = undefined;
    }
  }
}
