/** GET /simulator: the web chat simulator (static page) and POST /simulator/api/turn, its turn + inspector endpoint. */
import crypto from 'node:crypto';
import path from 'node:path';
import express, { Router } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import { outcomeOf, type Conversation, type TurnReport } from '../../dialog/conversation';
import type { SkillPayload } from '../../kakao/payload';
import { maskText } from '../../log/mask';
import { jsonBody } from '../body';
import { parseSkill } from '../middleware/parse-skill';
import type { TurnHook } from './skill';
import { turnInput } from '../turn-input';
import { OWN_PAGES_CSP } from '../middleware/security';

export interface SimulatorOptions {
  /** The simulator's own conversation (its own session store), once the model is loaded. */
  conversation: () => Conversation | undefined;
  /** Called after every simulator turn (its own metric); never the webhook's hooks. */
  hook?: TurnHook;
  /** Called when a turn is refused by the simulator's rate limit. */
  onLimited?: () => void;
  /** Turns one client (IP address) may send per 10 s. */
  turnsPer10s?: number;
  /** Turns all clients together may send per second. */
  totalPerSecond?: number;
  /** Folder holding index.html, app.js and style.css. */
  assetsDir?: string;
  now?: () => number;
}

/** The simulator's request body limit: a typed message and a tap's extra, never more. */
export const SIMULATOR_BODY_LIMIT_BYTES = 16 * 1024;
/** Simulator sessions are few (staff trying things); they live in their own small LRU, never in the partners' store. */
export const SIMULATOR_SESSION_MAX = 1000;

/** Same folder from src/ (tests, tsx) and dist/ (npm start): `<repo>/public/simulator`. */
export const SIMULATOR_ASSETS = path.resolve(__dirname, '../../../public/simulator');

/** Simulator users live in their own key space, so the page can never act as a real partner. */
const SIM_USER = /^sim-[\w-]{1,64}$/;


/** What the inspector shows for a turn: routing and NLU, dialog flow/step only (never slot values). */
export const Inspect = z.object({
  normalized: z.string().nullable(),
  intent: z.string().nullable(),
  score: z.number().nullable(),
  alternatives: z.array(z.object({ intent: z.string(), score: z.number() })),
  route: z.string(),
  outcome: z.string(),
  dialog: z.object({ flow: z.string(), step: z.string() }).nullable(),
  /** The FAQ answered before, with which the message was read as a follow-up (`followups.ts`), else null. */
  context: z.string().nullable(),
  latencyMs: z.number(),
});
export type Inspect = z.infer<typeof Inspect>;

/**
 * The simulator runs the same Conversation as `/skill` (sessions, dialogs, budget), without the webhook's
 * secret, bot-id check and turn hooks: staff's test turns do not count in metrics or the fallback report.
 * @example app.use(simulatorRoutes({ runtime: () => runtime }))
 */
export function simulatorRoutes({
  conversation,
  hook,
  onLimited,
  turnsPer10s = 30,
  totalPerSecond = 60,
  assetsDir = SIMULATOR_ASSETS,
  now = Date.now,
}: SimulatorOptions): Router {
  const router = Router();
  const perClient = new RateLimiterMemory({ points: turnsPer10s, duration: 10 });
  const total = new RateLimiterMemory({ points: totalPerSecond, duration: 1 });
  const limited = `too many simulator turns (limit ${turnsPer10s} per 10 s per client, ${totalPerSecond} per second in all)`;
  router.use('/simulator', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', OWN_PAGES_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  router.get(['/simulator', '/simulator/'], (_req, res, next) => res.sendFile(path.join(assetsDir, 'index.html'), (err) => err && next(err)));
  router.use('/simulator/assets', express.static(assetsDir, { index: false, redirect: false, cacheControl: false }));
  const allow = async (client: string): Promise<boolean> => {
    try {
      await total.consume('all');
      await perClient.consume(client);
      return true;
    } catch {
      return false;
    }
  };
  router.post('/simulator/api/turn', async (req, res, next) => {
    res.locals.arrivedAt = Date.now();
    if (await allow(req.socket.remoteAddress ?? 'unknown')) return next();
    onLimited?.();
    res.status(429).setHeader('Retry-After', '10').json({ error: limited });
  }, jsonBody({ limit: SIMULATOR_BODY_LIMIT_BYTES }), parseSkill(), async (_req, res) => {
    const payload = res.locals.skill as SkillPayload;
    if (!SIM_USER.test(payload.userRequest.user.id)) {
      res.status(400).json({ error: 'invalid field userRequest.user.id: simulator users are sim-<letters, digits, -, _>' });
      return;
    }
    const conv = conversation();
    if (!conv) {
      res.status(503).json({ error: 'model is loading' });
      return;
    }
    const requestId = (res.locals.requestId as string | undefined) ?? crypto.randomUUID();
    const turn = turnInput(payload, { requestId, now: now(), arrivedAt: (res.locals.arrivedAt as number | undefined) ?? Date.now() });
    const report = await conv.respond(turn);
    res.json({ response: report.response, inspect: inspect(report) });
    try {
      hook?.(turn, report);
    } catch {
      // a metric must never fail a turn
    }
  });
  return router;
}

/**
 * The inspector view of a turn report. The normalized text is masked like a log line, and hidden inside a
 * guided dialog (it may be a slot answer, e.g. a name).
 * @example inspect(report).route // 'nlu'
 */
export function inspect(report: TurnReport): Inspect {
  const r = report.result;
  const inDialog = r?.route === 'dialog' || r?.dialog != null;
  return {
    normalized: r?.nlu && !inDialog ? maskText(r.nlu.normalized) : null,
    intent: r?.intent ?? null,
    score: r?.score ?? r?.nlu?.score ?? null,
    alternatives: r?.nlu?.alternatives ?? [],
    route: r?.route ?? 'error',
    outcome: r ? outcomeOf(report) : `${outcomeOf(report)}${report.error && report.error !== 'superseded' ? `: ${report.error}` : ''}`,
    dialog: r?.dialog ? { flow: r.dialog.flow, step: r.dialog.step } : null,
    context: r?.context ?? null,
    latencyMs: report.latencyMs,
  };
}
