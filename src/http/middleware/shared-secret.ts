/** Shared secret: require a static secret header (Kakao's 헤더값 입력), compared in constant time. */
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

export interface SharedSecretOptions {
  secret: string;
  /** Header carrying the secret. */
  header?: string;
}

/**
 * A check of the header value. Both sides are hashed first, so the comparison takes the same time
 * whatever the length or content of the guess.
 * @example const ok = secretCheck('s3cr3t'); ok(req.headers['x-skill-secret']) // boolean
 */
export function secretCheck(secret: string): (given: string | string[] | undefined) => boolean {
  const expected = digest(secret);
  return (given) => typeof given === 'string' && crypto.timingSafeEqual(digest(given), expected);
}

/** The 401 body naming the header, so an operator sees what is missing. */
export function secretRefusal(header: string): { error: string } {
  return { error: `missing or wrong ${header} header` };
}

/**
 * Express guard (for /nlu/parse; the webhook uses secretCheck itself): 401 JSON unless the request
 * carries `header: secret`.
 * @example app.use('/nlu', sharedSecret({ secret: process.env.SKILL_SECRET! }))
 */
export function sharedSecret({ secret, header = 'x-skill-secret' }: SharedSecretOptions): RequestHandler {
  const ok = secretCheck(secret);
  const name = header.toLowerCase();
  return function sharedSecret(req, res, next) {
    if (ok(req.headers[name])) return next();
    res.status(401).json(secretRefusal(header));
  };
}

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value, 'utf8').digest();
}
