/** The console's vendor files, served from node_modules (no CDN, no copy in git): GET /console/vendor/chart.umd.min.js. */
import path from 'node:path';
import { Router } from 'express';

/** Chart.js's self-contained UMD build (sets `window.Chart`), resolved wherever npm put the package. */
export const CHART_JS_FILE = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');

/** URL path → file. Public code only (a library), so it needs no login, like the login page itself. */
const VENDOR: Record<string, string> = {
  '/console/vendor/chart.umd.min.js': CHART_JS_FILE,
};

/**
 * Serves the third-party browser files the console pages load. Mount it before the console's login gate.
 * @example app.use(consoleAssets())
 */
export function consoleAssets(): Router {
  const router = Router();
  for (const [url, file] of Object.entries(VENDOR)) {
    router.get(url, (_req, res, next) => {
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.type('application/javascript').sendFile(file, (err) => err && next(err));
    });
  }
  return router;
}
