/** `npm run report:fallbacks`: the most frequent utterances that fell to None, grouped by similarity, with NLP.js's guess. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { loadSynonyms } from '../content';
import { groupFallbacks, readFallbacks, type FallbackGroup } from '../fallbacks';
import { clean, createNormalizer, type Normalizer } from '../nlu/normalize';

const USAGE = `usage: npm run report:fallbacks -- [--dir DIR] [--top N] [--threshold 0.5] [--json]
  --dir DIR        folder of fallbacks.jsonl (default: FALLBACK_LOG_DIR under CONTENT_DIR, i.e. var/fallbacks)
  --top N          groups to list (default 20)
  --threshold X    bigram similarity (0-1) at which two utterances share a group (default 0.5)
  --json           print the groups as JSON
Texts are already masked when recorded. Add the frequent ones to intents/<intent>.yml (the guess is a hint).`;

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
 * Run the report and print; returns the exit code.
 * @example runReport(['--dir', 'var/fallbacks', '--top', '10'])
 */
export function runReport(argv: string[], out: (line: string) => void = console.log): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      top: { type: 'string', default: '20' },
      threshold: { type: 'string', default: '0.5' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return out(USAGE), 0;
  const top = Number(values.top);
  const threshold = Number(values.threshold);
  if (!Number.isInteger(top) || top < 1 || !(threshold > 0 && threshold <= 1)) {
    out(`--top must be a positive integer and --threshold in (0, 1]\n${USAGE}`);
    return 2;
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const root = path.resolve(config.CONTENT_DIR);
  const dir = path.resolve(values.dir ?? path.resolve(root, config.FALLBACK_LOG_DIR));
  const { records, files, skipped } = readFallbacks(dir);
  const groups = groupFallbacks(records, { threshold, normalize: normalizerFor(root) }).slice(0, top);
  if (values.json) {
    out(JSON.stringify({ dir, files: files.map((f) => path.basename(f)), records: records.length, skipped, groups }, null, 2));
    return 0;
  }
  if (!records.length) {
    out(`no fallbacks recorded in ${dir}`);
    return 0;
  }
  out(`${records.length} fallbacks in ${files.length} file(s) under ${dir}${skipped ? ` (${skipped} unreadable lines skipped)` : ''}; top ${groups.length} groups:`);
  groups.forEach((g, i) => out(formatGroup(g, i + 1)));
  return 0;
}

/** The content's synonym map when it loads, so typo variants group together; plain cleanup otherwise. */
function normalizerFor(root: string): Normalizer {
  try {
    return createNormalizer(loadSynonyms(root));
  } catch {
    return clean;
  }
}

if (require.main === module) {
  try {
    process.exitCode = runReport(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  }
}
