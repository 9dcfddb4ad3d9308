/** Conversation: one turn end to end — session read, bot, session write — within a time budget, never throwing. */
import type { Renderer, Reply } from '../content/render';
import { deepFreeze, skillResponse } from '../kakao/build';
import type { SkillResponse } from '../kakao/response';
import type { Logger } from '../log/logger';
import type { Bot } from './turn';
import { initialSession, upgradeSession, type Session } from './session';
import type { Release, SessionStore } from './stores/store';
import type { TurnInput, TurnResult } from './types';
import { KeyedQueue } from './keyed-queue';

export interface ConversationOptions {
  bot: Bot;
  store: SessionStore<Session>;
  renderer: Renderer;
  logger: Logger;
  /** Answer within this many ms, or apologise (Kakao waits 5 s). */
  budgetMs?: number;
  /** Idle TTL of a stored session. */
  sessionTtlMs?: number;
  /** Turns of one user that may wait behind the one running; an older waiting turn is told "one at a time". */
  maxWaitingTurns?: number;
}

/** A few turns of one user may wait (a quick correction after an answer); a burst beyond that is shed. */
export const MAX_WAITING_TURNS = 2;

export interface TurnReport {
  response: SkillResponse;
  /** Null when the turn failed or ran out of time and the apology was sent. */
  result: TurnResult | null;
  latencyMs: number;
  error?: 'timeout' | 'store' | 'internal' | 'superseded';
  /**
   * Whether the user had a dialog open when the turn began, from the session read before the bot ran; undefined
   * when that read never happened or failed. Only `false` lets a caller keep the utterance (a slot answer such as
   * a name cannot be recognised by masking).
   */
  dialogOpen?: boolean;
}

/** What one turn learns while it runs, shared with whoever answers it (the deadline may answer first). */
interface TurnState {
  dialogOpen?: boolean;
  /** Set when the turn has been answered (the apology on time-out): the late work must not log its failure again. */
  answered: boolean;
}

/**
 * The outcome to count and log for a turn: its result's, or `superseded` (a newer turn of the user took its place),
 * or `error`.
 * @example outcomeOf(report) // 'answered'
 */
export function outcomeOf(report: TurnReport): string {
  return report.result?.outcome ?? (report.error === 'superseded' ? 'superseded' : 'error');
}

/** Raised inside a turn when the budget runs out. */
class DeadlineError extends Error {
  override name = 'DeadlineError';
}

export class Conversation {
  private readonly queue: KeyedQueue;

  constructor(private readonly opts: ConversationOptions) {
    this.queue = new KeyedQueue(opts.maxWaitingTurns ?? MAX_WAITING_TURNS);
  }

  /**
   * Answer one turn. Turns of the same user run one after another, in arrival order; at most `maxWaitingTurns`
   * wait, and an older one is answered at once with `system.one_at_a_time` when a newer one arrives. The budget
   * counts from `turn.arrivedAt`: a turn still waiting when it runs out gets the apology, on time.
   */
  respond(turn: TurnInput): Promise<TurnReport> {
    const arrived = turn.arrivedAt ?? Date.now();
    const { budgetMs = 4000 } = this.opts;
    const state: TurnState = { answered: false };
    let expire: (err: DeadlineError) => void = () => undefined;
    const deadline = new Promise<never>((_, reject) => (expire = reject));
    deadline.catch(() => undefined); // raced by the running turn; unobserved when the turn never ran
    const { result, withdraw } = this.queue.push(turn.userKey, {
      run: () => this.respondNow(turn, state, arrived, deadline),
      shed: (why) => (why === 'superseded' ? this.shed(arrived) : this.failed(turn, state, arrived, new DeadlineError(`turn waited over ${budgetMs} ms`))),
    });
    const timer = setTimeout(() => withdraw() || expire(new DeadlineError(`turn over ${budgetMs} ms`)), Math.max(0, budgetMs - (Date.now() - arrived)));
    return result.finally(() => {
      state.answered = true;
      clearTimeout(timer);
    });
  }

