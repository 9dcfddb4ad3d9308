/**
 * In-process micro-benchmark of one turn: the benchmark mix (bench/mix.ts) replayed straight through
 * `conversation.respond(turn)` plus the per-turn work the /skill route does after it (JSON.stringify of the
 * response, the turn log line, the hooks), without HTTP. Reports CPU µs per turn, overall and per kind.
 *
 * Run: `npx tsx bench/turn-bench.ts [turns=20000] [warmup=2000] [--repeat=N] [--threads] [--warm-passes=1] [--gc-between] [--interleave=K] [--aa] [--profile=out.cpuprofile [--profile-off]]` (needs a model in models/: `npm run train`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver, constants as perf } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadConfig } from '../src/config';
import type { TurnInput } from '../src/dialog/types';
import { afterTurn } from '../src/http/routes/skill';
import { createLogger } from '../src/log/logger';
import { createMetrics } from '../src/metrics';
import { buildServer } from '../src/server';
import { createMix, type Turn } from './mix';
import { EVENT_THREAD_NAME } from '../src/events/event-worker';
import { cpuSince, median, startProfile, threadNs, threadTimes } from './threads';

type Kind = Turn['kind'];
const KINDS: Kind[] = ['tap', 'text', 'dialog'];

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
const TURNS = Number(positional[0] ?? 20_000);
const WARMUP = Number(positional[1] ?? 2_000);
const REPEAT = Number(args.find((a) => a.startsWith('--repeat='))?.split('=')[1] ?? 1);
/** `--profile=out.cpuprofile`: a V8 CPU profile of the measured runs only (not start-up or warm-up). */
const PROFILE = args.find((a) => a.startsWith('--profile='))?.split('=')[1];
/** `--profile-off`: profile the passes with events off instead (to compare the two profiles function by function). */
const PROFILE_OFF = args.includes('--profile-off');
/** `--threads`: CPU per turn of each thread of the process (Linux /proc; the main thread is named after the pid), per pass. */
const THREADS = args.includes('--threads');
/**
 * `--warm-passes=N` (default 1): N unmeasured clean passes of each side before the measured runs. Without them the
 * first measured pass (always events off) carried the JIT warm-up and the second (always on) its garbage
 * (bench/results.md, "Fourth pass"); `--warm-passes=0` is the old behaviour.
 */
const WARM_PASSES = Number(args.find((a) => a.startsWith('--warm-passes='))?.split('=')[1] ?? 1);

/**
 * `--gc-between`: a full GC before each pass (not measured), so that every pass starts from the same heap and a
 * mark-compact falls in a pass by its own allocation, not by what the passes before it left.
 */
const GC_BETWEEN = args.includes('--gc-between');
const forceGc = GC_BETWEEN ? (v8.setFlagsFromString('--expose-gc'), vm.runInNewContext('gc') as () => void) : undefined;

/**
 * `--interleave=K`: instead of whole passes, one long run of TURNS × REPEAT turns whose hooks switch between off and on
 * every K turns (off, on, on, off, …), each segment's CPU read apart (the process's, less the writer thread's), and
 * all of the writer thread's CPU charged to "on". A mark-compact's concurrent marking (~60–80 ms of helper-thread work)
 * then spans segments of both sides, where a pass puts all of it on one side by chance (bench/results.md, "Seventh
 * pass"). Reading the CPU costs both sides alike (~10 µs a segment). Batches fill from the "on" segments only, so
 * a writer whose timer fires before a batch is full writes smaller batches here than in whole passes. A second line
 * reads the main thread alone (its own CPU clock, `/proc/self/task/<pid>/schedstat`): the event loop that answers
 * turns, beside which the writer thread and V8's helper threads run on the other cores.
 */
const INTERLEAVE = Number(args.find((a) => a.startsWith('--interleave='))?.split('=')[1] ?? 0);

