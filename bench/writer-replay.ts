/**
 * The event writer alone, fed the turn benchmark's own facts: N turns of the benchmark mix (bench/mix.ts) are answered
 * by the real conversation, their facts taken by the recorder as the server's are, then written in batches of
 * the recorder's size (`EVENT_BATCH`) into one fresh SQLite store: a warm-up of 10 batches, then `--rounds` rounds of N further turns (the mix goes
 * on: new users, new unique texts, as in the turn benchmark). CPU µs per turn of each thread (Linux /proc), so the writer's
 * cost is read without the turn's ±10 % noise.
 *
 * Run: `npx tsx bench/writer-replay.ts [turns=60000] [--rounds=3] [--thread | --hooks] [--profile=out.cpuprofile]`
 * - default: the writer in this thread (`createEventWriter`), as `--profile` sees it;
 * - `--thread`: through the writer thread (`workerSink`), as the server writes (clone, worker, messages);
 * - `--hooks`: the turns through the recorder's hook to the writer thread, as the server does, against the same loop
 *   without the hook (`hooks()`): the events' whole cost per turn, the event loop's share apart;
 * - `--profile=F`: a V8 CPU profile of the replays (in this thread; with `--hooks`, of the event loop's rounds) written
 *   to F (`bench/profile-summary.ts F`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config';
import type { TurnReport } from '../src/dialog/conversation';
import type { TurnInput } from '../src/dialog/types';
import { createEventRecorder, createEventWriter, EVENT_BATCH, keptBecause, openEventStore, sliceBatch, workerSink, type FactBatch } from '../src/events';
import { createLogger, userTag } from '../src/log/logger';
import { buildServer } from '../src/server';
import { createMix } from './mix';
import { cpuSince, median, startProfile, threadTimes } from './threads';

const args = process.argv.slice(2);
const TURNS = Number(args.find((a) => !a.startsWith('--')) ?? 60_000);
const ROUNDS = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 3);
const THREAD = args.includes('--thread');
const HOOKS = args.includes('--hooks');
const PROFILE = args.find((a) => a.startsWith('--profile='))?.split('=')[1];
/** The recorder's batch size under load. */
const BATCH = EVENT_BATCH;

/** The recorder's strings by local code (the batches' coded columns refer to them). */
let values: readonly string[] = [];

type Pair = [TurnInput, TurnReport];

/**
 * The benchmark mix's turns answered by the real conversation (real answers, real pseudonyms, one user per cycle),
 * each with its report (without the response, which no hook reads).
 */
async function capture(root: string, total: number): Promise<Pair[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-replay-'));
  const config = loadConfig({ CONTENT_DIR: root, LOG_LEVEL: 'error', EVENTS: 'off', EVENTS_DB: path.join(dir, 'e.sqlite'), SIMULATOR: 'off' });
  const server = buildServer(config, createLogger({ level: 'error', stream: new Writable({ write: (_c, _e, cb) => cb() }) }));
  await server.ready;
  const conversation = server.runtime()?.conversation;
  if (!conversation) throw new Error('runtime not ready');
  const mix = createMix(root);
  const pairs: Pair[] = [];
  const t0 = Date.now();
  for (let cycle = 0, seq = 0; seq < total; cycle++) {
    for (const t of mix.cycle(cycle)) {
      if (seq >= total) break;
      const turn: TurnInput = { requestId: `req-${seq}`, userKey: `bench-user-${cycle}`, utterance: t.utterance, clientExtra: t.extra ?? {}, now: t0 + seq * 5 };
      seq++;
      const report = await conversation.respond(turn);
      pairs.push([turn, { ...report, response: undefined, result: report.result && { ...report.result, replies: [] } } as unknown as TurnReport]);
    }
  }
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return pairs;
}

/** The facts of turns, as the server's recorder queues them: through a recorder whose sink keeps the one batch it is handed. */
async function factsOf(pairs: Pair[]): Promise<FactBatch> {
  let facts: FactBatch | undefined;
  const sink = async (batch: FactBatch, v: readonly string[]) => {
    facts = batch;
    values = v;
  };
  const rec = createEventRecorder({ sink, batchSize: pairs.length, maxQueue: pairs.length + 1, flushMs: 3_600_000, versions: () => VERSIONS });
  for (const p of pairs) rec.hook(...p);
  await rec.flush();
  if (!facts) throw new Error('no turns');
  return facts;
}

const VERSIONS = { model: 'eae6cd91f24dda1a', content: 'v3' };

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
  const batches: FactBatch[] = [];
  for (let at = 0; at < facts.n; at += BATCH) batches.push(sliceBatch(facts, at, at + BATCH));
  const t0 = threadTimes();
  for (const batch of batches) await writer.write(batch, values);
  await writer.flush();
  const per = cpuSince(t0, threadTimes(), facts.n, threadKey);
  return new Map([...per].filter(([, us]) => us > 0));
}

