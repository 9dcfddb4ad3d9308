/** Turns a classification into a decision: answer, ask (which of two, which topic, or "did you mean"), or fall back. */
import type { NluResult } from './classifier';
import type { FactMatch } from './facts';
import { isFaq, isGuardedControl, isOutOfScope, isTopic, NONE } from './labels';

export interface DecisionThresholds {
  /** Below this top score the utterance is out of scope. */
  minScore: number;
  /** Below this top score the second opinion (nearest training utterance) is consulted. */
  confident: number;
  /** In that band, the answer needs a training utterance of an answerable intent at least this similar (cosine). */
  minSimilarity: number;
  /** When top − second is below this (both FAQ intents), ask which one was meant. */
  clarifyMargin: number;
  /** The runner-up must reach at least this score to be offered in a clarification. */
  clarifyMinSecond: number;
}

/**
 * Chosen with `npm run eval -- --sweep --joint 5`: the setting whose worst result over the dev set, its
 * typo-perturbed copy and 5-fold cross-validation on intents/ is best (see README, "Evaluating the NLU").
 */
export const DEFAULT_THRESHOLDS: DecisionThresholds = {
  minScore: 0.55,
  confident: 0.6,
  minSimilarity: 0.2,
  clarifyMargin: 0.2,
  clarifyMinSecond: 0.1,
};

/**
 * Why the bot asks: two FAQs scored close (`close`), a one-word message that does not decide (`short`), or an FAQ
 * term next to an other-topic head noun (`topic`: "혹시 ○○ 말씀이신가요?" with the FAQ and 상담원 연결), or next to a
 * head noun the bot's vocabulary does not know (`unknown`, same question; `head` names the noun).
 */
export type ClarifyReason = 'close' | 'short' | 'topic' | 'unknown' | 'unlike';

export type Decision =
  /**
   * `fact`: the fact of `intent` that the question asks for on its own (`intents/_facts.yml`), answered instead of the
   * whole FAQ; `overruled`: NLP.js alone would not have answered one of the fact's FAQs (a topic, a fallback, a
   * question back, another intent below `confident`), so the rule decided: the turn's text is kept for the inbox.
   */
  | { kind: 'answer'; intent: string; score: number; fact?: string; overruled?: boolean }
  | { kind: 'clarify'; intents: string[]; score: number; reason: ClarifyReason; topic?: string; head?: string }
  | { kind: 'none'; guess: string; score: number; reason: NoneReason; topic?: string };

export type NoneReason = 'classifier' | 'low-score' | 'no-similar-utterance' | 'topic' | 'unlike';

/**
 * Decide what to do with a classification.
 * @example decide({ intent: 'faq.signup', score: 0.9, alternatives: [], normalized: '' }).kind // 'answer'
 */
export function decide(result: NluResult, t: DecisionThresholds = DEFAULT_THRESHOLDS): Decision {
  const decision = decideIntent(result, t);
  return result.fact ? withFact(decision, result, result.fact, t) : decision;
}

/** A fact rule matched: how sure a fact's answer is reported (a rule, like an exact text; not NLP.js's score of anything). */
export const FACT_SCORE = 1;

/**
 * A question that asks for one fact of an FAQ on its own gets that fact, whatever NLP.js made of it (a topic that
 * shares its words: `사이트 주소` is not the account topic; a fallback; a choice between two FAQs), unless NLP.js is
 * confident of an intent that does not hold the fact (a request for a person, another FAQ asked with the same
 * words). The intent reported is the fact's FAQ that the decision answered or offered, else the fact's first (its
 * author's choice: NLP.js's runners-up after a topic or a fallback say little).
 */
function withFact(decision: Decision, result: NluResult, fact: FactMatch, t: DecisionThresholds): Decision {
  const agrees = decision.kind === 'answer' && fact.faqs.includes(decision.intent);
  if (decision.kind === 'answer' && !agrees && decision.score >= t.confident) return decision;
  // the training data says this very question is out of scope (staff marked it so in the inbox, or wrote it in None.yml)
  const nearest = result.neighbours?.[0];
  if (!agrees && nearest && isOutOfScope(nearest.intent) && nearest.similarity >= FACT_YIELDS_AT) return decision;
  const named = decision.kind === 'answer' ? [decision.intent] : decision.kind === 'clarify' ? decision.intents : [];
  const intent = named.find((i) => fact.faqs.includes(i)) ?? fact.faqs[0];
  return { kind: 'answer', intent, score: FACT_SCORE, fact: fact.id, ...(agrees ? {} : { overruled: true }) };
}

