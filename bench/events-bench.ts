/**
 * The event recorder alone: CPU µs per event written to a fresh SQLite store, for turns that keep no text and for
 * fallbacks that keep it (and go through the inbox grouping). Run: `npx tsx bench/events-bench.ts [events=20000]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TurnReport } from '../src/dialog/conversation';
import type { TurnInput } from '../src/dialog/types';
import { createEventRecorder, openEventStore } from '../src/events';

const N = Number(process.argv[2] ?? 20_000);

function turn(i: number, kept: boolean): [TurnInput, TurnReport] {
  const text = kept ? `교육 관련 질문 ${i % 3000} 번 입니다` : '리프레시 교육이 뭐예요';
  const nlu = { intent: kept ? 'None' : 'faq.refresh_training', score: 0.9, alternatives: [{ intent: 'faq.signup', score: 0.2 }], normalized: text };
  const result = { replies: [], route: 'nlu', intent: nlu.intent, score: 0.9, nlu, outcome: kept ? 'fallback' : 'answered', dialog: null };
  return [
    { requestId: `r${i}`, userKey: `user-${i % 1000}`, utterance: text, clientExtra: {}, now: Date.now() },
    { response: { version: '2.0', template: { outputs: [] } }, result, latencyMs: 2, dialogOpen: false } as unknown as TurnReport,
  ];
}

async function main(): Promise<void> {
  for (const kept of [false, true]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-evbench-'));
    const store = await openEventStore({ EVENTS_DB: path.join(dir, 'e.sqlite'), CONTENT_DIR: '.' });
    const rec = createEventRecorder({ store: async () => store, maxQueue: N + 1 });
    for (let i = 0; i < 2000; i++) rec.hook(...turn(i, kept));
    await rec.flush();
    const start = process.cpuUsage();
    const hookStart = process.cpuUsage();
    for (let i = 0; i < N; i++) rec.hook(...turn(i, kept));
    const hook = process.cpuUsage(hookStart);
    await rec.flush();
    const used = process.cpuUsage(start);
    console.log(`${kept ? 'fallbacks (text kept, inbox)' : 'answers (no text)'}: ${((used.user + used.system) / N).toFixed(2)} µs per event (hook ${((hook.user + hook.system) / N).toFixed(2)} µs), ${JSON.stringify(rec.counts().dropped)}`);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
