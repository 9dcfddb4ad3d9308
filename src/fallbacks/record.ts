/** FallbackRecord: one utterance that fell to `None`, masked, as stored in the JSONL log. */
import { z } from 'zod';
import type { TurnReport } from '../dialog/conversation';
import type { TurnInput } from '../dialog/types';
import { MAX_KEPT_CHARS, maskKept } from '../log/mask';
import { NONE, type NluResult } from '../nlu/classifier';

/** Longest text kept per record (the classifier reads at most 300 characters anyway). */
export const MAX_RECORD_CHARS = MAX_KEPT_CHARS;

export const FallbackRecord = z.object({
  ts: z.string(),
  /** The utterance with phones, dates, passwords and long digit runs masked. */
  text: z.string(),
  /** NLP.js's top intent and score (often `None`). */
  intent: z.string(),
  score: z.number(),
  /** The best answerable intent NLP.js saw, even if too weak to answer with; null when it saw none. */
  guess: z.string().nullable(),
  guessScore: z.number().nullable(),
});
export type FallbackRecord = z.infer<typeof FallbackRecord>;

/**
 * The record for a turn, or null when the turn was not a fallback. Turns inside a guided dialog are never
 * recorded (the text may be a slot answer such as a name, which masking cannot recognise), as in the turn log.
 * @example toRecord(turn, report)?.text // '제 번호는 010-****-5678 입니다'
 */
export function toRecord(turn: TurnInput, report: TurnReport): FallbackRecord | null {
  const result = report.result;
  if (result?.outcome !== 'fallback' || result.route === 'dialog' || result.dialog != null) return null;
  if (report.dialogOpen !== false) return null; // a dialog was open, or the session was never read and may have held one
  const nlu = result.nlu;
  const guess = nlu ? bestGuess(nlu) : null;
  return {
    ts: new Date(turn.now).toISOString(),
    text: maskKept(turn.utterance),
    intent: nlu?.intent ?? NONE,
    score: nlu?.score ?? 0,
    guess: guess?.intent ?? null,
    guessScore: guess?.score ?? null,
  };
}

/**
 * The top intent unless it is `None`, else the best alternative that is not `None`.
 * @example bestGuess({ intent: 'None', score: 0.9, alternatives: [{ intent: 'faq.signup', score: 0.1 }] }) // { intent: 'faq.signup', score: 0.1 }
 */
export function bestGuess(nlu: Pick<NluResult, 'intent' | 'score' | 'alternatives'>): { intent: string; score: number } | null {
  if (nlu.intent !== NONE) return { intent: nlu.intent, score: nlu.score };
  return nlu.alternatives.find((a) => a.intent !== NONE) ?? null;
}
