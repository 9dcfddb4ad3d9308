/** The fallback report: read the JSONL log, group similar utterances, rank groups by how often they came. */
import fs from 'node:fs';
import path from 'node:path';
import { clean, type Normalizer } from '../nlu/normalize';
import { FallbackRecord } from './record';
import { FALLBACK_FILE } from './recorder';
import { bigrams, jaccard } from './similarity';

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

export interface ReadResult {
  records: FallbackRecord[];
  files: string[];
  /** Lines that were not valid records (skipped). */
  skipped: number;
}

/**
 * Read `fallbacks.jsonl` and its rotations (`.1`, `.2`, …) in `dir`, oldest first.
 * @example readFallbacks('var/fallbacks').records.length
 */
export function readFallbacks(dir: string): ReadResult {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const rotation = (name: string) => (name === FALLBACK_FILE ? 0 : Number(name.slice(FALLBACK_FILE.length + 1)));
  const files = names
    .filter((n) => n === FALLBACK_FILE || new RegExp(`^${FALLBACK_FILE.replace('.', '\\.')}\\.\\d+$`).test(n))
    .sort((a, b) => rotation(b) - rotation(a))
    .map((n) => path.join(dir, n));
  const records: FallbackRecord[] = [];
  let skipped = 0;
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const parsed = FallbackRecord.safeParse(safeJson(line));
      if (parsed.success) records.push(parsed.data);
      else skipped++;
    }
  }
  return { records, files, skipped };
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
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
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

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
