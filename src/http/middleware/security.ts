/** Security middleware for the webhook: headers, shared secret, bot id, per-user rate limit. */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../../config';
import type { Logger } from '../../log/logger';
import { botId } from './bot-id';
import { rateLimit } from './rate-limit';
import { sharedSecret } from './shared-secret';

export interface WebhookGuardOptions {
  /** The SkillResponse a rate-limited user gets. */
  limited: () => unknown;
  logger?: Logger;
  now?: () => number;
}

/** Guards in the order they run: `beforeBody` ahead of the JSON parser, the rest after it. */
export interface WebhookGuards {
  /** Shared secret: an unauthenticated body is never parsed. */
  beforeBody: RequestHandler[];
  /** For /skill only: bot id and per-user rate limit (both read the parsed body). */
  skillAfterBody: RequestHandler[];
}

/**
 * The guards for `/skill` and `/nlu/parse`, built from config (each one only when configured).
 * @example const g = protectWebhook(config, { limited }); app.use('/skill', ...g.beforeBody, json, ...g.skillAfterBody)
 */
export function protectWebhook(config: Config, { limited, logger, now }: WebhookGuardOptions): WebhookGuards {
  const beforeBody = config.SKILL_SECRET
    ? [sharedSecret({ secret: config.SKILL_SECRET, header: config.SKILL_SECRET_HEADER })]
    : [];
  const skillAfterBody = [
    ...(config.BOT_ID ? [botId({ botId: config.BOT_ID })] : []),
    rateLimit({ turns: config.RATE_LIMIT_TURNS, windowMs: config.RATE_LIMIT_WINDOW_MS, limited, logger, now }),
  ];
  return { beforeBody, skillAfterBody };
}

/**
 * helmet's defaults (CSP, HSTS, nosniff, frame denial, no `x-powered-by`…) for every route.
 * @example app.use(securityHeaders())
 */
export function securityHeaders(): RequestHandler {
  return helmet();
}
