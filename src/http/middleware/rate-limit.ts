/** rateLimit: per-user turn limit on /skill, answered with a polite SkillResponse (HTTP 200), not a bare 429. */
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { userTag, type Logger } from '../../log/logger';
import { WindowCounter } from './window-counter';

export interface RateLimitOptions {
  /** Turns a user may take per window. */
  turns: number;
  windowMs: number;
  /** The body sent instead of an answer (a SkillResponse, so the partner sees something). */
  limited: () => unknown;
  logger?: Logger;
  /** Most users tracked at once (memory bound). */
  maxKeys?: number;
  now?: () => number;
}

/** Longest user key stored as is; longer (hostile) keys are stored as a hash. */
const MAX_KEY_CHARS = 128;

/**
 * Counts turns per `userRequest.user.id` (botUserKey). Bodies without a user id pass through, so
 * the payload parser can answer them with its 400. The first refused turn in a window is logged
 * (with the user pseudonym, never the key).
 * @example app.use('/skill', express.json(), rateLimit({ turns: 30, windowMs: 10_000, limited: () => reply }))
 */
export function rateLimit({ turns, windowMs, limited, logger, maxKeys, now = Date.now }: RateLimitOptions): RequestHandler {
  const counter = new WindowCounter({ windowMs, maxKeys });
  const log = logger?.child({ module: 'rate-limit' });
  return function rateLimit(req, res, next) {
    const key = userKeyOf(req.body);
    if (key === undefined) return next();
    const hits = counter.hit(key.length > MAX_KEY_CHARS ? hashKey(key) : key, now());
    if (hits <= turns) return next();
    if (hits === turns + 1) log?.warn('rate limited', { requestId: res.locals.requestId, user: userTag(key), turns, windowMs });
    res.json(limited());
  };
}

function userKeyOf(body: unknown): string | undefined {
  const id = (body as { userRequest?: { user?: { id?: unknown } } } | undefined)?.userRequest?.user?.id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

function hashKey(key: string): string {
  return `#${crypto.createHash('sha256').update(key).digest('base64')}`;
}
