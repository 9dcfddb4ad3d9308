/** GET /simulator: the web chat simulator (static page) and POST /simulator/api/turn, its turn + inspector endpoint. */
import crypto from 'node:crypto';
import path from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import type { TurnReport } from '../../dialog/conversation';
import type { TurnInput } from '../../dialog/types';
import { mediaOf, type SkillPayload } from '../../kakao/payload';
import { maskText } from '../../log/mask';
import type { Runtime } from '../app';
import { parseSkill } from '../middleware/parse-skill';
import { OWN_PAGES_CSP } from '../middleware/security';

export interface SimulatorOptions {
  runtime: () => Runtime | undefined;
  /** Folder holding index.html, app.js and style.css. */
  assetsDir?: string;
  now?: () => number;
}

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
  latencyMs: z.number(),
});
export type Inspect = z.infer<typeof Inspect>;

/**
 * The simulator runs the same Conversation as `/skill` (sessions, dialogs, budget), without the webhook's
 * secret, bot-id check and turn hooks: staff's test turns do not count in metrics or the fallback report.
 * @example app.use(simulatorRoutes({ runtime: () => runtime }))
 */
export function simulatorRoutes({ runtime, assetsDir = SIMULATOR_ASSETS, now = Date.now }: SimulatorOptions): Router {
  const router = Router();
  router.use('/simulator', (_req, res, next) => {
    res.setHeader('Content-Security-Policy', OWN_PAGES_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  router.get(['/simulator', '/simulator/'], (_req, res, next) => res.sendFile(path.join(assetsDir, 'index.html'), (err) => err && next(err)));
  router.use('/simulator/assets', express.static(assetsDir, { index: false, redirect: false, cacheControl: false }));
  router.post('/simulator/api/turn', express.json({ limit: '16kb' }), parseSkill(), async (_req, res) => {
    const payload = res.locals.skill as SkillPayload;
    if (!SIM_USER.test(payload.userRequest.user.id)) {
      res.status(400).json({ error: 'invalid field userRequest.user.id: simulator users are sim-<letters, digits, -, _>' });
      return;
    }
    const conversation = runtime()?.conversation;
    if (!conversation) {
      res.status(503).json({ error: 'model is loading' });
      return;
    }
    const turn: TurnInput = {
      requestId: (res.locals.requestId as string | undefined) ?? crypto.randomUUID(),
      userKey: payload.userRequest.user.id,
      utterance: payload.userRequest.utterance,
      clientExtra: payload.action?.clientExtra ?? {},
      media: mediaOf(payload) ?? undefined,
      now: now(),
    };
    const report = await conversation.respond(turn);
    res.json({ response: report.response, inspect: inspect(report) });
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
    outcome: r?.outcome ?? `error${report.error ? `: ${report.error}` : ''}`,
    dialog: r?.dialog ? { flow: r.dialog.flow, step: r.dialog.step } : null,
    latencyMs: report.latencyMs,
  };
}
