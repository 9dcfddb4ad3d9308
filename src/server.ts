/** Composition root: content + model + store + bot + app, wired from a Config. */
import path from 'node:path';
import type { Config } from './config';
import { checkContent, ContentErrors, loadContent, Renderer, type Content } from './content';
import { Conversation } from './dialog/conversation';
import { type Session } from './dialog/session';
import { createDialogs, type DialogOptions } from './dialog/flows';
import { createStore, withTimeout, type SessionStore } from './dialog/stores';
import { Bot } from './dialog/turn';
import { catalogOf, consoleRoutes } from './console';
import { createEventRecorder, scheduleRetention, StoreHandle, workerSink, type EventRecorder } from './events';
import { createAdminApp, createApp, type Runtime } from './http/app';
import { simulatorRoutes } from './http/routes/simulator';
import { createMetrics } from './metrics';
import type { TurnHook } from './http/routes/skill';
import type { Logger } from './log/logger';
import { cachedClassifier } from './nlu/cache';
import { loadOrTrain, type LoadedModel } from './nlu/model';
import { setKnownWords } from './privacy';

export interface ServerParts {
  app: ReturnType<typeof createApp>;
  /** Operator app (simulator, metrics) when ADMIN_PORT is set; otherwise they live on `app`. */
  adminApp?: ReturnType<typeof createAdminApp>;
  /** Resolves when the model is loaded and /readyz turns 200. */
  ready: Promise<LoadedModel>;
  store: SessionStore<Session>;
  /** The event store (turn events, inbox, console tables), opened in the background. */
  events: StoreHandle;
  /** Writes turn events; absent with EVENTS=off. */
  recorder?: EventRecorder;
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

/** Load and check content; throws ContentErrors naming every bad file and field. */
export function loadCheckedContent(root: string, dialogOpts: DialogOptions = {}): { content: Content; dialogs: ReturnType<typeof createDialogs> } {
  const content = loadContent(root);
  setKnownWords([content.nluSource, JSON.stringify([...content.responses.values()])]); // the masker's ordinary words
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
  const store = withTimeout(opts.store ?? createStore(config, logger), config.STORE_TIMEOUT_MS);
  const metrics = config.METRICS === 'on' ? createMetrics({ activeSessions: () => store.size() }) : undefined;
  const events = new StoreHandle(config, logger);
  events.get().catch(() => undefined); // open (and migrate) now; failures are logged and retried by the handle
  let modelVersion: string | null = null;
  // masking, hashing and the database run in a worker thread: the event loop only queues each turn's facts
  const sink = config.EVENTS === 'on' ? workerSink({ config, synonyms: content.synonyms, logger, ready: () => events.get() }) : undefined;
  const recorder = sink
    ? createEventRecorder({ sink, logger, registry: metrics?.registry, versions: () => ({ model: modelVersion, content: null }) })
    : undefined;
  const stopRetention = scheduleRetention(() => events.get(), config.EVENT_RETENTION_DAYS, logger);
  const hooks = [...(metrics ? [metrics.hook] : []), ...(recorder ? [recorder.hook] : []), ...(opts.hooks ?? [])];
  let runtime: Runtime | undefined;
  const onTrain = (reason: string): void => {
    logger.info('training the model in a worker thread (/readyz says 503 until it is done)', { reason });
    opts.onTrain?.(reason);
  };
  const ready = loadOrTrain(content, path.resolve(root, config.MODEL_DIR), onTrain).then(async (model) => {
    await model.classifier.classify('안녕하세요'); // warm-up: the first classification costs ~40 ms (lazy indexes, JIT); pay it before /readyz, not on a partner's turn
    const classifier = cachedClassifier(model.classifier); // bounded LRU by exact text (bench/results.md)
    const bot = new Bot({ renderer, responses: content.responses, classifier, dialogs: dialogs.plugins });
    const conversation = new Conversation({
      bot,
      store,
      renderer,
      logger,
      budgetMs: config.TURN_BUDGET_MS,
      sessionTtlMs: config.SESSION_TTL_MS,
    });
    runtime = { conversation, classifier };
    modelVersion = path.basename(model.file).replace(/^model-|\.json$/g, '').slice(0, 12);
    logger.info(model.source === 'loaded' ? 'model loaded' : 'model trained (artifact was missing, stale or unreadable)', {
      file: path.relative(process.cwd(), model.file),
      ms: model.ms,
      ...(model.reason ? { reason: model.reason } : {}),
    });
    return model;
  });
  const adminRoutes = [
    ...(config.SIMULATOR === 'on' ? [simulatorRoutes({ runtime: () => runtime, now: opts.now })] : []),
    ...(metrics ? [metrics.router] : []),
    consoleRoutes({ events, catalog: catalogOf(root, content), logger, now: opts.now }),
  ];
  const separateAdmin = config.ADMIN_PORT !== undefined;
  const isReady = () => runtime !== undefined && (store.reachable?.() === false ? 'session store unreachable' : true);
  const app = createApp({ config, logger, runtime: () => runtime, hooks, now: opts.now, renderer, adminRoutes: separateAdmin ? [] : adminRoutes, isReady });
  const adminApp = separateAdmin ? createAdminApp(logger, adminRoutes) : undefined;
  const close = async () => {
    stopRetention();
    await recorder?.close();
    await sink?.close();
    await events.close();
    await store.close();
  };
  return { app, adminApp, ready, store, events, recorder, runtime: () => runtime, close };
}