  private async respondNow(turn: TurnInput, state: TurnState, arrived: number, deadline: Promise<never>): Promise<TurnReport> {
    try {
      const result = await Promise.race([this.turn(turn, state), deadline]);
      const failed = result.outcome === 'error' ? { error: 'store' as const } : {};
      return { response: toSkillResponse(result.replies), result, latencyMs: Date.now() - arrived, dialogOpen: state.dialogOpen, ...failed };
    } catch (err) {
      return this.failed(turn, state, arrived, err);
    } finally {
      state.answered = true;
    }
  }

  /** The apology for a turn that failed or ran out of time, logged once. */
  private failed(turn: TurnInput, state: TurnState, arrived: number, err: unknown): TurnReport {
    const kind = err instanceof DeadlineError ? 'timeout' : isStoreError(err) ? 'store' : 'internal';
    this.opts.logger.error('turn failed', { requestId: turn.requestId, kind, error: describe(err) });
    return { response: this.apology(), result: null, latencyMs: Date.now() - arrived, error: kind, dialogOpen: state.dialogOpen };
  }

  /** A waiting turn a newer one replaced: "한 번에 하나씩 답해 드릴게요" (content `system.one_at_a_time`). */
  private shed(arrived: number): TurnReport {
    return { response: this.render('system.one_at_a_time', ONE_AT_A_TIME), result: null, latencyMs: Date.now() - arrived, error: 'superseded' };
  }

  /**
   * Lock (across processes, when the store can), read, answer, write. When the store fails, a turn that needs no
   * session (an FAQ) is still answered; a dialog turn gets the apology.
   */
  private async turn(turn: TurnInput, state: TurnState): Promise<TurnResult> {
    const { store, bot, budgetMs = 4000 } = this.opts;
    let release: Release | undefined;
    let session: Session;
    try {
      release = await store.lock?.(turn.userKey, { ttlMs: budgetMs + 1000, waitMs: Math.min(budgetMs / 2, 2000) });
      session = upgradeSession(await store.read(turn.userKey));
      state.dialogOpen = session.dialog !== undefined;
    } catch (err) {
      await release?.().catch(() => undefined);
      if (!isStoreError(err)) throw err;
      return this.withoutSession(turn, err, state);
    }
    try {
      const result = await bot.handle(turn, session);
      return await this.save(turn, result, state);
    } finally {
      await release?.().catch(() => undefined);
    }
  }

  private async save(turn: TurnInput, result: TurnResult, state: TurnState): Promise<TurnResult> {
    const { store, sessionTtlMs = 600_000 } = this.opts;
    try {
      if (result.session) await store.write(turn.userKey, result.session, sessionTtlMs);
      else await store.delete(turn.userKey);
      return result;
    } catch (err) {
      if (!isStoreError(err)) throw err;
      return this.degrade(turn, result, err, state);
    }
  }

  /** The session store is down or slow: answer from a fresh session if the turn can do without one. */
  private async withoutSession(turn: TurnInput, err: unknown, state: TurnState): Promise<TurnResult> {
    return this.degrade(turn, await this.opts.bot.handle(turn, initialSession()), err, state);
  }

  /** A turn already answered (it ran out of time) was logged then: its late failure is not logged again. */
  private degrade(turn: TurnInput, result: TurnResult, err: unknown, state: TurnState): TurnResult {
    const log = state.answered ? undefined : this.opts.logger;
    if (!needsSession(turn, result)) {
      log?.warn('session store unavailable, answered without the session', { requestId: turn.requestId, kind: 'store', error: describe(err) });
      return { ...result, session: undefined };
    }
    log?.error('turn failed', { requestId: turn.requestId, kind: 'store', error: describe(err) });
    // route `dialog`: the text may be a slot answer, so it stays out of the turn log
    return { replies: [this.apologyReply()], route: 'dialog', intent: 'system.error', outcome: 'error', dialog: null };
  }

  private apologyReply(): Reply {
    try {
      return this.opts.renderer.render('system.error');
    } catch {
      return { outputs: LAST_RESORT.template.outputs, quickReplies: [] };
    }
  }

  /** The apology with 1533-0301 (content `system.error`), with a hard-coded last resort. */
  apology(): SkillResponse {
    return this.render('system.error', LAST_RESORT);
  }

