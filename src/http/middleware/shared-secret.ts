/** sharedSecret: require a static secret header (Kakao's 헤더값 입력), compared in constant time. */
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

export interface SharedSecretOptions {
  secret: string;
  /** Header carrying the secret. */
  header?: string;
}

/**
 * Answers 401 JSON unless the request carries `header: secret`. Both sides are hashed first, so
 * the comparison takes the same time whatever the length or content of the guess.
 * @example app.use('/skill', sharedSecret({ secret: process.env.SKILL_SECRET! }))
 */
export function sharedSecret({ secret, header = 'x-skill-secret' }: SharedSecretOptions): RequestHandler {
  const expected = digest(secret);
  return function sharedSecret(req, res, next) {
    const given = req.get(header);
    if (given !== undefined && crypto.timingSafeEqual(digest(given), expected)) return next();
    res.status(401).json({ error: `missing or wrong ${header} header` });
  };
}

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value, 'utf8').digest();
}
