/**
 * `npm run bench`: our server (dist/index.js), the bare Express floor and the node floor side by side, loaded with
 * autocannon in alternating rounds with the same mix; writes bench/results.md.
 * Options: --seconds 10 --rounds 3 --warmup 15 --connections 50 --env KEY=VALUE (ours, repeatable)
 * --variant 'name[@dir][:KEY=VALUE,…]' (another build or env of ours in the same rounds, repeatable;
 * NODE_OPTIONS=… passes V8 flags) --no-node-floor (skip the second reference, bench/node-floor.ts)
 * --no-build --no-write --strict (exit 1 when a target is missed)
 * --profile (CPU profile of ours into test-artifacts/profiles; summarise with bench/profile-summary.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { runRound, type RoundResult } from './load';
import { createMix } from './mix';
import { summarise, toMarkdown, verdicts, writeResults, type Report, type ServerReport } from './report';
import { memoryOf, startServer, stopServer, type Running } from './servers';

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

interface Target {
  name: string;
  dir: string;
  env: Record<string, string>;
  /** A reference server from bench/ (the bare Express floor, the node floor) instead of dist/index.js. */
  script?: string;
}

function options() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '15' },
      connections: { type: 'string', default: '50' },
      env: { type: 'string', multiple: true, default: [] },
      variant: { type: 'string', multiple: true, default: [] },
      'no-build': { type: 'boolean', default: false },
      'no-node-floor': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
    },
  });
  const ours: Target = { name: 'ours', dir: ROOT, env: { LOG_LEVEL: 'info', ADMIN_PORT: '0', ...envOf(values.env) } };
  return {
    seconds: Number(values.seconds),
    rounds: Number(values.rounds),
    warmup: Number(values.warmup),
    connections: Number(values.connections),
    targets: [
      { name: 'bare', dir: ROOT, env: {}, script: 'bare-server.ts' },
      ...(values['no-node-floor'] ? [] : [{ name: 'node', dir: ROOT, env: {}, script: 'node-floor.ts' }]),
      ours,
      ...values.variant.map((v) => variantOf(v, ours)),
    ],
    build: !values['no-build'],
    write: !values['no-write'],
    strict: values.strict,
    profile: values.profile,
  };
}

function envOf(pairs: string[]): Record<string, string> {
  return Object.fromEntries(pairs.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

/** `name[@dir][:K=V,K=V]` → a target inheriting ours' env. */
function variantOf(spec: string, ours: Target): Target {
  const m = /^([\w.-]+)(?:@([^:]+))?(?::(.*))?$/.exec(spec);
  if (!m) throw new Error(`--variant ${spec}: expected name[@dir][:KEY=VALUE,…]`);
  return { name: m[1], dir: path.resolve(m[2] ?? ROOT), env: { ...ours.env, ...envOf(m[3] ? m[3].split(',') : []) } };
}

async function main(): Promise<void> {
  const opts = options();
  const loadAtStart = os.loadavg()[0];
  if (opts.build) build();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const mix = createMix(ROOT);
  const running = new Map<string, Running>();
  for (const t of opts.targets) running.set(t.name, await start(t, opts.profile && t.name === 'ours'));
  log(`ready: ${[...running.values()].map((r) => `${r.name} ${r.readyMs} ms`).join(', ')}`);
  const load = (s: Running, round: number, seconds: number) =>
    runRound({ server: s.name, round, tag: `r${round}`, port: s.port, pid: s.child.pid!, mix, connections: opts.connections, seconds });
  for (const s of running.values()) await load(s, 0, opts.warmup);
  const rounds: RoundResult[] = [];
  for (let r = 1; r <= opts.rounds; r++) {
    const order = [...running.values()];
    if (r % 2 === 0) order.reverse();
    for (const s of order) {
      const result = await load(s, r, opts.seconds);
      rounds.push(result);
      log(`round ${r} ${s.name}: ${result.reqPerSec} req/s, ${result.cpuUsPerReq} µs CPU/req, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, degraded ${result.degraded}`);
    }
  }
  const servers: ServerReport[] = opts.targets.map((t) => {
    const s = running.get(t.name)!;
    return { name: t.name, how: howOf(t), ...summarise(rounds.filter((r) => r.server === t.name)), ...memoryOf(s.child.pid!), readyMs: s.readyMs };
  });
  const exits = await Promise.all([...running.values()].map(async (s) => `${s.name} ${await stopServer(s)}`));
  const report: Report = { servers, rounds, settings: { ...opts, loadAtStart, model: modelSource(logFileOf('ours')), mix: describeMix(mix.shares) } };
  const markdown = toMarkdown(report);
  console.log(`\n${markdown}\n\nexit codes after SIGTERM: ${exits.join(', ')}`);
  if (opts.write) writeResults(path.join(ROOT, 'bench', 'results.md'), markdown);
  if (opts.strict && Object.values(verdicts(report)).includes(false)) process.exitCode = 1;
}

function start(t: Target, profile: boolean): Promise<Running> {
  const prof = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ARTIFACTS, 'profiles')}`] : [];
  const args = t.script ? [compileReference(t.script)] : [...prof, 'dist/index.js'];
  return startServer({ name: t.name, args, env: t.env, cwd: t.dir, logFile: logFileOf(t.name) });
}

/** Plain JavaScript for the reference servers too: no loader hooks in any server. */
function compileReference(script: string): string {
  const source = fs.readFileSync(path.join(ROOT, 'bench', script), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const file = path.join(ARTIFACTS, `bench-${script.replace(/\.ts$/, '.js')}`);
  fs.writeFileSync(file, outputText);
  return file;
}

function howOf(t: Target): string {
  if (t.script) return '';
  const env = Object.entries(t.env).map(([k, v]) => `${k}=${v}`).join(' ');
  return [t.dir === ROOT ? '' : path.relative(ROOT, t.dir), env].filter(Boolean).join(' ');
}

function logFileOf(name: string): string {
  return path.join(ARTIFACTS, `bench-${name}.log`);
}

function build(): void {
  log('building dist/ (tsc -p tsconfig.build.json)');
  const res = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('build failed');
}

function modelSource(logFile: string): string {
  const text = fs.readFileSync(logFile, 'utf8');
  if (text.includes('"model loaded"')) return 'loaded from models/';
  if (text.includes('model trained')) return 'trained at startup (run npm run train first for a fair startup time)';
  return 'unknown (LOG_LEVEL above info)';
}

function describeMix(shares: Record<string, number>): string {
  return `${shares.tap} quick-reply taps with clientExtra, ${shares.text} free-text utterances from test/nlu/dev.tsv (every 4th made unique), ${shares.dialog} password-reset dialog turns (tap, phone, birth date, name, confirm)`;
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
