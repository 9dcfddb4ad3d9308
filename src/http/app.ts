/**
 * createApp: the HTTP handler. POST /skill (the hot path) goes to the webhook's own node handler;
 * everything else (health, /nlu/parse, operator routes, 404) to an Express app.
 */
import type { IncomingMessage, RequestListener } from 'node:http';
import express, { type Router } from 'express';
import type { Config } from '../config';
import type { Renderer } from '../content/render';
import type { Conversation } from '../dialog/conversation';
import type { Logger } from '../log/logger';
import type { Classifier } from '../nlu/classifier';
import { BODY_LIMIT_BYTES } from './body';
import { cannedReplies } from './middleware/canned-replies';
import { onError } from './middleware/on-error';
import { requestId } from './middleware/request-id';
import { securityHeaders } from './middleware/security';
import { sharedSecret } from './middleware/shared-secret';
import { healthRoutes } from './routes/health';
import { nluRoutes } from './routes/nlu';
import { skillEndpoint, type SkillEndpointOptions, type TurnHook } from './routes/skill';

/** What the routes serve from; undefined until the model is loaded. */
export interface Runtime {
  conversation: Conversation;
  classifier: Classifier;
  /** The simulator's own conversation: same bot, its own small session store. */
  simulator?: Conversation;
  /** The content version serving (`v3`), when content versions are on. */
  version?: string;
}

export interface AppDeps {
  config: Config;
  logger: Logger;
  runtime: () => Runtime | undefined;
  hooks?: TurnHook[];
  /** Operator routes served on PORT: `/metrics` when there is no admin port, the simulator with SIMULATOR=public. */
  adminRoutes?: Router[];
  /** Counts turns answered without the bot (rate limits, load shedding). */
  refused?: SkillEndpointOptions['refused'];
  /** Rate-limit counts shared across instances. */
  redis?: SkillEndpointOptions['redis'];
  /** Renders the canned replies (rate limit, apology); without it, hard-coded last resorts are used. */
  renderer?: Renderer;
  now?: () => number;
  /** /readyz: true when serving, else false (starting) or why not (default: ready once the runtime exists). */
  isReady?: () => boolean | string;
}

/** What `npm start` listens with: `http.createServer(app)`; supertest takes it as is. */
export type App = RequestListener;

/**
 * @example const app = createApp({ config, logger, runtime: () => runtime }); http.createServer(app).listen(8080)
 */
export function createApp({ config, logger, runtime, hooks, adminRoutes = [], renderer, now, refused, redis, isReady = () => runtime() !== undefined }: AppDeps): App {
  const canned = cannedReplies(renderer);
  const skill = skillEndpoint({ config, conversation: () => runtime()?.conversation, logger, canned, hooks, refused, redis, now });
  const app = baseApp();
  app.use(requestId());
  app.use(healthRoutes(isReady, () => runtime()?.version));
  for (const router of adminRoutes) app.use(router);
  if (config.SKILL_SECRET) app.use('/nlu', sharedSecret({ secret: config.SKILL_SECRET, header: config.SKILL_SECRET_HEADER }));
  app.use(nluRoutes(() => runtime()?.classifier));
  app.use(notFound);
  app.use(onError(logger));
  return (req, res) => (isSkillPost(req) ? skill(req, res) : app(req, res));
}

/** POST /skill, matched as Express would (any case, optional trailing slash, query ignored). */
function isSkillPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const q = req.url.indexOf('?');
  const path = q === -1 ? req.url : req.url.slice(0, q);
  return path === '/skill' || /^\/skill\/?$/i.test(path);
}

/**
 * The operator app on ADMIN_PORT (bound to ADMIN_HOST): the simulator and /metrics, plus its own /healthz (same
 * headers, its own 404 and errors).
 * @example createAdminApp(logger, [metrics.router]).listen(config.ADMIN_PORT, config.ADMIN_HOST)
 */
export function createAdminApp(logger: Logger, adminRoutes: Router[]): express.Express {
  const app = baseApp();
  app.use(requestId());
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
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
