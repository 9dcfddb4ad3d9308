/** Summarise benchmark rounds and write them into bench/results.md (between markers; the rest is kept). */
import fs from 'node:fs';
import os from 'node:os';
import type { RoundResult } from './load';

export interface Summary {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  degraded: number;
  requests: number;
  cpuUsPerReq: number;
}

/** One server's results: `bare` (the Express floor), `node` (the node floor), `ours`, or a named variant of ours. */
export interface ServerReport extends Summary {
  name: string;
  /** How it was run (env overrides, directory). */
  how: string;
  rssMb: number;
  peakMb: number;
  readyMs: number;
}

export interface Report {
  servers: ServerReport[];
  rounds: RoundResult[];
  settings: { connections: number; seconds: number; rounds: number; warmup: number; model: string; mix: string; loadAtStart: number };
}

export const TARGETS = { ratio: 0.7, p99: 50, rssMb: 250 };

/**
 * Median of req/s, CPU and latencies over the rounds of one server; errors are summed.
 * @example summarise(rounds.filter((r) => r.server === 'ours')).reqPerSec
 */
export function summarise(rounds: RoundResult[]): Summary {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const sum = (f: (r: RoundResult) => number) => rounds.reduce((n, r) => n + f(r), 0);
  return {
    reqPerSec: median(rounds.map((r) => r.reqPerSec)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: sum((r) => r.errors + r.timeouts),
    non2xx: sum((r) => r.non2xx),
    degraded: sum((r) => r.degraded),
    requests: sum((r) => r.requests),
    cpuUsPerReq: median(rounds.map((r) => r.cpuUsPerReq)),
  };
}

/**
 * Which targets hold for `ours` (name → ok).
 * @example Object.values(verdicts(report)).every(Boolean)
 */
export function verdicts(report: Report, name = 'ours'): Record<string, boolean> {
  const bare = serverOf(report, 'bare');
  const ours = serverOf(report, name);
  return {
    [`throughput ≥ ${TARGETS.ratio}× bare`]: ours.reqPerSec / bare.reqPerSec >= TARGETS.ratio,
    [`p99 ≤ ${TARGETS.p99} ms`]: ours.p99 <= TARGETS.p99,
    'zero errors, zero non-2xx': ours.errors + ours.non2xx === 0,
    [`RSS ≤ ${TARGETS.rssMb} MB after load`]: ours.rssMb <= TARGETS.rssMb,
  };
}

function serverOf(report: Report, name: string): ServerReport {
  const s = report.servers.find((x) => x.name === name);
  if (!s) throw new Error(`no server ${name} in the report`);
  return s;
}

/**
 * The generated part of results.md.
 * @example writeResults('bench/results.md', toMarkdown(report))
 */
export function toMarkdown(report: Report): string {
  const { servers, settings: s } = report;
  const bare = serverOf(report, 'bare');
  const node = servers.find((x) => x.name === 'node');
  const row = (label: string, f: (x: ServerReport) => string | number, target = '') => `| ${label} | ${servers.map(f).join(' | ')} | ${target} |`;
  const cpu = os.cpus();
  return [
    `Run ${new Date().toISOString()} · Node ${process.version} · ${cpu.length} × ${cpu[0]?.model ?? 'cpu'} · load average at start ${s.loadAtStart.toFixed(2)} (other work on the machine skews absolute numbers; the ratio is measured in the same alternating rounds)`,
    `${s.connections} connections · ${s.rounds} rounds × ${s.seconds} s per server, alternating, after a ${s.warmup} s warm-up each · model ${s.model}`,
    `Mix, per simulated user (a fresh user id per cycle, so the per-user rate limit never triggers): ${s.mix}.`,
    '',
    `| | ${servers.map((x) => `${x.name}${x.how ? ` (${x.how})` : ''}`).join(' | ')} | target |`,
    `|---|${servers.map(() => '---:').join('|')}|---|`,
    row('req/s (median of rounds)', (x) => x.reqPerSec),
    row('ratio to bare', (x) => (x.name === 'bare' ? '1' : `**${(x.reqPerSec / bare.reqPerSec).toFixed(2)}**`), `≥ ${TARGETS.ratio}`),
    ...(node ? [row('ratio to the node floor (no Express at all)', (x) => (x.reqPerSec / node.reqPerSec).toFixed(2))] : []),
    row('server CPU per request, µs (median)', (x) => x.cpuUsPerReq),
    row('CPU ratio: bare CPU ÷ this server (≈ the ratio on an idle machine)', (x) => (x.name === 'bare' ? '1' : (bare.cpuUsPerReq / x.cpuUsPerReq).toFixed(2)), `≥ ${TARGETS.ratio}`),
    row('p50 latency, ms', (x) => x.p50),
    row('p99 latency, ms', (x) => x.p99, `≤ ${TARGETS.p99}`),
    row('requests (all rounds)', (x) => x.requests),
    row('errors + timeouts / non-2xx', (x) => `${x.errors} / ${x.non2xx}`, '0 / 0'),
    row('degraded 200s (apology, rate limit)', (x) => x.degraded, '0'),
    row('RSS after load (peak), MB', (x) => `${x.rssMb} (${x.peakMb})`, `≤ ${TARGETS.rssMb}`),
    row('spawn → /readyz 200, ms', (x) => x.readyMs),
    '',
    Object.entries(verdicts(report)).map(([name, ok]) => `${ok ? '✅' : '❌'} ${name}`).join(' · '),
    '',
    '<details><summary>Rounds</summary>',
    '',
    '| round | server | req/s | CPU µs/req | p50 ms | p99 ms | requests | non-2xx | degraded |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    ...report.rounds.map((r) => `| ${r.round} | ${r.server} | ${r.reqPerSec} | ${r.cpuUsPerReq} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.non2xx} | ${r.degraded} |`),
    '',
    '</details>',
  ].join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/**
 * Replace the generated part of `file` (or create it), keeping everything outside the markers.
 * @example writeResults('bench/results.md', markdown)
 */
export function writeResults(file: string, markdown: string): void {
  const fresh = `# Benchmark: bluebot against the bare Express floor\n\nGenerated by \`npm run bench\`.\n\n${START}\n${END}\n`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : fresh;
  const [head, rest] = text.includes(START) ? text.split(START) : [fresh.split(START)[0], `${END}\n${text}`];
  const tail = rest.slice(rest.indexOf(END) + END.length);
  fs.writeFileSync(file, `${head}${START}\n${markdown}\n${END}${tail}`);
}
