/** The decision path shared by `/nlu/parse` and `npm run eval`: classify, decide, report the final intent. */
import { NONE, type Classifier, type ClassifyOptions, type NluAlternative, type NluResult } from './classifier';
import { decide, DEFAULT_THRESHOLDS, finalIntent, type Decision, type DecisionThresholds } from './decide';

export interface ParseResult {
  /** The final decision: the answered intent, the first of a clarification, or `None` when out of scope. */
  intent: string;
  /** Confidence in `intent` (for `None`: how sure we are that nothing fits). */
  score: number;
  /** The classifier's raw top 3, best first, before any decision. */
  alternatives: NluAlternative[];
  normalized: string;
}

/**
 * Turn a raw classification and its decision into what `/nlu/parse` answers.
 * @example toParseResult(nlu, decide(nlu)).intent // 'None' when decide fell back
 */
export function toParseResult(nlu: NluResult, decision: Decision): ParseResult {
  const raw = [{ intent: nlu.intent, score: nlu.score }, ...nlu.alternatives].slice(0, 3);
  const intent = finalIntent(decision);
  return { intent, score: intent === NONE ? noneScore(nlu) : nlu.score, alternatives: raw, normalized: nlu.normalized };
}

/** How sure we are that nothing fits: NLP.js's own None score, or what the best intent left over. */
function noneScore(nlu: NluResult): number {
  if (nlu.intent === NONE) return nlu.score;
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
