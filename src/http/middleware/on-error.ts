/** onError: the one place HTTP-level errors become JSON; never a stack trace, never HTML. */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../../log/logger';

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'request body is not valid JSON',
  'entity.too.large': 'request body is too large',
  'encoding.unsupported': 'unsupported content encoding',
  'charset.unsupported': 'unsupported charset',
  'request.aborted': 'request aborted',
};

export function onError(logger: Logger): ErrorRequestHandler {
  return function onError(err: HttpishError, req, res, _next) {
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      res.status(status).json({ error: MESSAGES[err.type ?? ''] ?? 'bad request' });
      return;
    }
    logger.error('unhandled error', { requestId: res.locals.requestId, path: req.path, error: String(err?.message ?? err) });
    if (!res.headersSent) res.status(500).json({ error: 'internal error', requestId: res.locals.requestId });
  };
}
