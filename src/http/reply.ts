/** Writing JSON answers on a bare node response: security headers, request id, and a serialization cache for fixed replies. */
import type { ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from './middleware/request-id';
import { securityHeaderList } from './middleware/security';

const SECURITY: string[] = securityHeaderList().flat();
const CONTENT_TYPE = 'application/json; charset=utf-8';

/** Frozen answers (fixed replies, canned replies) are serialized once; they cannot change. */
const serialized = new WeakMap<object, string>();

/**
 * JSON text of `body`, memoized when `body` is deeply frozen.
 * @example toJson(Object.freeze({ a: 1 })) // '{"a":1}' (computed once)
 */
export function toJson(body: unknown): string {
  if (typeof body !== 'object' || body === null || !Object.isFrozen(body)) return JSON.stringify(body);
  let text = serialized.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    serialized.set(body, text);
  }
  return text;
}

/**
 * Send `body` as JSON with helmet's headers and the request id, in one write.
 * @example sendJson(res, 200, skillResponse, requestId)
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const text = toJson(body);
  res.writeHead(status, [...SECURITY, 'content-type', CONTENT_TYPE, 'content-length', String(Buffer.byteLength(text)), REQUEST_ID_HEADER, requestId]);
  res.end(text);
}
