/** /healthz (liveness) and /readyz (model loaded, session store reachable: serving). */
import { Router } from 'express';

/**
 * @param isReady true when ready; otherwise false (still starting) or why not, e.g. `session store unreachable`
 * @example app.use(healthRoutes(() => runtime() !== undefined))
 */
export function healthRoutes(isReady: () => boolean | string): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const ready = isReady();
    if (ready === true) res.json({ status: 'ready' });
    else res.status(503).json({ status: ready || 'starting' });
  });
  return router;
}
