/** createApp: the Express app with every route and middleware, built from injected dependencies. */
import express, { type Router } from 'express';
import type { Config } from '../config';
import type { Conversation } from '../dialog/conversation';
import type { Logger } from '../log/logger';
import type { Classifier } from '../nlu/classifier';
import { onError } from './middleware/on-error';
import { requestId } from './middleware/request-id';
import { protectWebhook } from './middleware/security';
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
  now?: () => number;
}

/**
 * @example const app = createApp({ config, logger, runtime: () => runtime }); app.listen(8080)
 */
export function createApp({ config, logger, runtime, hooks, adminRoutes = [], now }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestId());
  app.use(healthRoutes(() => runtime() !== undefined));
  for (const router of adminRoutes) app.use(router);
  const json = express.json({ limit: '64kb' });
  const guard = protectWebhook(config);
  app.use('/skill', guard, json);
  app.use('/nlu', guard, json);
  app.use(skillRoutes({ conversation: () => runtime()?.conversation, logger, hooks, now }));
  app.use(nluRoutes(() => runtime()?.classifier));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(onError(logger));
  return app;
}

/** A separate app for operator routes when ADMIN_PORT is set. */
export function createAdminApp(logger: Logger, adminRoutes: Router[]): express.Express {
  const app = express();
  app.disable('x-powered-by');
  for (const router of adminRoutes) app.use(router);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(onError(logger));
  return app;
}