/**
 * A rule yields to an out-of-scope training utterance at least this similar to the question (cosine of n-grams: the
 * same text, spacing or a particle aside). So marking a text a rule answered as out of scope in the inbox, then
 * publishing, stops the rule for that question, as labelling it does for NLP.js.
 */
export const FACT_YIELDS_AT = 0.9;

function decideIntent(result: NluResult, t: DecisionThresholds): Decision {
  const { intent, score } = result;
  const topic = result.topic;
  const oneWord = result.spread ? oneWordOffers(result, t) : undefined;
  if (oneWord?.length) return { kind: 'clarify', intents: oneWord, score, reason: 'short' };
  const shortAsk = result.short && !oneWord ? shortCandidates(result, t) : [];
  if (shortAsk.length && (isOutOfScope(intent) || score < t.confident || shortAsk.length > 1)) {
    return { kind: 'clarify', intents: shortAsk, score, reason: 'short' };
  }
  if (isTopic(intent)) {
    // NLP.js's topic with no training utterance of it near the message ("강아지 산책은 몇 분이 좋아요" → time and place): not that topic
    if (!topic && result.support !== undefined && result.support < CONTROL_UNLIKE_MAX) return { kind: 'none', guess: intent, score, reason: 'unlike' };
    return score < t.minScore ? { kind: 'none', guess: intent, score, reason: 'low-score', ...(topic ? { topic } : {}) } : { kind: 'none', guess: intent, score, reason: 'topic', topic: intent };
  }
  if (intent === NONE) return { kind: 'none', guess: intent, score, reason: 'classifier', ...(topic ? { topic } : {}) };
  if (isGuardedControl(intent) && controlUnlike(result)) return { kind: 'none', guess: intent, score, reason: 'unlike', ...(topic ? { topic } : {}) };
  const split = splitBetweenTwo(result);
  // two FAQs sharing the score, unless the question's head noun is one the bot does not know (then it asks about that: "혹시 … 말씀이신가요?")
  if (split && !topic && !result.unknownHead) return { kind: 'clarify', intents: split, score, reason: 'close' };
  if (score < t.minScore && !(result.clause && agreesWithNeighbour(result, t.minSimilarity))) {
    return { kind: 'none', guess: intent, score, reason: 'low-score', ...(topic ? { topic } : {}) };
  }
  if (score < t.confident && !hasSimilarUtterance(result, t.minSimilarity)) {
    return { kind: 'none', guess: intent, score, reason: 'no-similar-utterance', ...(topic ? { topic } : {}) };
  }
  if (topic && isFaq(intent)) return { kind: 'clarify', intents: [intent], score, reason: 'topic', topic };
  if (result.unknownHead && isFaq(intent)) return { kind: 'clarify', intents: [intent], score, reason: 'unknown', head: result.unknownHead };
  if (isFaq(intent) && unlike(result)) return { kind: 'clarify', intents: [intent], score, reason: 'unlike' };
  const second = result.alternatives[0];
  if (second && isFaq(intent) && isFaq(second.intent) && second.score >= t.clarifyMinSecond && score - second.score < t.clarifyMargin) {
    return { kind: 'clarify', intents: [intent, second.intent], score, reason: 'close' };
  }
  return { kind: 'answer', intent, score };
}

/** Below this support (cosine of the winning FAQ's nearest training utterance) no utterance of it looks like the question. */
const UNLIKE_MAX = 0.1;
/** …and below this when the nearest training utterance of all is out of scope… */
const UNLIKE_OOS_MAX = 0.2;
/** …or below this share of that out-of-scope utterance's similarity, when it is at least NEAR_OOS_MIN alike. */
const UNLIKE_OOS_RATIO = 0.6;
const NEAR_OOS_MIN = 0.4;

/**
 * NLP.js is sure of an FAQ, but none of that FAQ's training utterances looks like the question (support below
 * UNLIKE_MAX, or below UNLIKE_OOS_MAX when an out-of-scope utterance is the nearest of all, or well below that
 * utterance's similarity when it is close): it extrapolated from a word or two ("운수사에 등록해둔 전화번호 바꾸는 방법" is
 * not signing up; "택시운전 자격증 잃어버렸어요 재발급 어디서 해요" is 0.60 like a None row and 0.26 like the nearest
 * forgot_credentials one). The bot asks instead of answering.
 */
