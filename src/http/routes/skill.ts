/**
 * POST /skill: the Kakao webhook, on node's own request handler rather than Express's router
 * (bench/results.md: Express's per-request machinery alone costs more than a whole turn).
 * Order: security headers and request id → shared secret (before the body is read) → body (64 KB, JSON)
 * → bot id → per-user rate limit → payload schema → turn. A parsed skill request always gets HTTP 200
 * with a valid SkillResponse, even when the turn fails.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config';
import { outcomeOf, type Conversation, type TurnReport } from '../../dialog/conversation';
import type Redis from 'ioredis';
import type { TurnInput } from '../../dialog/types';
import { parsePayload } from '../../kakao/payload';
import type { RefusalReason } from '../../metrics';
import { turnInput } from '../turn-input';
import type { SkillResponse } from '../../kakao/response';
import { userTag, type Logger } from '../../log/logger';
import { deepFreeze } from '../../kakao/build';
import { maskKept } from '../../log/mask';
import { HttpError, readJsonBody } from '../body';
import { BOT_ID_REFUSAL, botIdCheck } from '../middleware/bot-id';
import type { CannedReplies } from '../middleware/canned-replies';
import { describeError } from '../middleware/on-error';
import { rateLimiter } from '../middleware/rate-limit';
import { REQUEST_ID_HEADER, requestIdOf } from '../middleware/request-id';
import { secretCheck, secretRefusal } from '../middleware/shared-secret';
import { sendJson } from '../reply';

/** Called after every answered turn (metrics, fallback report). Must not throw. */
export type TurnHook = (turn: TurnInput, report: TurnReport) => void;

export interface SkillEndpointOptions {
  config: Pick<
    Config,
    'SKILL_SECRET' | 'SKILL_SECRET_HEADER' | 'BOT_ID' | 'RATE_LIMIT_TURNS' | 'RATE_LIMIT_WINDOW_MS' | 'RATE_LIMIT_TOTAL' | 'MAX_IN_FLIGHT' | 'LOG_UTTERANCES'
  >;
  conversation: () => Conversation | undefined;
  logger: Logger;
  canned: CannedReplies;
  hooks?: TurnHook[];
  /** Counts turns answered without the bot (rate limits, load shedding). */
  refused?: (reason: RefusalReason) => void;
  /** Rate-limit counts shared across instances (the Redis session store's client). */
  redis?: Redis;
  now?: () => number;
}

/** Ids the simulator uses; a webhook payload carrying one is refused, so the two never share a session. */
const SIMULATOR_ID = /^sim-/i;
const SIMULATOR_ID_REFUSAL = { error: 'invalid field userRequest.user.id: ids starting with sim- are reserved for the simulator' };

/** A node request handler for POST /skill (the caller routes only that method and path here). */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * @example const skill = skillEndpoint({ config, conversation, logger, canned }); skill(req, res)
 */
