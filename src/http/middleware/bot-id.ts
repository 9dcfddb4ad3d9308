/** botId: accept only payloads from our own bot (`bot.id`, with or without Kakao's trailing `!`). */
import type { RequestHandler } from 'express';

export interface BotIdOptions {
  botId: string;
}

/**
 * Answers 403 JSON when `bot.id` is missing or names another bot. Runs after the JSON parser.
 * @example app.use('/skill', express.json(), botId({ botId: '5f1234567890abcdef123456' }))
 */
export function botId({ botId }: BotIdOptions): RequestHandler {
  const expected = withoutBang(botId);
  return function botId(req, res, next) {
    const id = (req.body as { bot?: { id?: unknown } } | undefined)?.bot?.id;
    if (typeof id === 'string' && withoutBang(id) === expected) return next();
    res.status(403).json({ error: 'bot.id is missing or names another bot' });
  };
}

function withoutBang(id: string): string {
  return id.endsWith('!') ? id.slice(0, -1) : id;
}
