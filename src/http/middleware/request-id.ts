/** Request ids: reuse a sane incoming `x-request-id` or make one; echoed on the response. */
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The incoming id when it is short and plain (`[\w.-]{1,64}`), else a fresh UUID.
 * @example requestIdOf(req.headers['x-request-id'])
 */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
}

/** Express middleware: `res.locals.requestId` and the response header. */
export function requestId(): RequestHandler {
  return function requestId(req, res, next) {
    const id = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}
