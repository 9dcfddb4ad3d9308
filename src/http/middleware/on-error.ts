/** onError: the one place HTTP-level errors become JSON; never a stack trace, never HTML. */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../../log/logger';
import { maskText } from '../../log/mask';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'request body is not valid JSON',
  'entity.too.large': 'request body is too large (limit 64 KB)',
  'entity.verify.failed': 'request body failed verification',
  'encoding.unsupported': 'unsupported content encoding',
  'charset.unsupported': 'unsupported charset',
  'request.aborted': 'request aborted',
  'request.size.invalid': 'request size did not match content length',
  'stream.encoding.set': 'bad request stream',
  'parameters.too.many': 'too many parameters',
};

/**
 * 4xx errors (bad JSON, body too large…) become `{error}` with their status. Anything else is
 * logged once with the request id (its message masked: it may quote user text) and answered with a
 * 500 `{error, requestId}`. (The webhook, POST /skill, handles its own errors: a parsed skill request
 * always gets HTTP 200 and the apology.)
 * @example app.use(onError(logger))
 */
export function onError(logger: Logger): ErrorRequestHandler {
  return function onError(err: HttpishError, req, res, next) {
    const status = err?.status ?? err?.statusCode ?? 500;
    if (status >= 400 && status < 500 && !res.headersSent) {
      res.status(status).json({ error: MESSAGES[err.type ?? ''] ?? 'bad request' });
      return;
    }
    const requestId = res.locals.requestId as string | undefined;
    logger.error('unhandled error', { requestId, path: req.path, ...describeError(err) });
    if (res.headersSent) return next(err); // Express closes the connection
    res.status(500).json({ error: 'internal error', requestId });
  };
}

/** Name and masked message of whatever was thrown (the webhook logs its failures the same way). */
export function describeError(err: unknown): { errorName: string; error: string } {
  const errorName = err instanceof Error ? err.name : typeof err;
  return { errorName, error: maskText(String((err as HttpishError | undefined)?.message ?? err)) };
}
