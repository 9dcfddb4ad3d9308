/**
 * The event recorder alone: CPU µs per event written to a fresh SQLite store, for turns that keep no text and for
 * fallbacks that keep it (and go through the inbox grouping). Run: `npx tsx bench/events-bench.ts [events=20000] [--worker]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TurnReport } from '../src/dialog/conversation';
import type { TurnInput } from '../src/dialog/types';
import { createEventRecorder, openEventStore, workerSink } from '../src/events';

const N = Number(process.argv[2] ?? 20_000);
/** `--worker`: through the writer thread, as the server does (then the figure is this thread's CPU plus the worker's). */
const THREAD = process.argv.includes('--worker');
/** `--only=answers|repeating|new`: one kind (e.g. to profile it with `node --cpu-prof --import tsx`). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];

type Kind = 'answers (no text)' | 'fallbacks, 3,000 texts repeating' | 'fallbacks, every text new';

function turn(i: number, kind: Kind): [TurnInput, TurnReport] {
  const kept = kind !== 'answers (no text)';
  const text = kind === 'fallbacks, every text new' ? `교육 관련 질문 ${i} 번 입니다` : kept ? `교육 관련 질문 ${i % 3000} 번 입니다` : '리프레시 교육이 뭐예요';
  const nlu = { intent: kept ? 'None' : 'faq.refresh_training', score: 0.9, alternatives: [{ intent: 'faq.signup', score: 0.2 }], normalized: text };
  const result = { replies: [], route: 'nlu', intent: nlu.intent, score: 0.9, nlu, outcome: kept ? 'fallback' : 'answered', dialog: null };
  return [
    { requestId: `r${i}`, userKey: `user-${i % 1000}`, utterance: text, clientExtra: {}, now: Date.now() },
    { response: { version: '2.0', template: { outputs: [] } }, result, latencyMs: 2, dialogOpen: false } as unknown as TurnReport,
  ];
}

async function main(): Promise<void> {
  const kinds = (['answers (no text)', 'fallbacks, 3,000 texts repeating', 'fallbacks, every text new'] as Kind[]).filter((k) => !ONLY || k.includes(ONLY));
  for (const kind of kinds) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-evbench-'));
    const store = await openEventStore({ EVENTS_DB: path.join(dir, 'e.sqlite'), CONTENT_DIR: '.' });
    const sink = THREAD ? workerSink({ config: { EVENTS_DB: path.join(dir, 'e.sqlite'), CONTENT_DIR: '.' }, synonyms: {} }) : undefined;
    const rec = createEventRecorder(sink ? { sink, maxQueue: N + 1 } : { store: async () => store, maxQueue: N + 1 });
    for (let i = 0; i < 2000; i++) rec.hook(...turn(i, kind));
    await rec.flush();
    const turns = Array.from({ length: N }, (_, i) => turn(i + 2000, kind)); // made before: the hook's own cost is measured
    const start = process.cpuUsage();
    const hookStart = process.cpuUsage();
    for (const t of turns) rec.hook(...t);
    const hook = process.cpuUsage(hookStart);
    await rec.flush();
    const used = process.cpuUsage(start);
    console.log(`${kind}: ${((used.user + used.system) / N).toFixed(2)} µs per event (hook ${((hook.user + hook.system) / N).toFixed(2)} µs), ${JSON.stringify(rec.counts().dropped)}`);
    await sink?.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
