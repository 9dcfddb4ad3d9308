/** createApp: the Express app with every route and middleware, built from injected dependencies. */
import express, { type Router } from 'express';
import type { Config } from '../config';
import type { Renderer } from '../content/render';
import type { Conversation } from '../dialog/conversation';
import type { Logger } from '../log/logger';
import type { Classifier } from '../nlu/classifier';
import { cannedReplies } from './middleware/canned-replies';
import { onError } from './middleware/on-error';
import { requestId } from './middleware/request-id';
import { protectWebhook, securityHeaders } from './middleware/security';
import { healthRoutes } from './routes/health';
import { nluRoutes } from './routes/nlu';
import { skillRoutes, type TurnHook } from './routes/skill';

/** What the routes serve from; undefined until the model is loaded. */
export interface Runtime {
  conversation: Conversation;
  classifier: Classifier;
}

export interface AppDeps {
  config: Config;
  logger: Logger;
  runtime: () => Runtime | undefined;
  hooks?: TurnHook[];
  /** Operator routes (simulator, metrics); mounted here unless they get their own admin app. */
  adminRoutes?: Router[];
  /** Renders the canned replies (rate limit, apology); without it, hard-coded last resorts are used. */
  renderer?: Renderer;
  now?: () => number;
}

/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT = '64kb';

/**
 * @example const app = createApp({ config, logger, runtime: () => runtime }); app.listen(8080)
 */
export function createApp({ config, logger, runtime, hooks, adminRoutes = [], renderer, now }: AppDeps): express.Express {
  const app = baseApp();
  const canned = cannedReplies(renderer);
  app.use(requestId());
  app.use(healthRoutes(() => runtime() !== undefined));
  for (const router of adminRoutes) app.use(router);
  const json = express.json({ limit: BODY_LIMIT });
  const guards = protectWebhook(config, { limited: () => canned.rateLimited, logger, now });
  app.use('/skill', ...guards.beforeBody, json, ...guards.skillAfterBody);
  app.use('/nlu', ...guards.beforeBody, json);
  app.use(skillRoutes({ conversation: () => runtime()?.conversation, logger, hooks, now }));
  app.use(nluRoutes(() => runtime()?.classifier));
  app.use(notFound);
  app.use(onError(logger, { skillApology: () => canned.apology }));
  return app;
}

/**
 * A separate app for operator routes when ADMIN_PORT is set (same headers, its own 404 and errors).
 * @example createAdminApp(logger, [metrics.router]).listen(config.ADMIN_PORT)
 */
export function createAdminApp(logger: Logger, adminRoutes: Router[]): express.Express {
  const app = baseApp();
  app.use(requestId());
  for (const router of adminRoutes) app.use(router);
  app.use(notFound);
  app.use(onError(logger));
  return app;
}

function baseApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders());
  return app;
}

const notFound: express.RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'not found' });
};
