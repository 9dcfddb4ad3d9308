/** Composition root: content + model + store + bot + app, wired from a Config. */
import path from 'node:path';
import type { Config } from './config';
import { checkContent, ContentErrors, loadContent, Renderer, type Content } from './content';
import { Conversation } from './dialog/conversation';
import { type Session } from './dialog/session';
import { createDialogs, type DialogOptions } from './dialog/flows';
import { createStore, withTimeout, type SessionStore } from './dialog/stores';
import { Bot } from './dialog/turn';
import { FollowupRules } from './dialog/followups';
import { catalogOf, consoleRoutes } from './console';
import { contentApi } from './console/content-routes';
import { createEventRecorder, scheduleRetention, StoreHandle, workerSink, type EventRecorder, type Versions } from './events';
import { createAdminApp, createApp, type Runtime } from './http/app';
import { startContentService, type ContentService } from './content/versions/service';
import { SIMULATOR_SESSION_MAX, simulatorRoutes } from './http/routes/simulator';
import type { Router } from 'express';
import type Redis from 'ioredis';
import { MemoryStore } from './dialog/stores';
import type { Metrics } from './metrics';
import { createMetrics } from './metrics';
import type { TurnHook } from './http/routes/skill';
import type { Logger } from './log/logger';
import { cachedClassifier } from './nlu/cache';
import { loadOrTrain, type LoadedModel } from './nlu/model';
import { keyringOf, setKnownWords } from './privacy';
import { sealedSlots } from './dialog/stores/sealed';

/** How the model was loaded (what `ready` resolves with). */
export type ModelLoad = Omit<LoadedModel, 'classifier'>;

export interface ServerParts {
  app: ReturnType<typeof createApp>;
  /** Operator app (simulator, metrics) when ADMIN_PORT is set; otherwise they live on `app`. */
  adminApp?: ReturnType<typeof createAdminApp>;
  /**
   * Resolves when the model is loaded and /readyz turns 200, with how it was loaded. Not the classifier: this promise
   * lives as long as the server, and with content versions the live version has a classifier of its own, so holding
   * the files' one here kept a second copy of the model alive for good (~31 MB of live heap).
   */
  ready: Promise<ModelLoad>;
  store: SessionStore<Session>;
  /** The event store (turn events, inbox, console tables), opened in the background. */
  events: StoreHandle;
  /** Writes turn events; absent with EVENTS=off. */
  recorder?: EventRecorder;
  /** Content versions (publish, rollback, the live pointer) once started, with CONTENT_VERSIONS=on. */
  content: () => ContentService | undefined;
  /** The conversation and classifier once the model is ready (the terminal chat talks to it directly). */
  runtime: () => Runtime | undefined;
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Override the session store (tests, Redis). */
  store?: SessionStore<Session>;
  hooks?: TurnHook[];
  /** Clock for turns and dialogs (tests move it forward). */
  now?: () => number;
  /** Called when no usable model artifact exists and training starts (in a worker thread), with the reason. */
  onTrain?: (reason: string) => void;
}

/** The texts the masker learns the bot's ordinary words from: the training data and the answers. */
function knownWordsOf(content: Content): string[] {
  return [content.nluSource, JSON.stringify([...content.responses.values()])];
}

/** Load and check content; throws ContentErrors naming every bad file and field. */
export function loadCheckedContent(root: string, dialogOpts: DialogOptions = {}): { content: Content; dialogs: ReturnType<typeof createDialogs> } {
  const content = loadContent(root);
  setKnownWords(knownWordsOf(content)); // the masker's ordinary words
  const dialogs = createDialogs(root, content, dialogOpts);
  const errors = checkContent(content, { knownActions: dialogs.actions });
  if (errors.length) throw new ContentErrors(errors);
  return { content, dialogs };
}

/**
 * Build the app; the model loads (or trains) in the background and the app serves once it is ready.
 * @example const { app, ready } = buildServer(loadConfig(), logger); await ready
 */
