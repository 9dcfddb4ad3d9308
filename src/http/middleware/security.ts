/** Security headers: helmet's defaults, as Express middleware and as a precomputed list for the webhook. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's defaults (CSP, HSTS, nosniff, frame denial, no `x-powered-by`…) for every Express route.
 * @example app.use(securityHeaders())
 */
export function securityHeaders(): RequestHandler {
  return helmet();
}

/**
 * The headers helmet sets, computed once by running helmet against a recording response: the webhook
 * sends the same headers without running the middleware on every turn.
 * @example securityHeaderList() // [['Content-Security-Policy', "default-src 'self';…"], …]
 */
export function securityHeaderList(): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers.set(name, String(value));
      return recorder;
    },
    removeHeader(name: string) {
      headers.delete(name);
    },
    getHeader: (name: string) => headers.get(name),
  };
  let ran = false;
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    ran = true;
  });
  if (!ran) throw new Error('helmet did not finish synchronously; cannot precompute its headers');
  return [...headers];
}

/**
 * The policy of our own pages (simulator, console): they run only their own files; unlike the global helmet policy
 * it never upgrades http:// (local use).
 */
export const OWN_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
