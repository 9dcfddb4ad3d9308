/** One load round with autocannon: 50 connections, each playing one user's cycle of the mix after another. */
import autocannon from 'autocannon';
import { skillBody, type Mix, type Turn } from './mix';
import { cpuMsOf } from './servers';

export interface RoundResult {
  server: string;
  round: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 200 answers that were our apology or the rate-limit reply (should be zero). */
  degraded: number;
  /** Server CPU time per answered request, µs: robust to other load on the machine. */
  cpuUsPerReq: number;
}

export interface RoundOptions {
  server: string;
  round: number;
  /** Distinguishes this round's user ids from other rounds' (rate limit and sessions are per user). */
  tag: string;
  port: number;
  mix: Mix;
  connections: number;
  seconds: number;
  /** The server's process, for its CPU time. */
  pid: number;
}

/** Texts that mark a degraded answer: the apology (system.error) and the rate-limit reply. */
const DEGRADED = ['잠시 문제가 생겼어요', '잠시만 기다려 주세요'];

/** autocannon keeps a context per connection through one pass over `requests` (one cycle, one user). */
interface CycleContext {
  cycle: number;
  turns: Turn[];
}

/**
 * Run one round against `port` and summarise it.
 * @example await runRound({ server: 'ours', port, mix, connections: 50, seconds: 10 })
 */
export async function runRound({ server, round, tag, port, mix, connections, seconds, pid }: RoundOptions): Promise<RoundResult> {
  let nextCycle = 0;
  const cpuBefore = cpuMsOf(pid);
  let degraded = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    initialContext: { cycle: -1, turns: [] },
    requests: Array.from({ length: mix.length }, (_, step) => ({
      method: 'POST' as const,
      path: '/skill',
      headers: { 'content-type': 'application/json' },
      setupRequest(req: autocannon.Request, context: object) {
        const c = context as CycleContext;
        if (step === 0 || c.turns.length === 0) {
          c.cycle = nextCycle++;
          c.turns = mix.cycle(c.cycle);
        }
        return { ...req, body: skillBody(c.turns[step], `bench-${tag}-${c.cycle}`) };
      },
      onResponse(_status: number, body: string) {
        if (DEGRADED.some((d) => body.includes(d))) degraded++;
      },
    })),
  });
  const cpuUsPerReq = Math.round(((cpuMsOf(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total));
  return {
    server,
    round,
    cpuUsPerReq,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    degraded,
  };
}
