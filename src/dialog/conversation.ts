/** Conversation: one turn end to end — session read, bot, session write — within a time budget, never throwing. */
import type { Renderer, Reply } from '../content/render';
import { skillResponse } from '../kakao/build';
import type { SkillResponse } from '../kakao/response';
import type { Logger } from '../log/logger';
import type { Bot } from './turn';
import { upgradeSession, type Session } from './session';
import type { SessionStore } from './stores/store';
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
}

export interface TurnReport {
  response: SkillResponse;
  /** Null when the turn failed or ran out of time and the apology was sent. */
  result: TurnResult | null;
  latencyMs: number;
  error?: 'timeout' | 'store' | 'internal';
}

/** Raised inside a turn when the budget runs out. */
class DeadlineError extends Error {
  override name = 'DeadlineError';
}

export class Conversation {
  private readonly queue = new KeyedQueue();

  constructor(private readonly opts: ConversationOptions) {}

  /** Answer one turn. Turns of the same user run one after another, in arrival order. */
  respond(turn: TurnInput): Promise<TurnReport> {
    return this.queue.run(turn.userKey, () => this.respondNow(turn));
  }

  private async respondNow(turn: TurnInput): Promise<TurnReport> {
    const started = Date.now();
    const { budgetMs = 4000 } = this.opts;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineError(`turn over ${budgetMs} ms`)), budgetMs);
    });
    try {
      const result = await Promise.race([this.turn(turn), deadline]);
      return { response: toSkillResponse(result.replies), result, latencyMs: Date.now() - started };
    } catch (err) {
      const kind = err instanceof DeadlineError ? 'timeout' : isStoreError(err) ? 'store' : 'internal';
      this.opts.logger.error('turn failed', { requestId: turn.requestId, kind, error: describe(err) });
      return { response: this.apology(), result: null, latencyMs: Date.now() - started, error: kind };
    } finally {
      clearTimeout(timer);
    }
  }

  private async turn(turn: TurnInput): Promise<TurnResult> {
    const { store, bot, sessionTtlMs = 600_000 } = this.opts;
    const session = upgradeSession(await store.read(turn.userKey));
    const result = await bot.handle(turn, session);
    if (result.session) await store.write(turn.userKey, result.session, sessionTtlMs);
    else await store.delete(turn.userKey);
    return result;
  }

  /** The apology with 1533-0301 (content `system.error`), with a hard-coded last resort. */
  apology(): SkillResponse {
    try {
      return toSkillResponse([this.opts.renderer.render('system.error')]);
    } catch {
      return LAST_RESORT;
    }
  }
}

/** Concatenate replies: outputs in order, quick replies of the last reply that has any. */
export function toSkillResponse(replies: Reply[]): SkillResponse {
  const outputs = replies.flatMap((r) => r.outputs);
  const withQr = [...replies].reverse().find((r) => r.quickReplies.length > 0);
  return skillResponse(outputs, withQr?.quickReplies ?? []);
}

function isStoreError(err: unknown): boolean {
  const name = (err as Error)?.name ?? '';
  return /Store|Redis|Reply|Connection/.test(name);
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

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
