/** The fallback report: fallback events from the store, similar utterances grouped, ranked by how often they came. */
import type { Kysely } from 'kysely';
import { clean, type Normalizer } from '../nlu/normalize';
import type { Database } from './schema';
import { bigrams, jaccard } from './similarity';

/** One fallback as the report reads it (a row of `turn_events` with outcome `fallback`). */
export interface FallbackRecord {
  ts: string;
  /** Masked when stored. */
  text: string;
  intent: string;
  score: number;
  guess: string | null;
  guessScore: number | null;
}

export interface FallbackGroup {
  /** The most frequent text of the group. */
  text: string;
  count: number;
  /** Other texts in the group, most frequent first (at most 5). */
  variants: Array<{ text: string; count: number }>;
  /** The intent NLP.js guessed most often for the group, with its mean score; null if it never guessed. */
  guess: { intent: string; score: number; count: number } | null;
  lastSeen: string;
}

export interface GroupOptions {
  /** Bigram Jaccard similarity at which two texts share a group. */
  threshold?: number;
  /** Text normalizer (synonyms and typos); defaults to `clean`. */
  normalize?: Normalizer;
}

/**
 * Fallback turns with kept text since `since` (ms), oldest first.
 * @example (await readFallbacks(store.db)).length
 */
export async function readFallbacks(db: Kysely<Database>, since = 0): Promise<FallbackRecord[]> {
  const rows = await db
    .selectFrom('turn_events')
    .select(['at', 'text', 'intent', 'score', 'guess_intent', 'guess_score'])
    .where('outcome', '=', 'fallback')
    .where('text', 'is not', null)
    .where('at', '>=', since)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ts: new Date(r.at).toISOString(),
    text: r.text as string,
    intent: r.intent ?? 'None',
    score: r.score ?? 0,
    guess: r.guess_intent,
    guessScore: r.guess_score,
  }));
}

/**
 * Out-of-scope answers since `since` (ms), by topic, most asked first: not fallbacks (the bot understood and answered
 * honestly), but what partners ask that the FAQ does not cover.
 * @example await outOfScopeCounts(store.db) // [{ topic: 'oos.certificate', count: 12 }, …]
 */
export async function outOfScopeCounts(db: Kysely<Database>, since = 0): Promise<Array<{ topic: string; count: number }>> {
  const rows = await db
    .selectFrom('turn_events')
    .select(['intent', (eb) => eb.fn.countAll<number>().as('n')])
    .where('outcome', '=', 'out_of_scope')
    .where('at', '>=', since)
    .groupBy('intent')
    .orderBy('n', 'desc')
    .orderBy('intent')
    .execute();
  return rows.map((r) => ({ topic: r.intent ?? 'None', count: Number(r.n) }));
}

/**
 * Group records whose normalized texts look alike (greedy: the most frequent text founds a group and
 * pulls in every text similar enough to it). Groups come back biggest first.
 * @example groupFallbacks(records, { threshold: 0.5 })[0].count
 */
export function groupFallbacks(records: FallbackRecord[], { threshold = 0.5, normalize = clean }: GroupOptions = {}): FallbackGroup[] {
  const byKey = new Map<string, FallbackRecord[]>();
  for (const r of records) {
    const key = normalize(r.text).replace(/\s+/g, ' ');
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const texts = [...byKey.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const groups: Array<{ grams: Set<string>; members: FallbackRecord[][] }> = [];
  for (const [key, rs] of texts) {
    const grams = bigrams(key);
    const home = groups.find((g) => jaccard(g.grams, grams) >= threshold);
    if (home) home.members.push(rs);
    else groups.push({ grams, members: [rs] });
  }
  return groups.map((g) => summarize(g.members)).sort((a, b) => b.count - a.count);
}

function summarize(members: FallbackRecord[][]): FallbackGroup {
  const all = members.flat();
  const [first, ...rest] = members.map((rs) => ({ text: rs[rs.length - 1].text, count: rs.length }));
  return {
    text: first.text,
    count: all.length,
    variants: rest.slice(0, 5),
    guess: topGuess(all),
    lastSeen: all.reduce((max, r) => (r.ts > max ? r.ts : max), ''),
  };
}

function topGuess(records: FallbackRecord[]): FallbackGroup['guess'] {
  const tally = new Map<string, number[]>();
  for (const r of records) if (r.guess) tally.set(r.guess, [...(tally.get(r.guess) ?? []), r.guessScore ?? 0]);
  const best = [...tally.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  if (!best) return null;
  const mean = best[1].reduce((s, x) => s + x, 0) / best[1].length;
  return { intent: best[0], score: Math.round(mean * 1000) / 1000, count: best[1].length };
}