export function buildServer(config: Config, logger: Logger, opts: BuildOptions = {}): ServerParts {
  const root = path.resolve(config.CONTENT_DIR);
  const { content, dialogs } = loadCheckedContent(root, { now: opts.now });
  const renderer = new Renderer(content.responses, { operatorButton: config.OPERATOR_BUTTON });
  const rawStore = opts.store ?? createStore(config, logger);
  const keyring = keyringOf({ key: config.SESSION_KEY, keyId: config.SESSION_KEY_ID, keys: config.SESSION_KEYS });
  if (config.SESSION_STORE === 'redis' && !keyring) {
    logger.warn('Redis sessions are not encrypted: dialog slot values (phone, birth date, name) are kept in clear', { fix: 'set SESSION_KEY' });
  }
  const timed = withTimeout(rawStore, config.STORE_TIMEOUT_MS);
  const store = keyring ? sealedSlots(timed, keyring) : timed;
  const simulatorStore = new MemoryStore<Session>({ max: SIMULATOR_SESSION_MAX }); // never the partners' store
  /** The content version serving (CONTENT_VERSIONS=on), for /readyz, /metrics and every event. */
  let contentVersion: number | null = null;
  const metrics =
    config.METRICS === 'on' ? createMetrics({ activeSessions: () => store.size(), ...(config.CONTENT_VERSIONS === 'on' ? { contentVersion: () => contentVersion } : {}) }) : undefined;
  const events = new StoreHandle(config, logger);
  events.get().catch(() => undefined); // open (and migrate) now; failures are logged and retried by the handle
  /** The versions a turn is answered with, as its event records them: one object, replaced when either changes (not one per turn). */
  let versions: Versions = { model: null, content: null };
  // masking, hashing and the database run in a worker thread: the event loop only queues each turn's facts
  const sink = config.EVENTS === 'on' ? workerSink({ config, synonyms: content.synonyms, knownWords: knownWordsOf(content), logger, ready: () => events.get() }) : undefined;
  const recorder = sink
    ? createEventRecorder({
        sink,
        logger,
        registry: metrics?.registry,
        versions: () => versions,
      })
    : undefined;
  const stopRetention = scheduleRetention(() => events.get(), config.EVENT_RETENTION_DAYS, logger);
  const hooks = [...(metrics ? [metrics.hook] : []), ...(recorder ? [recorder.hook] : []), ...(opts.hooks ?? [])];
  let runtime: Runtime | undefined;
  const onTrain = (reason: string): void => {
    // no '(/readyz': the log masker reads an 8-character token of letters and symbols as password-like
    logger.info('training the model in a worker thread; /readyz says 503 until it is done', { reason });
    opts.onTrain?.(reason);
  };
  /** A runtime for one content version: its renderer, bot and conversation over the shared session store. */
  const makeRuntime = (c: Content, d: typeof dialogs, classifier: Runtime['classifier'], version?: string): Runtime => {
    const versionRenderer = c === content ? renderer : new Renderer(c.responses, { operatorButton: config.OPERATOR_BUTTON });
    const bot = new Bot({ renderer: versionRenderer, responses: c.responses, classifier, dialogs: d.plugins, followups: FollowupRules.of(c) });
    const conversationOn = (sessions: SessionStore<Session>) =>
      new Conversation({ bot, store: sessions, renderer: versionRenderer, logger, budgetMs: config.TURN_BUDGET_MS, sessionTtlMs: config.SESSION_TTL_MS });
    return { conversation: conversationOn(store), simulator: conversationOn(simulatorStore), classifier, ...(version ? { version } : {}) };
  };
  let contentService: ContentService | undefined;
  const ready = loadOrTrain(content, path.resolve(root, config.MODEL_DIR), onTrain).then(async (model) => {
    await model.classifier.classify('안녕하세요'); // warm-up: the first classification costs ~40 ms (lazy indexes, JIT); pay it before /readyz, not on a partner's turn
    const classifier = cachedClassifier(model.classifier); // bounded LRU by exact text (bench/results.md)
    const filesRuntime = makeRuntime(content, dialogs, classifier);
    versions = { model: path.basename(model.file).replace(/^model-|\.json$/g, '').slice(0, 12), content: null };
    logger.info(model.source === 'loaded' ? 'model loaded' : 'model trained (artifact was missing, stale or unreadable)', {
      file: path.relative(process.cwd(), model.file),
      ms: model.ms,
      ...(model.reason ? { reason: model.reason } : {}),
    });
    if (config.CONTENT_VERSIONS === 'on') {
      contentService = await startContentService({
        config,
        logger,
        events,
        root,
        modelFile: model.file,
        build: (dir) => loadCheckedContent(dir, { now: opts.now }),
        swap: (loaded) => {
          const next = makeRuntime(loaded.content, loaded.dialogs, cachedClassifier(loaded.classifier), `v${loaded.version}`);
          runtime = next; // one assignment: a turn runs wholly on the version it started with
          contentVersion = loaded.version;
          versions = { model: loaded.classifier.modelHash.slice(0, 12), content: `v${loaded.version}` };
        },
        current: () => contentVersion,
        live: () => runtime?.classifier,
      }).catch((err: unknown) => {
        logger.error('content versions unavailable, serving the files', { module: 'content', error: (err as Error).message });
        return undefined;
      });
    }
    runtime ??= filesRuntime; // with content versions, the live version's runtime is already in place
    const { source, file, ms, reason } = model;
    return { source, file, ms, ...(reason ? { reason } : {}) };
  });
  const consoleRouter = consoleRoutes({ events, catalog: catalogOf(root, content), logger, now: opts.now, extend: [contentApi(() => contentService, opts.now)] });
  const { publicRoutes, adminRoutes } = operatorRoutes(config, logger, metrics, consoleRouter, () => runtime?.simulator, opts.now);
  const isReady = () => runtime !== undefined && (store.reachable?.() === false ? 'session store unreachable' : true);
  const redis = (rawStore as { client?: Redis }).client; // the Redis store's client: rate-limit counts shared across instances
  const app = createApp({ config, logger, runtime: () => runtime, hooks, now: opts.now, renderer, adminRoutes: publicRoutes, isReady, refused: metrics?.refused, redis });
  const adminApp = config.ADMIN_PORT !== 'off' ? createAdminApp(logger, adminRoutes) : undefined;
  const close = async () => {
    contentService?.stop();
    stopRetention();
    await recorder?.close();
    await sink?.close();
    await events.close();
    await store.close();
  };
  return { app, adminApp, ready, store, events, recorder, runtime: () => runtime, content: () => contentService, close };
}

