/** `npm run validate`: lint all content (schemas, dangling taps, Kakao limits, duplicates, dev-set leaks); exit 1 on errors. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lintContent, type Finding, type LintResult } from './lint-content';

const USAGE = `usage: npm run validate -- [--root DIR] [--dev FILE] [--json]
  --root DIR   folder holding intents/, responses/, flows/ (default: CONTENT_DIR or .)
  --dev FILE   dev test set, TSV "text<TAB>intent[<TAB>category<TAB>also_ok]" (default: test/nlu/dev.tsv,
               dev-v2.tsv, dev-v2-holdout.tsv, dev-v3.tsv, dev-v7.tsv, dev-v7-holdout.tsv, dev-v8.tsv,
               dev-v8-holdout.tsv, dev-v9-holdout.tsv and the answer sets
               facts-v1.tsv, facts-v1-holdout.tsv and facts-v2-holdout.tsv under <root>, each when present)
  --json       print findings as JSON
Exits 1 when there is any error; warnings and notes do not fail.`;

/**
 * One line per finding: `error  responses/faq.signup.yml  faq.signup.quickReplies[0]: leads to …`.
 * @example formatFinding({ level: 'error', file: 'intents/a.yml', field: 'utterances[2]', message: 'm' })
 */
export function formatFinding(f: Finding): string {
  return `${f.level.padEnd(7)}  ${f.file}  ${f.field ? `${f.field}: ` : ''}${f.message}`;
}

/**
 * The closing summary line.
 * @example summarize(lintContent('.')) // '✓ content OK: 0 errors, 2 warnings (12 intents, …)'
 */
export function summarize({ findings, stats }: LintResult): string {
  const count = (level: Finding['level']) => findings.filter((f) => f.level === level).length;
  const errors = count('error');
  const warnings = count('warning');
  const what = `${stats.intents} intents, ${stats.utterances} utterances, ${stats.responses} responses, ${stats.dialogActions} dialog actions, ${stats.devRows} dev rows`;
  const tally = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return errors ? `✗ content has problems: ${tally} (${what})` : `✓ content OK: ${tally} (${what})`;
}

/**
 * Run the lint and print; returns the exit code (1 when any error was found).
 * @example process.exitCode = runValidate(['--root', '.'])
 */
export function runValidate(argv: string[], out: (line: string) => void = console.log): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string' },
      dev: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return out(USAGE), 0;
  const root = path.resolve(values.root ?? process.env.CONTENT_DIR ?? '.');
  const result = lintContent(root, { devSet: values.dev && path.resolve(values.dev) });
  const order = { error: 0, warning: 1, note: 2 } as const;
  const findings = [...result.findings].sort((a, b) => order[a.level] - order[b.level] || a.file.localeCompare(b.file));
  if (values.json) out(JSON.stringify({ ...result, findings }, null, 2));
  else {
    for (const f of findings) out(formatFinding(f));
    out(summarize(result));
  }
  return findings.some((f) => f.level === 'error') ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = runValidate(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  }
}
