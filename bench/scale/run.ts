/**
 * `npm run bench:scale -- --intents 8,50,200`: how training, memory and classification grow with the number of FAQs.
 * For each size, synthetic FAQs (bench/scale/synthetic.ts: object × aspect, 34 utterances each) plus the real None
 * and control intents are trained in a fresh process with each trainer, then the artifact is loaded in another fresh
 * process as the server loads it. Reports train time, artifact size, RSS, classify p50/p99, and the growth exponent
 * of training time between the two largest sizes (log(t₂/t₁) / log(n₂/n₁)), all from this one run.
 * Options: --intents 8,50,200  --trainers fast,nlpjs  --nlpjs-max 50 (skip NLP.js's own trainer above this size; it
 * takes minutes at 200)  --timeout 900 (seconds per child)  --write (append the table to bench/results.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');

interface TrainResult {
  trainMs: number;
  utterances: number;
  iterations: number;
  features: number;
  perceptrons: number;
  rssMb: number;
  artifactBytes: number;
}
interface LoadResult {
  loadMs: number;
  rssMb: number;
  classified: number;
  p50Ms: number;
  p99Ms: number;
  heldOutAccuracy: number;
}
interface Row {
  n: number;
  trainer: string;
  train?: TrainResult;
  load?: LoadResult;
  error?: string;
}

function child(args: string[], timeoutS: number): { ok: true; value: any } | { ok: false; error: string } {
  const res = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'child.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (res.status !== 0) return { ok: false, error: res.error?.message ?? (res.stderr.trim().split('\n').pop() || `exit ${res.status}`) };
  return { ok: true, value: JSON.parse(res.stdout.trim().split('\n').pop() as string) };
}

function measure(n: number, trainer: string, timeoutS: number, dir: string): Row {
  const file = path.join(dir, `${trainer}-${n}`, 'artifact.json');
  const trained = child(['train', String(n), trainer, file], timeoutS);
  if (!trained.ok) return { n, trainer, error: trained.error };
  const loaded = child(['load', String(n), file], timeoutS);
  if (!loaded.ok) return { n, trainer, train: trained.value, error: loaded.error };
  return { n, trainer, train: trained.value, load: loaded.value };
}

/** Growth exponent k in t ∝ nᵏ between two sizes. */
export function exponent(n1: number, t1: number, n2: number, t2: number): number {
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}

function table(rows: Row[]): string {
  const lines = [
    '| FAQs | trainer | utterances | features | epochs | train | artifact | RSS after training | RSS loaded | classify p50 / p99 | held-out accuracy |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const t = r.train;
    const l = r.load;
    if (!t) {
      lines.push(`| ${r.n} | ${r.trainer} | failed: ${r.error} | | | | | | | | |`);
      continue;
    }
    const load = l ? `${l.rssMb} MB | ${l.p50Ms} / ${l.p99Ms} ms | ${l.heldOutAccuracy}%` : `failed: ${r.error} | | `;
    lines.push(
      `| ${r.n} | ${r.trainer} | ${t.utterances} | ${t.features} | ${t.iterations} | ${(t.trainMs / 1000).toFixed(1)} s | ${(t.artifactBytes / 1e6).toFixed(1)} MB | ${t.rssMb} MB | ${load} |`,
    );
  }
  return lines.join('\n');
}

function summary(rows: Row[], sizes: number[]): string[] {
  const out: string[] = [];
  const [n1, n2] = sizes.slice(-2);
  for (const trainer of new Set(rows.map((r) => r.trainer))) {
    const a = rows.find((r) => r.trainer === trainer && r.n === n1)?.train;
    const b = rows.find((r) => r.trainer === trainer && r.n === n2)?.train;
    if (a && b && n1 !== n2) {
      const k = exponent(n1, a.trainMs, n2, b.trainMs);
      const perEpoch = exponent(n1, a.trainMs / a.iterations, n2, b.trainMs / b.iterations);
      out.push(`${trainer}: training grows as n^${k.toFixed(2)} between ${n1} and ${n2} FAQs (per epoch n^${perEpoch.toFixed(2)}; epochs ${a.iterations} → ${b.iterations})`);
    }
  }
  for (const n of sizes) {
    const fast = rows.find((r) => r.trainer === 'fast' && r.n === n)?.train;
    const nlpjs = rows.find((r) => r.trainer === 'nlpjs' && r.n === n)?.train;
    if (fast && nlpjs) out.push(`${n} FAQs: fast trainer ${(nlpjs.trainMs / fast.trainMs).toFixed(1)}× faster than NLP.js's (${(nlpjs.trainMs / 1000).toFixed(1)} s → ${(fast.trainMs / 1000).toFixed(1)} s)`);
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      intents: { type: 'string', default: '8,50,200' },
      trainers: { type: 'string', default: 'fast,nlpjs' },
      'nlpjs-max': { type: 'string', default: '50' },
      timeout: { type: 'string', default: '900' },
      write: { type: 'boolean', default: false },
    },
  });
  const sizes = values.intents.split(',').map(Number);
  const trainers = values.trainers.split(',');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-scale-'));
  const rows: Row[] = [];
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${os.cpus().length} cores`);
  for (const n of sizes) {
    for (const trainer of trainers) {
      if (trainer === 'nlpjs' && n > Number(values['nlpjs-max'])) continue;
      const row = measure(n, trainer, Number(values.timeout), dir);
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const md = [table(rows), '', ...summary(rows, sizes).map((s) => `- ${s}`)].join('\n');
  console.log(`\n${md}`);
  if (values.write) {
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    fs.appendFileSync(path.join(ROOT, 'bench/results.md'), `\n## Scale run ${when} UTC (load ${os.loadavg()[0].toFixed(2)})\n\n${md}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  });
}