/**
 * Where the operator routes go. With an admin port (default 8081 on 127.0.0.1): the simulator and /metrics there.
 * With ADMIN_PORT=off: /metrics and the console on PORT, and the simulator only with SIMULATOR=public (on PORT, warned).
 */
function operatorRoutes(
  config: Config,
  logger: Logger,
  metrics: Metrics | undefined,
  consoleRouter: Router,
  simulator: () => Conversation | undefined,
  now?: () => number,
): { publicRoutes: Router[]; adminRoutes: Router[] } {
  const adminPort = config.ADMIN_PORT !== 'off';
  const sim =
    config.SIMULATOR === 'off' || (config.SIMULATOR === 'on' && !adminPort)
      ? []
      : [simulatorRoutes({ conversation: simulator, hook: metrics?.simulatorHook, onLimited: () => metrics?.refused('simulator_rate_limited'), now })];
  if (config.SIMULATOR === 'public') logger.warn('SIMULATOR=public: the simulator is served on PORT to anyone who can reach it (it runs real turns, without the shared secret)');
  if (config.SIMULATOR === 'on' && !adminPort) logger.info('simulator not served: the admin port is off', { setting: 'ADMIN_PORT=off', hint: 'SIMULATOR=public serves it on PORT' }); // names in fields: the message is masked, and reads ADMIN_PORT as password-like
  const metricsRoutes = metrics ? [metrics.router] : [];
  // the console (its own login) lives on the admin port; without one, on PORT
  return {
    publicRoutes: [...(config.SIMULATOR === 'public' ? sim : []), ...(adminPort ? [] : [...metricsRoutes, consoleRouter])],
    adminRoutes: [...(config.SIMULATOR === 'public' ? [] : sim), ...(adminPort ? [...metricsRoutes, consoleRouter] : [])],
  };
}
