/**
 * `npm run content:export`: write the live content version back to intents/, responses/ and flows/ (the third part
 * of the rule in src/content/versions/reconcile.ts). Commit the files; the next deploy then has nothing to merge.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { ContentVersions } from '../content/versions/store';
import { writeSnapshot } from '../content/versions/snapshot';
import { openEventStore } from '../events';
import { runAsMain } from './common';

const USAGE = `usage: npm run content:export -- [--root DIR] [--db FILE] [--version N]
  --root DIR     the content root to write (default: CONTENT_DIR, i.e. .)
  --db FILE      the SQLite event store (default: EVENTS_DB under the root; DATABASE_URL wins when set)
  --version N    export this version instead of the live one
Writes every changed file, removes content files the version does not have, and records the written files as the
last imported ones (so the next start finds nothing to import).`;

/**
 * Export and print what changed; resolves to the exit code.
 * @example await runExport(['--root', '.']) // 0
 */
export async function runExport(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { root: { type: 'string' }, db: { type: 'string' }, version: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) return out(USAGE), 0;
  const env = { ...process.env, LOG_LEVEL: 'silent', ...(values.root ? { CONTENT_DIR: values.root } : {}), ...(values.db ? { EVENTS_DB: path.resolve(values.db), DATABASE_URL: '' } : {}) };
  const config = loadConfig(env);
  const root = path.resolve(config.CONTENT_DIR);
  const store = await openEventStore(config);
  try {
    const versions = new ContentVersions(store.db);
    const live = await versions.liveVersion();
    const wanted = values.version === undefined ? live : Number(values.version);
    const row = wanted === null ? undefined : await versions.get(wanted);
    if (!row) {
      out(wanted === null ? 'no content versions in the database yet (start the server with CONTENT_VERSIONS=on first)' : `no version ${values.version}`);
      return 1;
    }
    const { written, removed } = writeSnapshot(root, row.files);
    if (row.version === live) await versions.setFilesBase(row.files);
    out(`exported version ${row.version} (${row.summary}, ${row.author}, ${row.at}) to ${root}: ${written.length} written, ${removed.length} removed`);
    for (const f of written) out(`  written  ${f}`);
    for (const f of removed) out(`  removed  ${f}`);
    return 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) runAsMain(runExport, 1);