async function main(): Promise<void> {
  const WARMUP = 10 * BATCH;
  const pairs = await capture(path.resolve(__dirname, '..'), HOOKS ? TURNS : WARMUP + ROUNDS * TURNS);
  const kept = pairs.filter(([, r]) => keptBecause(r) !== null).map(([t]) => t.utterance);
  console.log(`${pairs.length} turns captured: text kept in ${((100 * kept.length) / pairs.length).toFixed(1)} % (${new Set(kept).size} distinct) · ${HOOKS ? 'hooks, writer thread' : THREAD ? 'writer thread' : 'this thread'} · load ${os.loadavg()[0].toFixed(2)}`);
  if (HOOKS) return hooks(pairs);
  const all = await factsOf(pairs);
  const profiler = PROFILE ? await startProfile(100) : undefined;
  const writer = await openWriter();
  await replay(writer, sliceBatch(all, 0, WARMUP)); // warm-up: the thread started, its store open, its code compiled
  const totals: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const per = await replay(writer, sliceBatch(all, WARMUP + r * TURNS, WARMUP + (r + 1) * TURNS));
    const total = [...per.values()].reduce((a, b) => a + b, 0);
    totals.push(total);
    console.log(`round ${r + 1}: ${total.toFixed(2)} µs per turn (${[...per].map(([t, us]) => `${t} ${us.toFixed(2)}`).join(' · ')})`);
  }
  if (profiler && PROFILE) await profiler.stop(PROFILE);
  await writer.close();
  console.log(`median ${median(totals).toFixed(2)} µs per turn, all threads`);
}

/** This bench's thread labels: `main`, or the thread id. */
const threadKey = (tid: string, name: string) => (name === 'main' ? 'main' : tid);

/**
 * `--hooks`: the turns handed to the recorder's hook one by one, as the server does (batches of `EVENT_BATCH` to the writer
 * thread, a yield to timers every 50 turns as in the turn benchmark), against the same loop without the hook; the
 * two alternate round by round. What events cost per turn in each thread, without the turn's own work and noise.
 * The N turns are replayed every round (a large live heap would make every garbage collection dearer), each round
 * under new user keys and times; their texts repeat, so the writer's masking and inbox cost less than in the
 * default mode (which measures the writer).
 */
async function hooks(pairs: Pair[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-replay-'));
  const config = { EVENTS_DB: path.join(dir, 'e.sqlite'), CONTENT_DIR: '.' };
  const store = await openEventStore(config); // migrated before the thread opens it, as the server's handle does
  const sink = workerSink({ config, synonyms: {} });
  const rec = createEventRecorder({ sink, versions: () => VERSIONS });
  const users = pairs.map(([t]) => t.userKey);
  const times = pairs.map(([t]) => t.now);
  let pass = 0;
  const run = async (on: boolean): Promise<Map<string, number>> => {
    pass++;
    for (let i = 0; i < pairs.length; i++) {
      pairs[i][0].userKey = `${users[i]}-${pass}`;
      pairs[i][0].now = times[i] + pass * 3_600_000;
    }
    const t0 = threadTimes();
    for (let i = 0; i < pairs.length; i++) {
      userTag(pairs[i][0].userKey); // the turn's log line takes the pseudonym first (the hook reads the memo), on both sides
      if (on) rec.hook(...pairs[i]);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await rec.flush();
    return cpuSince(t0, threadTimes(), pairs.length, threadKey);
  };
  await run(true);
  const profiler = PROFILE ? await startProfile(100) : undefined;
  const sums = { on: [] as number[], off: [] as number[], mainOn: [] as number[], mainOff: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const on of r % 2 ? [true, false] : [false, true]) {
      const per = await run(on);
      const total = [...per.values()].reduce((a, b) => a + b, 0);
      (on ? sums.on : sums.off).push(total);
      (on ? sums.mainOn : sums.mainOff).push(per.get('main') ?? 0);
      console.log(`round ${r + 1} ${on ? 'on ' : 'off'}: ${total.toFixed(2)} µs per turn (${[...per].filter(([, us]) => us > 0).map(([t, us]) => `${t} ${us.toFixed(2)}`).join(' · ')})`);
    }
  }
  if (profiler && PROFILE) await profiler.stop(PROFILE);
  await sink.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`medians: all threads on ${median(sums.on).toFixed(2)} − off ${median(sums.off).toFixed(2)} = ${(median(sums.on) - median(sums.off)).toFixed(2)} µs per turn; main thread on ${median(sums.mainOn).toFixed(2)} − off ${median(sums.mainOff).toFixed(2)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
