/** /healthz (liveness) and /readyz (model loaded and serving). */
import { Router } from 'express';

/** `version` (when given) names the content version serving, shown by /readyz. */
export function healthRoutes(isReady: () => boolean, version: () => string | undefined = () => undefined): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const v = version();
    if (isReady()) res.json({ status: 'ready', ...(v ? { version: v } : {}) });
    else res.status(503).json({ status: 'starting' });
  });
  return router;
}
