/** Synthetic turns for the event-store suites: a TurnInput and the TurnReport the conversation would give. */
import type { TurnReport } from '../../src/dialog/conversation';
import type { Outcome, Route, TurnInput } from '../../src/dialog/types';

export interface FakeTurn {
  text?: string;
  user?: string;
  at?: number;
  route?: Route;
  intent?: string;
  score?: number;
  outcome?: Outcome;
  dialog?: { flow: string; step: string } | null;
  guess?: { intent: string; score: number };
  latencyMs?: number;
  failed?: boolean;
  /** Whether the session read before the turn had a dialog (undefined: it could not be read). Default false. */
  dialogOpen?: boolean;
}

let seq = 0;

/** One turn and its report. Defaults: a fallback of user `u1` at 2026-12-01 12:00 KST. */
export function fakeTurn(t: FakeTurn = {}): [TurnInput, TurnReport] {
  const text = t.text ?? '오늘 날씨 어때요';
  const turn: TurnInput = { requestId: `r${seq++}`, userKey: t.user ?? 'u1', utterance: text, clientExtra: {}, now: t.at ?? Date.UTC(2026, 11, 1, 3) };
  const outcome = t.outcome ?? 'fallback';
  const intent = t.intent ?? (outcome === 'fallback' ? 'None' : 'faq.signup');
  const nlu = {
    intent: outcome === 'fallback' ? 'None' : intent,
    score: t.score ?? 0.8,
    alternatives: t.guess ? [t.guess] : [],
    normalized: text,
  };
  const report = {
    response: { version: '2.0', template: { outputs: [{ simpleText: { text: 'x' } }] } },
    result: t.failed ? null : { replies: [], route: t.route ?? 'nlu', intent, score: t.score ?? 0.8, nlu, outcome, dialog: t.dialog ?? null },
    latencyMs: t.latencyMs ?? 3,
    dialogOpen: 'dialogOpen' in t ? t.dialogOpen : false,
  } as unknown as TurnReport;
  return [turn, report];
}
