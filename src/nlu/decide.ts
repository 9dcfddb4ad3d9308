/** Turns a classification into a decision: answer, ask which of two was meant, or fall back (out of scope). */
import { NONE, type NluResult } from './classifier';

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

export type Decision =
  | { kind: 'answer'; intent: string; score: number }
  | { kind: 'clarify'; intents: [string, string]; score: number }
  | { kind: 'none'; guess: string; score: number; reason: NoneReason };

export type NoneReason = 'classifier' | 'low-score' | 'no-similar-utterance';

/**
 * Decide what to do with a classification.
 * @example decide({ intent: 'faq.signup', score: 0.9, alternatives: [], normalized: '' }).kind // 'answer'
 */
export function decide(result: NluResult, t: DecisionThresholds = DEFAULT_THRESHOLDS): Decision {
  const { intent, score } = result;
  if (intent === NONE) return { kind: 'none', guess: intent, score, reason: 'classifier' };
  if (score < t.minScore) return { kind: 'none', guess: intent, score, reason: 'low-score' };
  if (score < t.confident && !hasSimilarUtterance(result, t.minSimilarity)) {
    return { kind: 'none', guess: intent, score, reason: 'no-similar-utterance' };
  }
  const second = result.alternatives[0];
  if (
    second &&
    intent.startsWith('faq.') &&
    second.intent.startsWith('faq.') &&
    second.score >= t.clarifyMinSecond &&
    score - second.score < t.clarifyMargin
  ) {
    return { kind: 'clarify', intents: [intent, second.intent], score };
  }
  return { kind: 'answer', intent, score };
}

/**
 * The second opinion: some training utterance of an answerable intent is at least `min` similar, and the
 * nearest utterance overall is not an out-of-scope one. Without neighbour data it does not object.
 */
function hasSimilarUtterance(result: NluResult, min: number): boolean {
  const neighbours = result.neighbours;
  if (!neighbours) return true;
  const nearest = neighbours[0];
  if (!nearest || nearest.intent === NONE) return false;
  return nearest.similarity >= min;
}

/**
 * The intent a decision stands for: the answered intent, the first of a clarification, or `None`.
 * @example finalIntent({ kind: 'clarify', intents: ['faq.first_login', 'faq.forgot_credentials'], score: 0.5 }) // 'faq.first_login'
 */
export function finalIntent(decision: Decision): string {
  if (decision.kind === 'none') return NONE;
  return decision.kind === 'clarify' ? decision.intents[0] : decision.intent;
}
