/** requestId: reuse a sane incoming `x-request-id` or make one; echo it on the response. */
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

export interface RequestIdOptions {
  header?: string;
}

export function requestId({ header = 'x-request-id' }: RequestIdOptions = {}): RequestHandler {
  return function requestId(req, res, next) {
    const incoming = req.get(header);
    const id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.locals.requestId = id;
    res.setHeader(header, id);
    next();
  };
}
