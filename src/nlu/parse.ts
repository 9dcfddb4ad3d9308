/** The decision path shared by `/nlu/parse` and `npm run eval`: classify, decide, report the final intent. */
import { NONE, type Classifier, type ClassifyOptions, type NluAlternative, type NluResult } from './classifier';
import { decide, DEFAULT_THRESHOLDS, finalIntent, type Decision, type DecisionThresholds } from './decide';
import { isOutOfScope } from './labels';

export interface ParseResult {
  /** The final decision: the answered intent, the first of a clarification, or `None` when out of scope. */
  intent: string;
  /** Confidence in `intent` (for `None`: how sure we are that nothing fits). */
  score: number;
  /** The classifier's raw top 3, best first, before any decision. */
  alternatives: NluAlternative[];
  normalized: string;
  /** Out of scope on a known topic (`oos.certificate` …): `intent` is `None`, this names the topic. */
  topic?: string;
  /** The fact of `intent` that the question asks for on its own (`fact.site_address` …): the bot answers that fact. */
  fact?: string;
  /** The bot asks instead of answering: the intents it offers, best first (`intent` is the first, or `None` for a "did you mean" on an other-topic head noun). */
  clarify?: string[];
}

/**
 * Turn a raw classification and its decision into what `/nlu/parse` answers.
 * @example toParseResult(nlu, decide(nlu)).intent // 'None' when decide fell back
 */
export function toParseResult(nlu: NluResult, decision: Decision): ParseResult {
  const raw = [{ intent: nlu.intent, score: nlu.score }, ...nlu.alternatives].slice(0, 3);
  const intent = finalIntent(decision);
  const topic = decision.kind === 'answer' ? undefined : decision.topic;
  return {
    intent,
    score: intent === NONE ? noneScore(nlu) : decision.kind === 'answer' && decision.fact ? decision.score : nlu.score,
    alternatives: raw,
    normalized: nlu.normalized,
    ...(topic ? { topic } : {}),
    ...(decision.kind === 'answer' && decision.fact ? { fact: decision.fact } : {}),
    ...(decision.kind === 'clarify' ? { clarify: decision.intents } : {}),
  };
}

/** How sure we are that nothing fits: NLP.js's own None (or out-of-scope topic) score, or what the best intent left over. */
function noneScore(nlu: NluResult): number {
  if (isOutOfScope(nlu.intent)) return nlu.score;
  const none = nlu.alternatives.find((a) => a.intent === NONE)?.score ?? 0;
  return Math.round(Math.max(none, 1 - nlu.score) * 10_000) / 10_000;
}

/**
 * Classify and decide in one go (what `/nlu/parse` and the evaluator run).
 * @example (await parse(classifier, '비번 까먹었어요')).intent // 'faq.forgot_credentials'
 */
export async function parse(
  classifier: Classifier,
  text: string,
  thresholds: DecisionThresholds = DEFAULT_THRESHOLDS,
  options: ClassifyOptions = {},
): Promise<ParseResult & { decision: Decision; nlu: NluResult }> {
  const nlu = await classifier.classify(text, options);
  const decision = decide(nlu, thresholds);
  return { ...toParseResult(nlu, decision), decision, nlu };
}
