/**
 * `npm run inbox:export`: write the utterances labelled in the console's inbox into intents/<intent>.yml (appended,
 * deduplicated, masked texts left out), then mark them exported. Review the diff, then validate → eval → train.
 * Runs from dist/ too: `node dist/cli/inbox-export.js`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { applyExport, kstDay, openEventStore, planExport } from '../events';
import { normalizerFor, runAsMain } from './common';

const USAGE = `usage: npm run inbox:export -- [--dry-run] [--root DIR]
  --dry-run    print what would be appended, change nothing
  --root DIR   the content folder holding intents/ (default CONTENT_DIR, i.e. .)
Reads DATABASE_URL (PostgreSQL) or EVENTS_DB (SQLite), like the server. Then: git diff intents/, npm run validate, npm run eval, npm run train.`;

/**
 * @example await runInboxExport(['--dry-run'])
 */
export async function runInboxExport(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean', default: false }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return out(USAGE), 0;
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', ...(values.root ? { CONTENT_DIR: values.root } : {}) });
  const root = path.resolve(config.CONTENT_DIR);
  const store = await openEventStore(config);
  try {
    const plan = await planExport(store.db, root, normalizerFor(root));
    for (const [label, texts] of plan.add) {
      out(`intents/${label}.yml: +${texts.length}`);
      for (const t of texts) out(`  - ${t}`);
    }
    for (const s of plan.skipped) out(`skipped inbox item ${s.group} (${s.label}): ${s.reason}`);
    const total = [...plan.add.values()].reduce((n, t) => n + t.length, 0);
    if (values['dry-run']) {
      out(`dry run: ${total} utterance(s) from ${plan.groups.length} item(s) would be written; nothing changed`);
      return 0;
    }
    await applyExport(store.db, root, plan, kstDay(Date.now()));
    out(`${total} utterance(s) from ${plan.groups.length} item(s) written. Next: git diff intents/ && npm run validate && npm run eval && npm run train`);
    return 0;
  } finally {
    await store.close();
  }
}


if (require.main === module) runAsMain(runInboxExport);
