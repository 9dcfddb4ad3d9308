/** Helpers of the writer microbenchmarks (`batch-sizes.ts`, `insert-rows.ts`): fresh stores, variants alternating in one run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEventStore, type EventStore } from '../src/events';

/** CPU µs of `work` on a fresh SQLite event store (migrated), divided by `per`; the store is removed after. */
export async function onFreshStore(per: number, work: (store: EventStore) => Promise<void> | void): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-writerbench-'));
  const store = await openEventStore({ EVENTS_DB: path.join(dir, 'e.sqlite'), CONTENT_DIR: '.' });
  const start = process.cpuUsage();
  await work(store);
  const used = process.cpuUsage(start);
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return (used.user + used.system) / per;
}

/** Each variant `rounds` times, in alternating order round by round; prints each one's median and every figure. */
export async function alternate<K>(variants: K[], rounds: number, run: (k: K) => Promise<number>, label: (k: K) => string, unit: string): Promise<void> {
  const results = new Map<K, number[]>(variants.map((v) => [v, []]));
  for (let r = 0; r < rounds; r++) for (const v of r % 2 ? [...variants].reverse() : variants) results.get(v)!.push(await run(v));
  for (const [v, us] of results) {
    const sorted = [...us].sort((a, b) => a - b);
    console.log(`${label(v)}: ${sorted[sorted.length >> 1].toFixed(2)} µs per ${unit} (median of ${us.length}: ${us.map((u) => u.toFixed(2)).join(', ')})`);
  }
}
