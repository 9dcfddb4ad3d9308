/**
 * How file edits and console edits meet (the rule, also in the README, "Versioned content"):
 *
 * 1. The first start on an empty database imports the files as version 1.
 * 2. Each start compares the files with the files it imported last (kept in the database).
 *    - Unchanged files: nothing happens. Console edits stay live.
 *    - Changed files (a deploy): a new version is made from the live version, taking every file the deploy changed.
 *      A file changed by the deploy and also in the console since the last import is a conflict: the console's
 *      text is kept for that file, and the conflict is recorded in the new version's summary and logged, naming
 *      the file, so nothing is lost silently (the deploy's text stays in the database as the imported files).
 * 3. `npm run content:export` writes the live version back to the files; commit them, and the next deploy has
 *    nothing to merge.
 */
import { diffSnapshots, sortKeys, type FileChange, type Snapshot } from './snapshot';

export type Reconciled =
  | { action: 'none' }
  | { action: 'seed'; files: Snapshot }
  | { action: 'import'; files: Snapshot; changes: FileChange[]; conflicts: string[]; summary: string };

export interface ReconcileInput {
  /** The content files now on disk. */
  files: Snapshot;
  /** The files imported last (undefined: nothing imported yet, an empty database). */
  lastImported?: Snapshot;
  /** The live version's content (undefined on an empty database). */
  live?: Snapshot;
}

/**
 * Decide what a start does with the files (see the rule above); pure, the caller stores the result.
 * @example reconcile({ files, lastImported, live }).action // 'none' | 'seed' | 'import'
 */
export function reconcile({ files, lastImported, live }: ReconcileInput): Reconciled {
  if (!lastImported || !live) return { action: 'seed', files };
  const deployChanges = diffSnapshots(lastImported, files);
  if (!deployChanges.length) return { action: 'none' };
  const merged: Snapshot = { ...live };
  const conflicts: string[] = [];
  for (const { file } of deployChanges) {
    const consoleChanged = live[file] !== lastImported[file];
    if (consoleChanged && live[file] !== files[file]) {
      conflicts.push(file);
      continue;
    }
    if (file in files) merged[file] = files[file];
    else delete merged[file];
  }
  const changes = diffSnapshots(live, merged);
  const summary = [
    `deploy: ${deployChanges.length} file(s) changed (${deployChanges.map((c) => `${c.change} ${c.file}`).join(', ')})`,
    ...(conflicts.length ? [`conflict, kept the console's text: ${conflicts.join(', ')}`] : []),
  ].join('; ');
  return { action: 'import', files: sortKeys(merged), changes, conflicts, summary };
}

