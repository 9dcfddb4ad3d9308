/**
 * Content snapshots: the text of every content file (`intents/`, `responses/`, `flows/`), keyed by its path. A
 * content version stores one; `content:export` writes one back; the deploy rule (reconcile.ts) compares them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Path relative to the content root (`responses/faq.signup.yml`) → the file's text. */
export type Snapshot = Record<string, string>;

export const CONTENT_FOLDERS = ['intents', 'responses', 'flows'] as const;

const YAML_FILE = /^[\w.-]+\.ya?ml$/;

/**
 * Every YAML file of the content folders under `root`, keys sorted.
 * @example readSnapshot('.')['intents/faq.signup.yml'] // 'intent: faq.signup\nutterances: …'
 */
export function readSnapshot(root: string): Snapshot {
  const out: Snapshot = {};
  for (const folder of CONTENT_FOLDERS) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => YAML_FILE.test(n)).sort()) {
      out[`${folder}/${name}`] = fs.readFileSync(path.join(dir, name), 'utf8');
    }
  }
  return sortKeys(out);
}

/**
 * A short content hash (the same files give the same hash, whatever the key order).
 * @example snapshotHash({ 'intents/a.yml': 'x' }) // '5c1f…' (16 hex digits)
 */
export function snapshotHash(snapshot: Snapshot): string {
  return crypto.createHash('sha256').update(JSON.stringify(sortKeys(snapshot))).digest('hex').slice(0, 16);
}

/** Refuse paths that would leave the content folders (`../`, absolute paths, other folders, non-YAML). */
export function checkPath(file: string): void {
  const [folder, name, ...rest] = file.split('/');
  if (rest.length || !(CONTENT_FOLDERS as readonly string[]).includes(folder) || !name || !YAML_FILE.test(name)) {
    throw new Error(`not a content file path: ${JSON.stringify(file)}`);
  }
}

/**
 * Make the content folders under `root` hold exactly `snapshot`: changed files are written (atomically), YAML files
 * not in it are removed. Returns what changed.
 * @example writeSnapshot('.', live.files) // { written: ['responses/faq.signup.yml'], removed: [] }
 */
export function writeSnapshot(root: string, snapshot: Snapshot): { written: string[]; removed: string[] } {
  const current = readSnapshot(root);
  const written: string[] = [];
  const removed: string[] = [];
  for (const [file, text] of Object.entries(snapshot)) {
    checkPath(file);
    if (current[file] === text) continue;
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, full);
    written.push(file);
  }
  for (const file of Object.keys(current)) {
    if (!(file in snapshot)) {
      fs.rmSync(path.join(root, file));
      removed.push(file);
    }
  }
  return { written, removed };
}

/**
 * A fresh temp folder holding the snapshot, to load and check with the same code as files on disk. The caller
 * removes it (`fs.rmSync(dir, { recursive: true })`).
 * @example const dir = materialize(version.files); loadCheckedContent(dir)
 */
export function materialize(snapshot: Snapshot): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-content-'));
  writeSnapshot(dir, snapshot);
  return dir;
}

export interface FileChange {
  file: string;
  change: 'added' | 'removed' | 'changed';
}

/**
 * Which files differ from `before` to `after`.
 * @example diffSnapshots({ 'a/x.yml': '1' }, { 'a/x.yml': '2' }) // [{ file: 'a/x.yml', change: 'changed' }]
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): FileChange[] {
  const files = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: FileChange[] = [];
  for (const file of files) {
    if (!(file in before)) out.push({ file, change: 'added' });
    else if (!(file in after)) out.push({ file, change: 'removed' });
    else if (before[file] !== after[file]) out.push({ file, change: 'changed' });
  }
  return out;
}

/** The same snapshot with its keys in sorted order (stable JSON, stable hashes). */
export function sortKeys(s: Snapshot): Snapshot {
  return Object.fromEntries(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
