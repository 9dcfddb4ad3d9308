/**
 * The console's reads on a large SQLite event store: 600,000 events over 30 KST days from 3,000 users (interleaved,
 * as real traffic is), written through the recorder; then, each `--rounds` times: a user's latest 200 turns (the
 * conversation look-up) for users seen often and rarely, the overview's stats of 14 and 30 days, and the fallback
 * report. Wall milliseconds per read, median of the rounds.
 * Run: `npx tsx bench/event-reads.ts [events=600000] [--rounds=5]`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEventRecorder, openEventStore, readFallbacks, stats, userTurns } from '../src/events';
import { userTag } from '../src/log/logger';
import { fakeTurn } from '../test/events/fixtures';

const args = process.argv.slice(2);
const EVENTS = Number(args.find((a) => !a.startsWith('--')) ?? 600_000);
const ROUNDS = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 5);
const DAYS = 30;
const USERS = 3000;
const DAY = 86_400_000;
const FUNNEL = { flow: 'password_reset', steps: ['phone', 'birthdate', 'name', 'confirm'] };

/** A small deterministic generator, so both versions of the code get the same events. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-reads-'));
  const store = await openEventStore({ EVENTS_DB: path.join(dir, 'e.sqlite'), CONTENT_DIR: '.' });
  const rand = rng(42);
  const end = Date.UTC(2026, 11, 1, 3);
  const start = end - DAYS * DAY;
  const rec = createEventRecorder({ store: async () => store, maxQueue: EVENTS + 1, batchSize: 1000, flushMs: 3_600_000 });
  const t0 = Date.now();
  const intents = ['faq.refresh_training', 'faq.signup', 'faq.first_login', 'faq.certificate', 'faq.schedule', 'faq.fee'];
  for (let i = 0; i < EVENTS; i++) {
    // user u0 is seen often (every 50th turn), the rest uniformly
    const user = i % 50 === 0 ? 'u0' : `u${1 + Math.floor(rand() * (USERS - 1))}`;
    const at = start + Math.floor((i / EVENTS) * DAYS * DAY);
    const p = rand();
    const t =
      p < 0.8
        ? fakeTurn({ user, at, outcome: 'answered', intent: intents[i % intents.length], score: 0.9 })
        : p < 0.9
          ? fakeTurn({ user, at, outcome: 'dialog_step', route: 'dialog', intent: 'dialog.password_reset', dialog: { flow: 'password_reset', step: FUNNEL.steps[i % 4] } })
          : fakeTurn({ user, at, text: `교육 관련 질문 ${i % 3000} 번`, guess: { intent: 'faq.signup', score: 0.3 } });
    rec.hook(...t);
    if (i % 1000 === 999) await rec.flush();
  }
  await rec.flush();
  console.log(`${EVENTS} events over ${DAYS} days, ${USERS} users written in ${((Date.now() - t0) / 1000).toFixed(1)} s · load ${os.loadavg()[0].toFixed(2)}`);

  const day = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
  const reads: Record<string, () => Promise<unknown>> = {
    'conversation, user seen often (latest 200 of 12,000 turns)': () => userTurns(store.db, userTag('u0')),
    'conversation, a user seen ~200 times (all 30 days)': () => userTurns(store.db, userTag('u1234')),
    'conversation, unknown user': () => userTurns(store.db, userTag('nobody')),
    'stats, 14 days': () => stats(store.db, { from: day(end - 13 * DAY), to: day(end), funnel: FUNNEL }),
    'stats, 30 days': () => stats(store.db, { from: day(start), to: day(end), funnel: FUNNEL }),
    'fallback report (every fallback)': () => readFallbacks(store.db),
  };
  const ms: Record<string, number[]> = Object.fromEntries(Object.keys(reads).map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, read] of Object.entries(reads)) {
      const w0 = process.hrtime.bigint();
      const out = await read();
      ms[name].push(Number(process.hrtime.bigint() - w0) / 1e6);
      if (r === 0 && Array.isArray(out)) console.log(`  ${name}: ${out.length} rows`);
    }
  }
  for (const [name, xs] of Object.entries(ms)) {
    const sorted = [...xs].sort((a, b) => a - b);
    console.log(`${name}: ${sorted[sorted.length >> 1].toFixed(0)} ms (median of ${xs.length}: ${xs.map((x) => x.toFixed(0)).join(', ')})`);
  }
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
