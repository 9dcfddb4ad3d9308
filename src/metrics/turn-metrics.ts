/** Prometheus metrics for turns (intent × outcome, latency, NLU score), active sessions and the process. */
import { Router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { outcomeOf, type TurnReport } from '../dialog/conversation';
import type { TurnInput } from '../dialog/types';
import type { TurnHook } from '../http/routes/skill';

export interface MetricsOptions {
  /** Counts the sessions held (the session store's `size()`), read at every scrape. */
  activeSessions?: () => Promise<number>;
  /** The content version serving (null: content versions are off), read at every scrape. */
  contentVersion?: () => number | null;
  /** Metric name prefix. */
  prefix?: string;
  /** Collect prom-client's default process metrics (CPU, memory, event loop, GC). */
  processMetrics?: boolean;
}

export interface Metrics {
  /** `GET /metrics` in the Prometheus text format. */
  router: Router;
  /** Records one answered turn; never throws. */
  hook: TurnHook;
  /** Records one simulator turn, under its own name (`<prefix>simulator_turns_total`). */
  simulatorHook: TurnHook;
  /** Counts a turn refused before the bot saw it (rate limit, load shedding), by reason. */
  refused: (reason: RefusalReason) => void;
  /** The registry behind `/metrics` (one per app, so tests can build many apps). */
  registry: Registry;
}

/** Why a turn was answered without the bot: what `<prefix>turns_refused_total{reason}` counts. */
export type RefusalReason = 'rate_limited_user' | 'rate_limited_total' | 'shed_in_flight' | 'simulator_rate_limited';

/** Seconds; Kakao gives up at 5 s and our budget is 4 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 5];
const SCORE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];

/**
 * Build the metrics of one app: `<prefix>turns_total{intent,outcome}`, `<prefix>turn_duration_seconds`,
 * `<prefix>nlu_score{decision}`, `<prefix>active_sessions`, plus the default process metrics.
 * @example const m = createMetrics({ activeSessions: () => store.size() }); app.use(m.router); hooks.push(m.hook)
 */
export function createMetrics({ activeSessions, contentVersion, prefix = 'bluebot_', processMetrics = true }: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const turns = new Counter({
    name: `${prefix}turns_total`,
    help: 'Turns answered, by intent and outcome (answered, clarified, fallback, out_of_scope with the topic as intent, handoff, dialog_started, dialog_completed, dialog_abandoned, …)',
    labelNames: ['intent', 'outcome', 'route'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${prefix}turn_duration_seconds`,
    help: 'Time to answer a turn (session read, routing, NLU, session write)',
    labelNames: ['route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const score = new Histogram({
    name: `${prefix}nlu_score`,
    help: 'Top NLU score of turns routed by the classifier, by outcome',
    labelNames: ['outcome'] as const,
    buckets: SCORE_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: `${prefix}active_sessions`,
    help: 'Sessions held by the session store (users mid-dialog or after a fallback)',
    registers: [registry],
    async collect() {
      if (!activeSessions) return;
      try {
        this.set(await activeSessions());
      } catch {
        // the store is unreachable: keep the last value rather than fail the scrape
      }
    },
  });
  const simulatorTurns = new Counter({
    name: `${prefix}simulator_turns_total`,
    help: 'Turns of the web simulator (staff test turns, not partners), by intent and outcome',
    labelNames: ['intent', 'outcome', 'route'] as const,
    registers: [registry],
  });
  const refusedTurns = new Counter({
    name: `${prefix}turns_refused_total`,
    help: 'Turns answered without the bot: rate_limited_user, rate_limited_total, shed_in_flight, simulator_rate_limited',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  if (contentVersion) {
    new Gauge({
      name: `${prefix}content_version`,
      help: 'The content version serving (0 until one is live)',
      registers: [registry],
      collect() {
        this.set(contentVersion() ?? 0);
      },
    });
  }
  const hook: TurnHook = (turn, report) => record(turn, report, { turns, latency, score });
  const simulatorHook: TurnHook = (_turn, report) => {
    simulatorTurns.inc({ intent: report.result?.intent ?? 'unknown', outcome: outcomeOf(report), route: report.result?.route ?? 'error' });
  };
  const refused = (reason: RefusalReason) => refusedTurns.inc({ reason });
  return { router: metricsRouter(registry), hook, simulatorHook, refused, registry };
}

interface Instruments {
  turns: Counter<'intent' | 'outcome' | 'route'>;
  latency: Histogram<'route'>;
  score: Histogram<'outcome'>;
}

function record(_turn: TurnInput, report: TurnReport, { turns, latency, score }: Instruments): void {
  const r = report.result;
  const route = r?.route ?? 'error';
  const outcome = outcomeOf(report);
  turns.inc({ intent: r?.intent ?? 'unknown', outcome, route });
  latency.observe({ route }, report.latencyMs / 1000);
  if (r?.nlu && typeof r.score === 'number') score.observe({ outcome }, r.score);
}

function metricsRouter(registry: Registry): Router {
  const router = Router();
  router.get('/metrics', async (_req, res, next) => {
    try {
      const body = await registry.metrics();
      res.setHeader('Content-Type', registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(body);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
