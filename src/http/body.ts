/**
 * readJsonBody: the webhook's own JSON body reader (no Express): a size limit checked before and while
 * reading, JSON media types only, UTF-8 only, no compressed bodies. Errors carry the HTTP status to answer.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

/** A request the webhook refuses, with the status and the message of its JSON error. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Request bodies above this many bytes are refused with 413 (64 KB, as the issue asks). */
export const BODY_LIMIT_BYTES = 64 * 1024;

export interface BodyOptions {
  /** Refuse bodies above this many bytes with 413 (default BODY_LIMIT_BYTES). */
  limit?: number;
  /** An empty body reads as `undefined` instead of a 400 (the console's changes may carry no body). */
  allowEmpty?: boolean;
}

/**
 * Read and parse a JSON request body. A missing content-type is accepted (lenient: Kakao always sends
 * `application/json`); another media type, a compressed body or a non-UTF-8 charset is a 415.
 * @example const body = await readJsonBody(req) // unknown: validate it next
 */
export function readJsonBody(req: IncomingMessage, { limit = BODY_LIMIT_BYTES, allowEmpty = false }: BodyOptions = {}): Promise<unknown> {
  const refused = refusal(req, limit);
  if (refused) return Promise.reject(refused);
  return readRaw(req, limit).then((raw) => (allowEmpty && raw.length === 0 ? undefined : parseJson(raw)));
}

function refusal(req: IncomingMessage, limit: number): HttpError | undefined {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return tooLarge(limit);
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') return new HttpError(415, 'unsupported content encoding');
  const type = req.headers['content-type'];
  if (type === undefined) return undefined;
  const [media, ...params] = type.split(';');
  const mediaType = media.trim().toLowerCase();
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return new HttpError(415, 'content-type must be application/json');
  for (const param of params) {
    const [name, value = ''] = param.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return new HttpError(415, 'unsupported charset');
  }
  return undefined;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `request body is too large (limit ${Math.round(limit / 1024)} KB)`);
}

/** Collect the body, refusing as soon as it passes `limit`; the rest of an oversized body is discarded by Node. */
function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      reject(tooLarge(limit));
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.once('error', () => reject(new HttpError(400, 'request aborted')));
    req.once('close', () => {
      if (!req.complete) reject(new HttpError(400, 'request aborted'));
    });
  });
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

/**
 * Express middleware reading a JSON body with `readJsonBody` (the webhook's own rules: 415 for another media type,
 * a compressed body or a charset other than UTF-8; 413 naming `limit`; 400 for bad JSON), into `req.body`.
 * Refusals are answered here as `{error}` JSON, before any route handler runs.
 * @example router.post('/nlu/parse', jsonBody(), handler)
 * @example api.use(jsonBody({ limit: 16 * 1024, allowEmpty: true })) // the console API
 */
export function jsonBody(options: BodyOptions = {}): RequestHandler {
  return function jsonBody(req, res, next) {
    readJsonBody(req, options).then(
      (body) => {
        req.body = body;
        next();
      },
      (err: unknown) => (err instanceof HttpError ? res.status(err.status).json({ error: err.message }) : next(err)),
    );
  };
}
