/**
 * The event writer alone, fed the turn benchmark's own facts: N turns of the benchmark mix (bench/mix.ts) are answered
 * by the real conversation, their facts taken as the recorder takes them (`pushFacts`), then written in batches of
 * 1,000 into one fresh SQLite store: a warm-up of 10 batches, then `--rounds` rounds of N further turns (the mix goes
 * on: new users, new unique texts, as in the turn benchmark). CPU µs per turn of each thread (Linux /proc), so the writer's
 * cost is read without the turn's ±10 % noise.
 *
 * Run: `npx tsx bench/writer-replay.ts [turns=60000] [--rounds=3] [--thread] [--profile=out.cpuprofile]`
 * - default: the writer in this thread (`createEventWriter`), as `--profile` sees it;
 * - `--thread`: through the writer thread (`workerSink`), as the server writes (clone, worker, messages);
 * - `--profile=F`: a V8 CPU profile of the replays (in this thread) written to F (`bench/profile-summary.ts F`).
 */
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config';
import type { TurnInput } from '../src/dialog/types';
import { createEventWriter, FACTS, openEventStore, pushFacts, ValueCodes, workerSink, type FactBatch } from '../src/events';
import { createLogger } from '../src/log/logger';
import { buildServer } from '../src/server';
import { createMix } from './mix';

const args = process.argv.slice(2);
const TURNS = Number(args.find((a) => !a.startsWith('--')) ?? 60_000);
const ROUNDS = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 3);
const THREAD = args.includes('--thread');
const PROFILE = args.find((a) => a.startsWith('--profile='))?.split('=')[1];
const BATCH = 1000;
const TEXT_COLUMN = 12;

/** CPU ticks (1/100 s) of each thread of this process, by thread id. */
function threadTicks(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid === String(process.pid) ? 'main' : tid, Number(f[11]) + Number(f[12]));
    } catch {
      // ended
    }
  }
  return out;
}

/** The benchmark mix's facts, as the server's recorder queues them (real answers, real pseudonyms, one user per cycle). */
const codes = new ValueCodes();

async function capture(root: string, total: number): Promise<FactBatch> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-replay-'));
  const config = loadConfig({ CONTENT_DIR: root, LOG_LEVEL: 'error', EVENTS: 'off', EVENTS_DB: path.join(dir, 'e.sqlite'), SIMULATOR: 'off' });
  const server = buildServer(config, createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, cb) => cb() }) }));
  await server.ready;
  const conversation = server.runtime()?.conversation;
  if (!conversation) throw new Error('runtime not ready');
  const mix = createMix(root);
  const facts: FactBatch = [];
  const t0 = Date.now();
  for (let cycle = 0, seq = 0; seq < total; cycle++) {
    for (const t of mix.cycle(cycle)) {
      if (seq >= total) break;
      const turn: TurnInput = { requestId: `req-${seq}`, userKey: `bench-user-${cycle}`, utterance: t.utterance, clientExtra: t.extra ?? {}, now: t0 + seq * 5 };
      seq++;
      pushFacts(facts, turn, await conversation.respond(turn), { model: 'eae6cd91f24dda1a', content: 'v3' }, codes);
    }
  }
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return facts;
}

/** A writer for every round, on one store (it grows round by round, as the server's does). */
async function openWriter(): Promise<{ write: (b: FactBatch, values: readonly string[]) => Promise<void>; flush: () => Promise<void>; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-replay-'));
  const config = { EVENTS_DB: path.join(dir, 'e.sqlite'), CONTENT_DIR: '.' };
  const store = await openEventStore(config);
  const sink = THREAD ? workerSink({ config, synonyms: {} }) : undefined;
  const writer = sink ? { write: sink, flush: sink.flush } : createEventWriter(async () => store);
  return {
    write: writer.write,
    flush: writer.flush,
    close: async () => {
      await sink?.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU µs per turn of each thread while `facts` are written. */
async function replay(writer: Awaited<ReturnType<typeof openWriter>>, facts: FactBatch): Promise<Map<string, number>> {
  const t0 = threadTicks();
  for (let at = 0; at < facts.length; at += BATCH * FACTS) await writer.write(facts.slice(at, at + BATCH * FACTS), codes.values);
  await writer.flush();
  const t1 = threadTicks();
  const per = new Map<string, number>();
  for (const [tid, ticks] of t1) if (ticks - (t0.get(tid) ?? 0) > 0) per.set(tid, ((ticks - (t0.get(tid) ?? 0)) * 10_000) / (facts.length / FACTS));
  return per;
}

async function main(): Promise<void> {
  const WARMUP = 10 * BATCH;
  const all = await capture(path.resolve(__dirname, '..'), WARMUP + ROUNDS * TURNS);
  const facts = all.slice(0, WARMUP * FACTS);
  const n = all.length / FACTS;
  const kept = Array.from({ length: n }, (_, i) => all[i * FACTS + TEXT_COLUMN]).filter((t) => t !== null);
  console.log(`${n} turns captured: text kept in ${((100 * kept.length) / n).toFixed(1)} % (${new Set(kept).size} distinct) · ${THREAD ? 'writer thread' : 'this thread'} · load ${os.loadavg()[0].toFixed(2)}`);
  const profiler = PROFILE ? new inspector.Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 100 });
    await profiler.post('Profiler.start');
  }
  const writer = await openWriter();
  await replay(writer, facts); // warm-up: the thread started, its store open, its code compiled
  const totals: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const per = await replay(writer, all.slice((WARMUP + r * TURNS) * FACTS, (WARMUP + (r + 1) * TURNS) * FACTS));
    const total = [...per.values()].reduce((a, b) => a + b, 0);
    totals.push(total);
    console.log(`round ${r + 1}: ${total.toFixed(2)} µs per turn (${[...per].map(([t, us]) => `${t} ${us.toFixed(2)}`).join(' · ')})`);
  }
  if (profiler && PROFILE) {
    const { profile } = await profiler.post('Profiler.stop');
    fs.writeFileSync(PROFILE, JSON.stringify(profile));
  }
  await writer.close();
  const sorted = [...totals].sort((a, b) => a - b);
  console.log(`median ${sorted[sorted.length >> 1].toFixed(2)} µs per turn, all threads`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
