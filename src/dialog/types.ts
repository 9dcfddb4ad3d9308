/** Types shared by the turn handler, the dialog engine and the HTTP route. */
import type { Reply, TapTarget } from '../content/render';
import type { NluResult } from '../nlu/classifier';
import type { Session } from './session';

/** One user turn, built once per request. */
export interface TurnInput {
  requestId: string;
  userKey: string;
  utterance: string;
  clientExtra: Record<string, unknown>;
  /** The attachment's kind (`image`, `file`, …) when the partner sent a photo or file instead of text. */
  media?: string;
  /** Milliseconds since the epoch (injectable clock). */
  now: number;
  /** When the request arrived (real `Date.now()`): the turn budget counts from here, queue wait included. */
  arrivedAt?: number;
}

export type Route = 'tap' | 'exact' | 'nlu' | 'dialog';

export type Outcome =
  | 'answered'
  | 'menu'
  | 'clarified'
  | 'fallback'
  /** A known out-of-scope topic (`oos.*`) answered honestly with 1533-0301; the turn's intent is the topic. */
  | 'out_of_scope'
  | 'handoff'
  | 'cancelled'
  | 'dialog_started'
  | 'dialog_step'
  | 'dialog_completed'
  | 'dialog_abandoned'
  | 'error';

/** What a turn produced, before it becomes Kakao JSON. */
export interface TurnResult {
  replies: Reply[];
  route: Route;
  intent: string;
  score?: number;
  nlu?: NluResult;
  outcome: Outcome;
  /** A fact rule answered where NLP.js alone would not have (`Decision.overruled`): the text is kept for the inbox. */
  overruled?: boolean;
  /**
   * The FAQ answered before, with which this message was read as a follow-up (`followups.ts`). Its text is not kept
   * for the inbox: it means what it means only after that answer, and labelled to an intent it would teach the
   * classifier a context it never sees.
   */
  context?: string;
  /** Session after the turn; undefined means "delete it". */
  session?: Session;
  /** A readable snapshot of dialog state for the simulator inspector (never slot values). */
  dialog?: { flow: string; step: string } | null;
}

/**
 * A guided dialog plugged into the turn handler. `handle` sees every turn while a dialog is active
 * (before the classifier) and may return null to let normal routing answer; `act` runs tapped actions.
 */
export interface DialogPlugin {
  /** Action ids this plugin handles (e.g. `reset.start`). */
  readonly actions: readonly string[];
  /** Intents that start a dialog directly when classified (e.g. a reset request). */
  startIntent?(intent: string, turn: TurnInput, session: Session, ctx: TurnContext): Promise<TurnResult | null>;
  act(action: string, turn: TurnInput, session: Session, ctx: TurnContext): Promise<TurnResult>;
  handle(turn: TurnInput, session: Session, ctx: TurnContext): Promise<TurnResult | null>;
  /** The active step's prompt, for a turn that keeps the dialog where it is (e.g. the password warning). */
  prompt?(session: Session, ctx: TurnContext): { reply: Reply; dialog: { flow: string; step: string } } | null;
}

/** Helpers the turn handler lends to dialog plugins. */
export interface TurnContext {
  render(id: string, params?: Record<string, string | number>): Reply;
  /** Classify with an optional allow-list (dialog-aware classification). */
  classify(text: string, allowList?: string[]): Promise<NluResult>;
  /** Answer an intent as the FAQ would (used for digressions). */
  answer(intent: string, turn: TurnInput, session: Session, route: Route, nlu?: NluResult): Promise<TurnResult>;
}

export type { Reply, TapTarget };