function unlike(result: NluResult): boolean {
  const nearest = result.neighbours?.[0];
  const closeOther = !!nearest && isOutOfScope(nearest.intent) && nearest.similarity >= NEAR_OOS_MIN;
  const { support } = result;
  if (support === undefined) {
    // a short message has no support of its own: only a close out-of-scope utterance speaks against it, against the
    // FAQ's nearest utterance among the neighbours ("밥은 먹었어요": None 0.48, forgot_credentials 0.13)
    if (!result.short || !closeOther) return false;
    const own = result.neighbours?.find((n) => n.intent === result.intent)?.similarity ?? 0;
    return own < UNLIKE_OOS_RATIO * nearest.similarity;
  }
  if (support < UNLIKE_MAX) return true;
  if (!nearest || !isOutOfScope(nearest.intent)) return false;
  return support < UNLIKE_OOS_MAX || (closeOther && support < UNLIKE_OOS_RATIO * nearest.similarity);
}

/** A greeting or cancel needs a training utterance of its own at least this similar when the nearest of all is out of scope. */
const CONTROL_UNLIKE_MAX = 0.2;
/** …and at least this share of the nearest out-of-scope utterance's similarity. */
const CONTROL_UNLIKE_RATIO = 0.5;

/**
 * NLP.js gave small talk to greeting or cancel ("심심하다" → cancel, "근처 맛집 알려줘" → greeting: they border on
 * `None`'s small talk), but the nearest training utterance of all is out of scope and none of the control intent's
 * utterances comes near (support below CONTROL_UNLIKE_MAX, or under half the out-of-scope one's similarity: "네" is
 * 0.82 like `None`'s "네네", 0.24 like greeting's "네 감사합니다"): the message is `None`. Short messages count too, and
 * a typo'd greeting ("하으", "수교하세요") still passes: its nearest utterance is not out of scope, or it is near enough.
 * The same when an FAQ's utterance is the nearest and none of the control intent's is near at all (below).
 */
function controlUnlike(result: NluResult): boolean {
  const { support } = result;
  const nearest = result.neighbours?.[0];
  if (support === undefined || !nearest) return false;
  if (isOutOfScope(nearest.intent)) return support < Math.max(CONTROL_UNLIKE_MAX, nearest.similarity * CONTROL_UNLIKE_RATIO);
  return isFaq(nearest.intent) && support < CONTROL_NO_SUPPORT && nearest.similarity >= CONTROL_FAQ_NEAR;
}

/**
 * …or, when the nearest training utterance is an FAQ's at least CONTROL_FAQ_NEAR alike, a support under
 * CONTROL_NO_SUPPORT: "그게 언제쯤이에요?" was cancel at 1.00 with support 0.04, the nearest utterance 운행 시작 시기's at
 * 0.42. Looser bounds (support under 0.2 and half the FAQ's similarity) lost five cancel and greeting rows in
 * cross-validation (됐다, 됐고요); these moved no row of it or of any dev set.
 */
const CONTROL_NO_SUPPORT = 0.1;
const CONTROL_FAQ_NEAR = 0.35;

/** Two FAQs that share the score between them (two questions in one message) are both offered. */
const SPLIT_MIN_SECOND = 0.3;
const SPLIT_MIN_SUM = 0.85;

/**
 * Two FAQs asked together ("처음 로그인하는 법이랑 리프레시 교육이 뭔지도"): NLP.js splits its score between them, so
 * neither reaches minScore; when both are FAQs and together hold nearly all of it, ask which one first.
 */
function splitBetweenTwo(result: NluResult): [string, string] | undefined {
  const second = result.alternatives[0];
  if (!second || !isFaq(result.intent) || !isFaq(second.intent)) return undefined;
  return second.score >= SPLIT_MIN_SECOND && result.score + second.score >= SPLIT_MIN_SUM ? [result.intent, second.intent] : undefined;
}

/** A short message's FAQ candidate needs this NLP.js score or this cosine to its nearest training utterance. */
const SHORT_MIN_SCORE = 0.2;
const SHORT_MIN_SIMILARITY = 0.4;

/**
 * The FAQs a short message could mean (at most 3, best first): NLP.js's FAQ guesses and the FAQs of its nearest
 * training utterances, each with enough evidence. Empty when a control intent (handoff, greeting, cancel) is sure.
 */
function shortCandidates(result: NluResult, t: DecisionThresholds): string[] {
  if (!isFaq(result.intent) && !isOutOfScope(result.intent) && result.score >= t.confident) return [];
  const ranked = [{ intent: result.intent, score: result.score }, ...result.alternatives];
  const byScore = ranked.filter((a) => isFaq(a.intent) && a.score >= SHORT_MIN_SCORE).map((a) => a.intent);
  const byNeighbour = (result.neighbours ?? []).filter((n) => isFaq(n.intent) && n.similarity >= SHORT_MIN_SIMILARITY).map((n) => n.intent);
  return [...new Set([...byScore, ...byNeighbour])].slice(0, 3);
}

