/** POST /skill: the Kakao webhook. Always 200 with a valid SkillResponse once the body is a skill request. */
import { Router } from 'express';
import type { Conversation, TurnReport } from '../../dialog/conversation';
import type { TurnInput } from '../../dialog/types';
import type { SkillPayload } from '../../kakao/payload';
import { userTag, type Logger } from '../../log/logger';
import { maskUnderstoodless } from '../../log/mask';
import { parseSkill } from '../middleware/parse-skill';

/** Called after every answered turn (metrics, fallback report). Must not throw. */
export type TurnHook = (turn: TurnInput, report: TurnReport) => void;

export interface SkillRouteOptions {
  conversation: () => Conversation | undefined;
  logger: Logger;
  hooks?: TurnHook[];
  now?: () => number;
}

export function skillRoutes({ conversation, logger, hooks = [], now = Date.now }: SkillRouteOptions): Router {
  const router = Router();
  const log = logger.child({ module: 'skill' });
  router.post('/skill', parseSkill(), async (_req, res) => {
    const payload = res.locals.skill as SkillPayload;
    const turn: TurnInput = {
      requestId: res.locals.requestId as string,
      userKey: payload.userRequest.user.id,
      utterance: payload.userRequest.utterance,
      clientExtra: payload.action?.clientExtra ?? {},
      now: now(),
    };
    const conv = conversation();
    if (!conv) {
      res.json(STARTING);
      return;
    }
    const report = await conv.respond(turn);
    res.json(report.response);
    logTurn(log, turn, report);
    for (const hook of hooks) {
      try {
        hook(turn, report);
      } catch (err) {
        log.warn('turn hook failed', { requestId: turn.requestId, error: String(err) });
      }
    }
  });
  return router;
}

function logTurn(log: Logger, turn: TurnInput, report: TurnReport): void {
  const r = report.result;
  const inDialog = r?.route === 'dialog' || r?.dialog != null;
  log.info('turn', {
    requestId: turn.requestId,
    user: userTag(turn.userKey),
    route: r?.route ?? 'error',
    intent: r?.intent ?? null,
    score: r?.score ?? null,
    outcome: r?.outcome ?? 'error',
    latencyMs: report.latencyMs,
    ...(inDialog ? {} : { text: r?.intent === 'None' ? maskUnderstoodless(turn.utterance) : turn.utterance }),
  });
}

const STARTING = {
  version: '2.0',
  template: { outputs: [{ simpleText: { text: '잠시만요, 챗봇을 준비하고 있어요. 잠시 후 다시 말씀해 주세요. (문의: 1533-0301)' } }] },
};
