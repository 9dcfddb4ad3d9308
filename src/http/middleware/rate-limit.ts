/**
 * Turn limits on /skill, with rate-limiter-flexible: a per-user limit and a total over all users (so rotating user
 * ids are bounded too). In memory by default; in Redis when the session store is Redis, so every instance shares
 * the counts (an in-memory limiter insures against Redis being down). A limited turn gets a polite SkillResponse
 * (HTTP 200), not a bare 429.
 */
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import crypto from 'node:crypto';
import { userTag, type Logger } from '../../log/logger';

export interface RateLimitOptions {
  /** Turns a user may take per window. */
  turns: number;
  /** Turns all users together may take per window. */
  total: number;
  windowMs: number;
  /** Shared counts across instances (the session store's client); memory when absent. */
  redis?: Redis;
  logger?: Logger;
}

/** Whether a turn may go ahead, or which limit refused it. */
export type RateVerdict = 'ok' | 'user' | 'total';

export interface RateLimiter {
  check(userKey: string, requestId: string): Promise<RateVerdict>;
}

/** Longest user key counted as is; longer (hostile) keys are counted by their hash. */
const MAX_KEY_CHARS = 128;

/**
 * Memory is bounded without any eviction: every counter lives exactly one window (a limited user's counter is never
 * dropped early), and the total limit is checked first, so at most `total` users get a counter per window. The first
 * refused turn of a user in a window is logged (pseudonym only).
 * @example const limiter = rateLimiter({ turns: 30, total: 100_000, windowMs: 10_000 }); await limiter.check('user-1', 'req-1')
 */
export function rateLimiter({ turns, total, windowMs, redis, logger }: RateLimitOptions): RateLimiter {
  const log = logger?.child({ module: 'rate-limit' });
  const perUser = limiterOf('u', turns, windowMs, redis);
  const overall = limiterOf('t', total, windowMs, redis);
  let totalWarned = 0;
  return {
    async check(userKey, requestId) {
      if (await consume(overall, 'all')) {
        if (Date.now() - totalWarned > windowMs) {
          totalWarned = Date.now();
          log?.warn('total turn limit reached', { requestId, total, windowMs });
        }
        return 'total';
      }
      const refused = await consume(perUser, userKey.length > MAX_KEY_CHARS ? hashKey(userKey) : userKey);
      if (refused === undefined) return 'ok';
      if (refused.consumedPoints === turns + 1) log?.warn('rate limited', { requestId, user: userTag(userKey), turns, windowMs });
      return 'user';
    },
  };
}

/** Undefined when allowed, else the refusal (its consumed points). A failing store lets the turn through. */
async function consume(limiter: Counter, key: string): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (err) {
    return err instanceof RateLimiterRes ? err : undefined;
  }
}

/** Longest a turn waits for Redis to count it; past this (a Redis stall) the in-process count decides. */
const REDIS_COUNT_TIMEOUT_MS = 50;

interface Counter {
  consume(key: string): Promise<unknown>;
}

function limiterOf(kind: string, points: number, windowMs: number, redis: Redis | undefined): Counter {
  const duration = windowMs / 1000;
  const memory = new RateLimiterMemory({ keyPrefix: kind, points, duration });
  if (!redis) return memory;
  const shared = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `bluebot:rl:${kind}`,
    points,
    duration,
    insuranceLimiter: memory, // Redis down: count in this process until it is back
    rejectIfRedisNotReady: true,
    inMemoryBlockOnConsumed: points + 1, // a user over the limit is refused without asking Redis until the window ends
  });
  return {
    consume(key) {
      const counted = shared.consume(key);
      counted.catch(() => undefined); // settles after a time-out too
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise((resolve, reject) => {
        timer = setTimeout(() => memory.consume(key).then(resolve, reject), REDIS_COUNT_TIMEOUT_MS);
      });
      return Promise.race([counted, slow]).finally(() => clearTimeout(timer));
    },
  };
}

function hashKey(key: string): string {
  return `#${crypto.createHash('sha256').update(key).digest('base64')}`;
}