  private render(id: string, lastResort: SkillResponse): SkillResponse {
    try {
      return toSkillResponse([this.opts.renderer.render(id)]);
    } catch {
      return lastResort;
    }
  }
}

/**
 * Concatenate replies: outputs in order, quick replies of the last reply that has any.
 * The response depends only on those arrays. When every one of them is frozen (only the Renderer freezes them, and
 * deeply: replies rendered without placeholders, shared across turns), the response is assembled and checked against
 * the strict schema once per combination, deeply frozen, and shared (the route serializes a frozen answer once).
 * Anything else (a reply rendered with params, a changed quick-reply list) is assembled and checked on every turn.
 */
export function toSkillResponse(replies: Reply[]): SkillResponse {
  const single = replies.length === 1 && Object.isFrozen(replies[0]) ? replies[0] : undefined; // most turns: one fixed reply
  const known = single && bySingleReply.get(single);
  if (known) return known;
  const response = fromParts(replies);
  if (single && Object.isFrozen(response)) bySingleReply.set(single, response);
  return response;
}

/** Shortcut for a single frozen (rendered-once) reply: one lookup. */
const bySingleReply = new WeakMap<Reply, SkillResponse>();

function fromParts(replies: Reply[]): SkillResponse {
  const parts = fixedParts(replies);
  if (!parts) return assemble(replies);
  let node = memo;
  for (const part of parts) {
    let next = node.next.get(part);
    if (!next) node.next.set(part, (next = { next: new WeakMap() }));
    node = next;
  }
  node.response ??= deepFreeze(assemble(replies));
  return node.response;
}

interface MemoNode {
  next: WeakMap<object, MemoNode>;
  response?: SkillResponse;
}
/** A trie over the identities of the frozen arrays a response is assembled from. */
const memo: MemoNode = { next: new WeakMap() };
/** Stands for "no quick replies" in a memo key. */
const NO_QUICK_REPLIES: object = Object.freeze([]);

/** The outputs arrays of every reply and the quick replies chosen, or undefined unless all are frozen. */
function fixedParts(replies: Reply[]): object[] | undefined {
  const parts: object[] = [];
  let quickReplies: object = NO_QUICK_REPLIES;
  for (const r of replies) {
    if (!Object.isFrozen(r.outputs) || !Object.isFrozen(r.quickReplies)) return undefined;
    parts.push(r.outputs);
    if (r.quickReplies.length > 0) quickReplies = r.quickReplies;
  }
  parts.push(quickReplies);
  return parts;
}

function assemble(replies: Reply[]): SkillResponse {
  const outputs = replies.flatMap((r) => r.outputs);
  let quickReplies: Reply['quickReplies'] = [];
  for (const r of replies) if (r.quickReplies.length > 0) quickReplies = r.quickReplies;
  return skillResponse(outputs, quickReplies);
}

/** A turn needs the session when it is part of a dialog (or might be: a tapped action, a fallback). */
function needsSession(turn: TurnInput, result: TurnResult): boolean {
  const tappedAction = typeof turn.clientExtra.action === 'string';
  return tappedAction || result.dialog != null || result.outcome.startsWith('dialog_') || result.outcome === 'fallback' || result.outcome === 'error';
}

function isStoreError(err: unknown): boolean {
  const name = (err as Error)?.name ?? '';
  return /Store|Redis|Reply|Connection/.test(name);
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

const ONE_AT_A_TIME: SkillResponse = deepFreeze({
  version: '2.0',
  template: { outputs: [{ simpleText: { text: '한 번에 하나씩 답해 드릴게요. 마지막으로 보내신 메시지에 이어서 답할게요.' } }] },
});

const LAST_RESORT: SkillResponse = {
  version: '2.0',
  template: {
    outputs: [
      {
        textCard: {
          description: '죄송해요, 지금은 답변을 드리기 어려워요. 파트너교육가이드센터(1533-0301)로 전화해 주세요.',
          buttons: [{ label: '1533-0301 전화', action: 'phone', phoneNumber: '1533-0301' }],
        },
      },
    ],
  },
};