/** A one-word message is answered without asking only when NLP.js (this score) and the training data (this share) both give it to one FAQ. */
const ONE_WORD_DECISIVE = 0.95;
const ONE_WORD_DECISIVE_SHARE = 0.9;
/** A one-word message's candidates: NLP.js's FAQs from this score, nearest utterances from this cosine, FAQs holding the word. */
const ONE_WORD_MIN_SCORE = 0.05;
const ONE_WORD_MIN_SIMILARITY = 0.3;
const ONE_WORD_MIN_SHARE = 0.1;
const ONE_WORD_MIN_COUNT = 3;

/**
 * The FAQs to offer for a one-word message (`교육`, `로그인`, `비번`), at most 3, NLP.js's order first: empty when a
 * control intent, `None` (≥ 0.95) or an out-of-scope topic is sure, or when one FAQ decides (NLP.js ≥ 0.95, ≥ 90% of the
 * FAQ training utterances holding the word are that FAQ's, and under 10% of the FAQ and `None` utterances holding it are
 * `None`'s: `회원가입`, `재수강`). A word that one FAQ uses but questions about other things use too (`기한`: 과태료 납부
 * 기한, 13% `None`) gets that FAQ alone, asked as "혹시 … 말씀이신가요?".
 */
function oneWordOffers(result: NluResult, t: DecisionThresholds): string[] {
  const { intent, score } = result;
  const spread = result.spread ?? [];
  if (intent === NONE ? score >= ONE_WORD_DECISIVE : !isFaq(intent) && score >= (isTopic(intent) ? t.minScore : t.confident)) return [];
  const shareOf = (id: string) => spread.find((s) => s.intent === id)?.share ?? 0;
  if (isFaq(intent) && score >= ONE_WORD_DECISIVE && shareOf(intent) >= ONE_WORD_DECISIVE_SHARE && shareOf(NONE) < 1 - ONE_WORD_DECISIVE_SHARE) return [];
  const ranked = [{ intent, score }, ...result.alternatives].filter((a) => isFaq(a.intent) && a.score >= ONE_WORD_MIN_SCORE).map((a) => a.intent);
  const near = (result.neighbours ?? []).filter((n) => isFaq(n.intent) && n.similarity >= ONE_WORD_MIN_SIMILARITY).map((n) => n.intent);
  const holding = spread.filter((s) => isFaq(s.intent) && s.share >= ONE_WORD_MIN_SHARE && s.count >= ONE_WORD_MIN_COUNT).map((s) => s.intent);
  return [...new Set([...ranked, ...near, ...holding])].slice(0, 3);
}

/**
 * For the asked part after a contrast (a short text, so NLP.js spreads its score): its nearest training utterance
 * belongs to the same FAQ.
 */
function agreesWithNeighbour(result: NluResult, min: number): boolean {
  const nearest = result.neighbours?.[0];
  return isFaq(result.intent) && nearest?.intent === result.intent && nearest.similarity >= min;
}

/**
 * The second opinion: some training utterance of an answerable intent is at least `min` similar, and the
 * nearest utterance overall is not an out-of-scope one. Without neighbour data it does not object.
 */
function hasSimilarUtterance(result: NluResult, min: number): boolean {
  const neighbours = result.neighbours;
  if (!neighbours) return true;
  const nearest = neighbours[0];
  if (!nearest || isOutOfScope(nearest.intent)) return false;
  if (nearest.similarity < min) return false;
  // the nearest utterance is another intent's, and none of the winner's comes near (its support): no second opinion
  // for the winner ("안들으먼 어떻게 되는데요": sign-up 0.56 with support 0.15, the nearest utterance 미수료's at 0.25)
  return !isFaq(result.intent) || nearest.intent === result.intent || result.support === undefined || result.support >= min;
}

/**
 * The intent a decision stands for (what `/nlu/parse` answers): the answered intent; for a clarification between
 * FAQs (close scores, or a short message) its first candidate; `None` for out of scope, and for a "did you mean"
 * on an other-topic or unknown head noun (the bot does not answer the FAQ unless the partner taps it).
 * @example finalIntent({ kind: 'clarify', intents: ['faq.first_login', 'faq.forgot_credentials'], score: 0.5, reason: 'close' }) // 'faq.first_login'
 */
export function finalIntent(decision: Decision): string {
  if (decision.kind === 'none') return NONE;
  if (decision.kind === 'clarify') return decision.reason === 'topic' || decision.reason === 'unknown' || decision.reason === 'unlike' ? NONE : decision.intents[0];
  return decision.intent;
}
