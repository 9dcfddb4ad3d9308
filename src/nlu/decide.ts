/** Turns a classification into a decision: answer, ask which of two was meant, or fall back. */
import { NONE, type NluResult } from './classifier';

export interface DecisionThresholds {
  /** Below this top score the utterance is out of scope. */
  minScore: number;
  /** When top − second is below this (and the second is an answerable intent), ask which one. */
  clarifyMargin: number;
  /** The runner-up must reach at least this score to be offered in a clarification. */
  clarifyMinSecond: number;
}

/** Chosen on test/nlu/dev.tsv with `npm run eval -- --sweep` (see README, "Evaluating the NLU"). */
export const DEFAULT_THRESHOLDS: DecisionThresholds = { minScore: 0.5, clarifyMargin: 0.15, clarifyMinSecond: 0.25 };

export type Decision =
  | { kind: 'answer'; intent: string; score: number }
  | { kind: 'clarify'; intents: [string, string] }
  | { kind: 'none'; guess: string; score: number };

/**
 * @example decide({ intent: 'faq.signup', score: 0.9, alternatives: [], normalized: '' }).kind // 'answer'
 */
export function decide(result: NluResult, t: DecisionThresholds = DEFAULT_THRESHOLDS): Decision {
  const { intent, score } = result;
  if (intent === NONE || score < t.minScore) return { kind: 'none', guess: intent, score };
  const second = result.alternatives[0];
  if (
    second &&
    second.intent !== NONE &&
    second.score >= t.clarifyMinSecond &&
    score - second.score < t.clarifyMargin &&
    intent.startsWith('faq.') &&
    second.intent.startsWith('faq.')
  ) {
    return { kind: 'clarify', intents: [intent, second.intent] };
  }
  return { kind: 'answer', intent, score };
}