export function skillEndpoint({ config, conversation, logger, canned, hooks = [], refused, redis, now = Date.now }: SkillEndpointOptions): NodeHandler {
  const log = logger.child({ module: 'skill' });
  const secretHeader = config.SKILL_SECRET_HEADER.toLowerCase();
  const secretOk = config.SKILL_SECRET ? secretCheck(config.SKILL_SECRET) : undefined;
  const botOk = config.BOT_ID ? botIdCheck(config.BOT_ID) : undefined;
  const limiter = rateLimiter({ turns: config.RATE_LIMIT_TURNS, total: config.RATE_LIMIT_TOTAL, windowMs: config.RATE_LIMIT_WINDOW_MS, redis, logger });
  let inFlight = 0;
  let sheddingSince = 0;

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string, arrivedAt: number): Promise<void> {
    if (secretOk && !secretOk(req.headers[secretHeader])) return sendJson(res, 401, secretRefusal(config.SKILL_SECRET_HEADER), requestId);
    const body = await readJsonBody(req);
    if (botOk && !botOk(body)) return sendJson(res, 403, BOT_ID_REFUSAL, requestId);
    const parsed = parsePayload(body);
    if (!parsed.ok) return sendJson(res, 400, { error: parsed.error }, requestId);
    const payload = parsed.payload;
    if (SIMULATOR_ID.test(payload.userRequest.user.id)) return sendJson(res, 400, SIMULATOR_ID_REFUSAL, requestId);
    const verdict = await limiter.check(payload.userRequest.user.id, requestId);
    if (verdict !== 'ok') {
      refused?.(verdict === 'user' ? 'rate_limited_user' : 'rate_limited_total');
      return sendJson(res, 200, canned.rateLimited, requestId);
    }
    const conv = conversation();
    if (!conv) return sendJson(res, 200, STARTING, requestId);
    const turn = turnInput(payload, { requestId, now: now(), arrivedAt });
    let report: TurnReport;
    try {
      report = await conv.respond(turn);
    } catch (err) {
      failed(err, requestId);
      return sendJson(res, 200, canned.apology, requestId);
    }
    sendJson(res, 200, report.response, requestId);
    afterTurn(log, hooks, turn, report, config.LOG_UTTERANCES === 'masked');
  }

  function failed(err: unknown, requestId: string): void {
    log.error('unhandled error', { requestId, path: '/skill', ...describeError(err) });
  }

  /** Over `MAX_INFLIGHT`: a fast polite 200 at once (the body is drained unread) rather than an unbounded queue. */
  function shed(req: IncomingMessage, res: ServerResponse, requestId: string): void {
    refused?.('shed_in_flight');
    if (Date.now() - sheddingSince > 10_000) {
      sheddingSince = Date.now();
      log.warn('shedding load: too many turns in flight', { requestId, inFlight, limit: config.MAX_IN_FLIGHT });
    }
    req.resume();
    sendJson(res, 200, canned.busy, requestId);
  }

  return function skill(req, res) {
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    if (inFlight >= config.MAX_IN_FLIGHT) return shed(req, res, requestId);
    inFlight++;
    res.once('close', () => inFlight--);
    handle(req, res, requestId, Date.now()).catch((err: unknown) => {
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message }, requestId);
      failed(err, requestId);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', requestId }, requestId);
    });
  };
}

/**
 * What follows an answered turn: its log line, then every hook (a failing hook is logged, never thrown).
 * Exported for bench/turn-bench.ts, which measures a turn without HTTP.
 * @example afterTurn(logger.child({ module: 'skill' }), hooks, turn, report)
 */
export function afterTurn(log: Logger, hooks: readonly TurnHook[], turn: TurnInput, report: TurnReport, logUtterances = false): void {
  logTurn(log, turn, report, logUtterances);
  for (const hook of hooks) {
    try {
      hook(turn, report);
    } catch (err) {
      log.warn('turn hook failed', { requestId: turn.requestId, error: String(err) });
    }
  }
}

/**
 * The turn line: intent, route, outcome, latency and the user's pseudonym. The utterance only with
 * `LOG_UTTERANCES=masked`, masked and cut (`maskKept`), and never for a turn whose user had a dialog open before it
 * ran (or might have: the session could not be read), nor for one that ended in a dialog.
 */
function logTurn(log: Logger, turn: TurnInput, report: TurnReport, logUtterances: boolean): void {
  const r = report.result;
  const keepText = logUtterances && report.dialogOpen === false && r !== null && r.route !== 'dialog' && r.dialog == null;
  log.info('turn', {
    requestId: turn.requestId,
    user: userTag(turn.userKey),
    route: r?.route ?? 'error',
    intent: r?.intent ?? null,
    score: r?.score ?? null,
    outcome: outcomeOf(report),
    latencyMs: report.latencyMs,
    ...(r?.context ? { context: r.context } : {}),
    ...(keepText ? { text: turn.media ? `[${turn.media}]` : maskKept(turn.utterance) } : {}),
  });
}

const STARTING: SkillResponse = deepFreeze({
  version: '2.0',
  template: { outputs: [{ simpleText: { text: '잠시만요, 챗봇을 준비하고 있어요. 잠시 후 다시 말씀해 주세요. (문의: 1533-0301)' } }] },
});
