/**
 * `npm run report:fallbacks`: the most frequent utterances that fell to None (from the event store), grouped by similarity, with
 * NLP.js's guess; then how many turns were answered as a known out-of-scope topic (outcome `out_of_scope`, not fallbacks).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { groupFallbacks, openEventStore, outOfScopeCounts, readFallbacks, type FallbackGroup } from '../events';
import { normalizerFor, runAsMain } from './common';

const USAGE = `usage: npm run report:fallbacks -- [--days N] [--db FILE] [--top N] [--threshold 0.5] [--json]
  --days N         only the last N days (default: everything the store keeps, EVENT_RETENTION_DAYS)
  --db FILE        the SQLite event store to read (default: EVENTS_DB, i.e. var/bluebot.sqlite; DATABASE_URL wins when set)
  --top N          groups to list (default 20)
  --threshold X    bigram similarity (0-1) at which two utterances share a group (default 0.5)
  --json           print the groups as JSON
Texts are already masked when recorded. Label them in the console's inbox (or add them to intents/<intent>.yml).`;

/**
 * One group as text: count, representative text, NLP.js guess, then the variants.
 * @example formatGroup(group, 1) // ' 1.  12×  "오늘 날씨 어때요"  guess: greeting 0.31 (5/12)\n ...'
 */
export function formatGroup(g: FallbackGroup, rank: number): string {
  const guess = g.guess ? `guess: ${g.guess.intent} ${g.guess.score.toFixed(2)} (${g.guess.count}/${g.count})` : 'guess: none';
  const head = `${String(rank).padStart(2)}. ${String(g.count).padStart(4)}×  "${g.text}"  ${guess}  last ${g.lastSeen.slice(0, 10)}`;
  return [head, ...g.variants.map((v) => `            ${String(v.count).padStart(3)}×  "${v.text}"`)].join('\n');
}

/**
 * The out-of-scope answers (not fallbacks, so not in the groups above), by topic.
 * @example formatOutOfScope([{ topic: 'oos.certificate', count: 3 }]) // 'not counted as fallbacks: 3 answered as out of scope (oos.certificate 3)'
 */
export function formatOutOfScope(counts: Array<{ topic: string; count: number }>): string {
  const total = counts.reduce((n, c) => n + c.count, 0);
  return `not counted as fallbacks: ${total} answered as out of scope (${counts.map((c) => `${c.topic} ${c.count}`).join(', ')})`;
}

/**
 * Run the report and print; resolves to the exit code.
 * @example await runReport(['--days', '7', '--top', '10'])
 */
export async function runReport(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      days: { type: 'string' },
      db: { type: 'string' },
      top: { type: 'string', default: '20' },
      threshold: { type: 'string', default: '0.5' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return out(USAGE), 0;
  const top = Number(values.top);
  const threshold = Number(values.threshold);
  const days = values.days === undefined ? undefined : Number(values.days);
  if (!Number.isInteger(top) || top < 1 || !(threshold > 0 && threshold <= 1) || (days !== undefined && !(Number.isInteger(days) && days > 0))) {
    out(`--top and --days must be positive integers and --threshold in (0, 1]\n${USAGE}`);
    return 2;
  }
  const env = { ...process.env, LOG_LEVEL: 'silent', ...(values.db ? { EVENTS_DB: path.resolve(values.db), DATABASE_URL: '' } : {}) };
  const config = loadConfig(env);
  const root = path.resolve(config.CONTENT_DIR);
  const store = await openEventStore(config);
  try {
    const since = days === undefined ? 0 : Date.now() - days * 86_400_000;
    const records = await readFallbacks(store.db, since);
    const groups = groupFallbacks(records, { threshold, normalize: normalizerFor(root) }).slice(0, top);
    const outOfScope = await outOfScopeCounts(store.db, since);
    if (values.json) {
      out(JSON.stringify({ store: store.where, dialect: store.dialect, records: records.length, groups, outOfScope }, null, 2));
      return 0;
    }
    if (!records.length) out(`no fallbacks recorded in ${store.where}`);
    else {
      out(`${records.length} fallbacks in ${store.where}${days ? ` (last ${days} days)` : ''}; top ${groups.length} groups:`);
      groups.forEach((g, i) => out(formatGroup(g, i + 1)));
    }
    if (outOfScope.length) out(formatOutOfScope(outOfScope));
    return 0;
  } finally {
    await store.close();
  }
}


if (require.main === module) runAsMain(runReport);
