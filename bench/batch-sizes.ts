/**
 * The writer alone (in this thread, a fresh SQLite store each time), fed the same turns in batches of different
 * sizes: full batches of 1,000, or each full batch followed by small ones as the recorder sent them under the turn
 * benchmark before it waited for full batches (bench/results.md: 35 of 1,000 and 96 of 10–499 turns in one run).
 * CPU µs per turn, the two sequences alternating in one run.
 * Run: `npx tsx bench/batch-sizes.ts [turns=60000] [rounds=3]`
 */
import { BatchBuilder, createEventWriter, pushFacts, sliceBatch, ValueCodes, type FactBatch } from '../src/events';
import type { TurnReport } from '../src/dialog/conversation';
import type { TurnInput } from '../src/dialog/types';
import { alternate, onFreshStore } from './alternate';

const TURNS = Number(process.argv[2] ?? 60_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const SEQUENCES: Record<string, number[]> = { 'full batches of 1,000': [1000], 'each followed by 150, 40, 20': [1000, 150, 40, 20] };

/** The turn bench's proportions roughly: 7 % of turns keep a text (a quarter of those new), a new user every 17 turns. */
const codes = new ValueCodes();

function facts(): FactBatch {
  const out = new BatchBuilder(TURNS);
  const t0 = Date.now();
  for (let i = 0; i < TURNS; i++) {
    const kept = i % 14 === 0;
    const text = kept ? (i % 56 === 0 ? `교육 관련 질문 ${i} 번 입니다` : `교육 관련 질문 ${i % 300} 번 입니다`) : '리프레시 교육이 뭐예요';
    const nlu = { intent: kept ? 'None' : 'faq.refresh_training', score: 0.9, alternatives: [{ intent: 'faq.signup', score: 0.2 }], normalized: text };
    const result = { replies: [], route: 'nlu', intent: nlu.intent, score: 0.9, nlu, outcome: kept ? 'fallback' : 'answered', dialog: null };
    const turn = { requestId: `r${i}`, userKey: `user-${Math.floor(i / 17)}`, utterance: text, clientExtra: {}, now: t0 + i * 5 } as TurnInput;
    pushFacts(out, turn, { response: {}, result, latencyMs: 2, dialogOpen: false } as unknown as TurnReport, { model: 'm1234567', content: 'v3' }, codes);
  }
  return out.batch;
}

function run(sizes: number[], all: FactBatch): Promise<number> {
  return onFreshStore(TURNS, async (store) => {
    const writer = createEventWriter(async () => store);
    for (let at = 0, k = 0; at < all.n; k++) {
      const n = sizes[k % sizes.length];
      await writer.write(sliceBatch(all, at, at + n), codes.values);
      at += n;
    }
    await writer.flush();
  });
}

async function main(): Promise<void> {
  const all = facts();
  await alternate(Object.keys(SEQUENCES), ROUNDS, (s) => run(SEQUENCES[s], all), (s) => s, 'turn');
}

void main();
