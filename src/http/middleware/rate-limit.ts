/** Per-user turn limit on /skill: the webhook answers a limited turn with a polite SkillResponse (HTTP 200), not a bare 429. */
import crypto from 'node:crypto';
import { userTag, type Logger } from '../../log/logger';
import { WindowCounter } from './window-counter';

export interface RateLimitOptions {
  /** Turns a user may take per window. */
  turns: number;
  windowMs: number;
  logger?: Logger;
  /** Most users tracked at once (memory bound). */
  maxKeys?: number;
  now?: () => number;
}

/** Decides, per parsed body, whether the turn may go ahead. */
export interface RateLimiter {
  allow(body: unknown, requestId: string): boolean;
}

/** Longest user key stored as is; longer (hostile) keys are stored as a hash. */
const MAX_KEY_CHARS = 128;

/**
 * Counts turns per `userRequest.user.id` (botUserKey). Bodies without a user id are allowed, so the
 * payload parser can answer them with its 400. The first refused turn in a window is logged (with
 * the user pseudonym, never the key).
 * @example const limiter = rateLimiter({ turns: 30, windowMs: 10_000 }); limiter.allow(body, 'req-1')
 */
export function rateLimiter({ turns, windowMs, logger, maxKeys, now = Date.now }: RateLimitOptions): RateLimiter {
  const counter = new WindowCounter({ windowMs, maxKeys });
  const log = logger?.child({ module: 'rate-limit' });
  return {
    allow(body, requestId) {
      const key = userKeyOf(body);
      if (key === undefined) return true;
      const hits = counter.hit(key.length > MAX_KEY_CHARS ? hashKey(key) : key, now());
      if (hits <= turns) return true;
      if (hits === turns + 1) log?.warn('rate limited', { requestId, user: userTag(key), turns, windowMs });
      return false;
    },
  };
}

function userKeyOf(body: unknown): string | undefined {
  const id = (body as { userRequest?: { user?: { id?: unknown } } } | undefined)?.userRequest?.user?.id;
  if (typeof id === 'number') return String(id); // read as a string, as the payload schema does
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

function hashKey(key: string): string {
  return `#${crypto.createHash('sha256').update(key).digest('base64')}`;
}
