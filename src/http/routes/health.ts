/** /healthz (liveness) and /readyz (model loaded, session store reachable: serving). */
import { Router } from 'express';

/**
 * @param isReady true when ready; otherwise false (still starting) or why not, e.g. `session store unreachable`
 * @param version the content version serving (`v3`), shown by /readyz when content versions are on
 * @example app.use(healthRoutes(() => runtime() !== undefined))
 */
export function healthRoutes(isReady: () => boolean | string, version: () => string | undefined = () => undefined): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const ready = isReady();
    const v = version();
    if (ready === true) res.json({ status: 'ready', ...(v ? { version: v } : {}) });
    else res.status(503).json({ status: ready || 'starting' });
  });
  return router;
}