/**
 * `--aa`: an A/A run. The "on" side runs without the recorder too (both sides events off; the warm-up still writes
 * events, so the writer thread is there, idle), and every line reads as usual: its on/off is the method's own error,
 * which a run with events on cannot tell apart from their cost.
 */
const AA = args.includes('--aa');

/**
 * A server returns to the event loop between requests; this loop would not (every await here is a microtask), so
 * timers such as the event recorder's flush would never run. Every YIELD_EVERY turns it lets them, on both sides.
 */
const YIELD_EVERY = 50;
const yieldToTimers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const eventsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-turnbench-'));
  const config = loadConfig({ CONTENT_DIR: root, LOG_LEVEL: 'info', EVENTS_DB: path.join(eventsDir, 'events.sqlite'), SIMULATOR: 'off' });
  let logBytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logBytes += chunk.length;
      cb();
    },
  });
  const logger = createLogger({ level: config.LOG_LEVEL, stream: sink });
  const server = buildServer(config, logger);
  await server.ready;
  const conversation = server.runtime()?.conversation;
  if (!conversation) throw new Error('runtime not ready');
  // The same hooks buildServer gives the route (metrics when METRICS=on, then the event recorder).
  const metrics = config.METRICS === 'on' ? createMetrics({ activeSessions: () => server.store.size() }) : undefined;
  const recorder = server.recorder;
  if (!recorder) throw new Error('EVENTS=off: the bench measures the event recorder');
  const hooksOff = metrics ? [metrics.hook] : [];
  const withRecorder = [...hooksOff, recorder.hook];
  /** The measured "on" side: with the recorder, or with `--aa` the same hooks as "off" (an array of its own). */
  const hooksOn = AA ? [...hooksOff] : withRecorder;
  let hooks = withRecorder; // the warm-up writes events either way: the writer thread is started, as in a server
  const log = logger.child({ module: 'skill' });

  const mix = createMix(root);
  let cycle = 0;
  let seq = 0;
  let bytes = 0;
  let pos = mix.length;
  let turns: Turn[] = [];
  let user = '';
  const next = (): Turn => {
    if (pos >= turns.length) {
      turns = mix.cycle(cycle);
      user = `bench-user-${cycle++}`;
      pos = 0;
    }
    return turns[pos++];
  };

  const one = async (t: Turn): Promise<void> => {
    const turn: TurnInput = { requestId: `req-${seq++}`, userKey: user, utterance: t.utterance, clientExtra: t.extra ?? {}, now: Date.now() };
    const report = await conversation.respond(turn);
    bytes += JSON.stringify(report.response).length;
    afterTurn(log, hooks, turn, report);
    if (report.error || report.result?.intent === 'system.error') throw new Error(`degraded turn: ${t.kind} ${t.utterance} → ${report.error}`);
  };

  for (let i = 0; i < WARMUP; i++) await one(next());
  await recorder.flush();

  const profiler = PROFILE ? await startProfile(100) : undefined;
  type Per = Record<Kind, { n: number; cpu: number; wall: number }>;
  const rows: Array<{ run: number; total: number; per: Per; eventsOff: number }> = [];
  /** `--threads`: CPU µs per turn of the measured passes by side and kind of thread (main, the event writer, the rest: V8's GC/compiler helpers). */
  const byKind = { on: { main: [] as number[], writer: [] as number[], helpers: [] as number[] }, off: { main: [] as number[], writer: [] as number[], helpers: [] as number[] } };
  /** `--threads`: the main isolate's GC pauses (wall ms) in the current pass, minor (scavenges) and major (mark-compact). */
  const gc = { minor: 0, major: 0, majors: 0 };
  const gcBySide = { on: { minor: [] as number[], major: [] as number[], majors: [] as number[] }, off: { minor: [] as number[], major: [] as number[], majors: [] as number[] } };
  const gcObserver = THREADS
    ? new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const kind = ((e as unknown as { detail?: { kind?: number } }).detail)?.kind;
          if (kind === perf.NODE_PERFORMANCE_GC_MAJOR) (gc.major += e.duration), gc.majors++;
          else gc.minor += e.duration;
        }
      })
    : undefined;
  gcObserver?.observe({ entryTypes: ['gc'] });
  let measured = false;
  const count = Math.ceil(TURNS / mix.length) * mix.length; // whole cycles, so every kind is in its share
  /** Process CPU µs per turn over a clean pass with the given hooks; with events on, the writes it queued are included. */
  const cleanPass = async (withHooks: typeof hooksOn, label = ''): Promise<number> => {
    hooks = withHooks;
    forceGc?.();
    const threads0 = THREADS ? threadTimes() : undefined;
    await new Promise((r) => setImmediate(r)); // the observer's entries of the pass before
    Object.assign(gc, { minor: 0, major: 0, majors: 0 });
    const start = process.cpuUsage();
    for (let i = 0; i < count; i++) {
      await one(next());
      if (i % YIELD_EVERY === 0) await yieldToTimers();
    }
    await recorder.flush();
    const used = process.cpuUsage(start);
    if (threads0) {
      const after = threadTimes();
      const by = cpuSince(threads0, after, count, (tid, name) => `${name}:${tid}`);
      await new Promise((r) => setImmediate(r)); // this pass's GC entries
      console.log(
        `  ${label}${withHooks === hooksOn ? 'on ' : 'off'} µs/turn by thread: ${[...by].filter(([, us]) => us > 0).map(([n, us]) => `${n} ${us.toFixed(1)}`).join(' · ')} · main GC pauses ${((gc.minor * 1000) / count).toFixed(1)} minor + ${((gc.major * 1000) / count).toFixed(1)} major (${gc.majors})`,
      );
      if (measured) {
        const side = byKind[withHooks === hooksOn ? 'on' : 'off'];
        let main = 0;
        let writer = 0;
        let helpers = 0;
        for (const [n, us] of by) {
          if (n.startsWith('main:')) main += us;
          else if (n.startsWith(`${EVENT_THREAD_NAME}:`)) writer += us;
          else helpers += us;
        }
        side.main.push(main);
        side.writer.push(writer);
        side.helpers.push(helpers);
        const g = gcBySide[withHooks === hooksOn ? 'on' : 'off'];
        g.minor.push((gc.minor * 1000) / count);
        g.major.push((gc.major * 1000) / count);
        g.majors.push(gc.majors);
      }
    }
    hooks = hooksOn;
    return (used.user + used.system) / count;
  };
  for (let w = 0; w < (profiler ? 0 : WARM_PASSES); w++) {
    await cleanPass(hooksOff, '(warm) ');
    await cleanPass(hooksOn, '(warm) ');
  }
  /** `--interleave=K` (see INTERLEAVE). */
  const interleaved = async (): Promise<void> => {
    const writer = [...threadTimes()].find(([, t]) => t.name === EVENT_THREAD_NAME)?.[0];
    if (!writer) throw new Error('no event writer thread (it starts with the first batch)');
    const segments = Math.ceil((TURNS * REPEAT) / INTERLEAVE / 4) * 4;
    const side = { on: { us: 0, n: 0, main: 0 }, off: { us: 0, n: 0, main: 0 } };
    /** The main thread alone: the event loop that answers turns (the hot path); the writer and V8's helpers run beside it. */
    const mainTid = String(process.pid);
    const writer0 = threadNs(writer);
    let k = 0;
    for (let s = 0; s < segments; s++) {
      const on = s % 4 === 1 || s % 4 === 2;
      hooks = on ? hooksOn : hooksOff;
      const w0 = threadNs(writer);
      const m0 = threadNs(mainTid);
      const c0 = process.cpuUsage();
      for (let i = 0; i < INTERLEAVE; i++) {
        await one(next());
        if (++k % YIELD_EVERY === 0) await yieldToTimers();
      }
      const c = process.cpuUsage(c0);
      const cpu = c.user + c.system - (threadNs(writer) - w0) / 1000;
      const sum = side[on ? 'on' : 'off'];
      sum.main += (threadNs(mainTid) - m0) / 1000;
      sum.us += cpu;
      sum.n += INTERLEAVE;
    }
    hooks = hooksOn;
    await recorder.flush();
    const writerUs = (threadNs(writer) - writer0) / 1000;
    const off = side.off.us / side.off.n;
    const onLoop = side.on.us / side.on.n;
    const on = onLoop + writerUs / side.on.n;
    console.log(
      `interleaved every ${INTERLEAVE} turns, ${side.on.n} turns per side${AA ? ' · A/A: events off on both sides' : ''} · Node ${process.version} · load ${os.loadavg()[0].toFixed(2)}\n` +
        `events off ${off.toFixed(2)} µs · events on ${on.toFixed(2)} µs per turn (all threads but the writer ${onLoop.toFixed(2)} (+${(onLoop - off).toFixed(2)}), writer ${(writerUs / side.on.n).toFixed(2)}) → on/off ${(on / off).toFixed(3)}`,
    );
    const mainOff = side.off.main / side.off.n;
    const mainOn = side.on.main / side.on.n;
    console.log(`main thread (the event loop that answers turns) off ${mainOff.toFixed(2)} µs · on ${mainOn.toFixed(2)} µs per turn → on/off ${(mainOn / mainOff).toFixed(3)}`);
    const counts = recorder.counts();
    console.log(`events written ${counts.written}, dropped ${JSON.stringify(counts.dropped)}`);
  };

  measured = true;
  if (INTERLEAVE > 0) return interleaved();
  for (let run = 1; run <= REPEAT; run++) {
    // Both sides of the ratio are the same clean pass (process CPU over the whole pass, incl. GC and the writer
    // thread), in the same process and run, in alternating order so that neither always follows the other.
    // The other side is the same turns without the event recorder (EVENTS=off).
    let eventsOff = Number.NaN;
    let total = Number.NaN;
    if (profiler) total = await cleanPass(PROFILE_OFF ? hooksOff : hooksOn);
    else if (run % 2) (eventsOff = await cleanPass(hooksOff)), (total = await cleanPass(hooksOn));
    else (total = await cleanPass(hooksOn)), (eventsOff = await cleanPass(hooksOff));
    // Per kind (skipped when profiling), in a further pass with events on: process.cpuUsage() around each turn
    // (adds ~2-4 µs per turn) and wall time.
    const per = Object.fromEntries(KINDS.map((k) => [k, { n: 0, cpu: 0, wall: 0 }])) as Per;
    if (!profiler) {
      for (let i = 0; i < count; i++) {
        const t = next();
        const w0 = process.hrtime.bigint();
        const c0 = process.cpuUsage();
        await one(t);
        const c1 = process.cpuUsage(c0);
        const p = per[t.kind];
        p.n++;
        p.cpu += c1.user + c1.system;
        p.wall += Number(process.hrtime.bigint() - w0) / 1000;
        if (i % YIELD_EVERY === 0) await yieldToTimers();
      }
      await recorder.flush();
    }
    rows.push({ run, total, per, eventsOff });
  }

  if (profiler && PROFILE) await profiler.stop(PROFILE);
  const fmt = (x: number) => x.toFixed(1).padStart(8);
  console.log(`turns per pass ${count} (+${WARMUP} warm-up)${AA ? ' · A/A: events off on both sides' : ''} · Node ${process.version} · load ${os.loadavg()[0].toFixed(2)}`);
  console.log(`${'run'.padEnd(5)}${'all µs'.padStart(8)}${KINDS.map((k) => `${k} cpu`.padStart(12) + `${k} wall`.padStart(12)).join('')}`);
  for (const r of rows) {
    console.log(`${String(r.run).padEnd(5)}${fmt(r.total)}${KINDS.map((k) => fmt(r.per[k].cpu / r.per[k].n).padStart(12) + fmt(r.per[k].wall / r.per[k].n).padStart(12)).join('')}`);
  }
  if (rows.length > 1) {
    const min = (xs: number[]) => Math.min(...xs);
    for (const [name, pick] of [['med', median], ['min', min]] as const) {
      console.log(`${name.padEnd(5)}${fmt(pick(rows.map((r) => r.total)))}${KINDS.map((k) => fmt(pick(rows.map((r) => r.per[k].cpu / r.per[k].n))).padStart(12) + fmt(pick(rows.map((r) => r.per[k].wall / r.per[k].n))).padStart(12)).join('')}`);
    }
    console.log('(min is the steadier figure on a shared machine: other load only ever adds time)');
  }
  console.log(`(all = process CPU µs per turn over a clean pass with events on, incl. GC and the writer thread; per kind: CPU µs and wall µs around each turn in a further pass)`);
  if (!profiler) {
    const on = median(rows.map((r) => r.total));
    const off = median(rows.map((r) => r.eventsOff));
    console.log(`events off ${off.toFixed(1)} µs · events on ${on.toFixed(1)} µs per turn (median of ${rows.length}) → on/off ${(on / off).toFixed(3)}; turns per CPU-second with events on: ${((100 * off) / on).toFixed(1)} % of off`);
    // every pass counts: a mark-compact costs the pass it falls in ~10 %, and which passes those are is chance
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    console.log(`mean of all ${rows.length} passes per side: off ${(sum(rows.map((r) => r.eventsOff)) / rows.length).toFixed(1)} µs · on ${(sum(rows.map((r) => r.total)) / rows.length).toFixed(1)} µs → on/off ${(sum(rows.map((r) => r.total)) / sum(rows.map((r) => r.eventsOff))).toFixed(3)}`);
    if (THREADS) {
      const line = (k: 'main' | 'writer' | 'helpers') => `${k} off ${median(byKind.off[k]).toFixed(2)} on ${median(byKind.on[k]).toFixed(2)} (+${(median(byKind.on[k]) - median(byKind.off[k])).toFixed(2)})`;
      const sum = (side: 'on' | 'off') => median(byKind[side].main) + median(byKind[side].writer) + median(byKind[side].helpers);
      console.log(`by thread, median of ${rows.length} passes per side, µs per turn: ${line('main')} · ${line('writer')} · ${line('helpers')}; sum of medians on/off ${(sum('on') / sum('off')).toFixed(3)}`);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const gcLine = (side: 'on' | 'off') => `${side} ${mean(gcBySide[side].minor).toFixed(2)} minor + ${mean(gcBySide[side].major).toFixed(2)} major (${gcBySide[side].majors.reduce((a, b) => a + b, 0)} major GCs)`;
      console.log(`main isolate's GC pauses, mean of the passes, µs per turn: ${gcLine('off')} · ${gcLine('on')}`);
    }
    const counts = recorder.counts();
    console.log(`events written ${counts.written}, dropped ${JSON.stringify(counts.dropped)}`);
  }
  const stats = (server.runtime()?.classifier as { stats?: { hits: number; misses: number } } | undefined)?.stats;
  const hitRate = stats ? `${((100 * stats.hits) / Math.max(1, stats.hits + stats.misses)).toFixed(1)} % of ${stats.hits + stats.misses}` : 'n/a';
  console.log(`response bytes ${bytes} · log bytes ${logBytes} · classifier cache hits ${hitRate}`);
  if (!profiler) {
    // What the event store was given: the share of turns whose text is kept (they go through masking and the inbox).
    const db = (await server.events.get()).sqlite;
    const row = db?.prepare('select count(*) as n, count(text) as kept, count(distinct text) as texts, (select count(*) from inbox_groups) as groups from turn_rows').get() as
      | { n: number; kept: number; texts: number; groups: number }
      | undefined;
    if (row) console.log(`events stored ${row.n}: text kept in ${((100 * row.kept) / row.n).toFixed(1)} % (${row.texts} distinct masked texts, ${row.groups} inbox groups)`);
  }
  await server.close();
  fs.rmSync(eventsDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
