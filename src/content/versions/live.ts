/**
 * The live content version of this process: syncs the files with the database at start (reconcile.ts), loads
 * versions (refusing a model whose hash does not match), and follows the live pointer: a publish here swaps at once;
 * other instances swap on a Redis message or, without Redis (or having missed it), on their next poll.
 */
import fs from 'node:fs';
import type { Content } from '../load';
import type { Logger } from '../../log/logger';
import { classifierFromJson, type Artifact, type NluContent } from '../../nlu/model';
import type { HybridClassifier } from '../../nlu/classifier';
import { trainInWorker } from '../../nlu/train-in-worker';
import { loadContent } from '../load';
import { reconcile } from './reconcile';
import { materialize, snapshotHash, type Snapshot } from './snapshot';
import { artifactHash, ContentVersions, VersionConflict, type VersionRow } from './store';

export interface LoadedVersion<D> {
  version: number;
  content: Content;
  dialogs: D;
  classifier: HybridClassifier;
}

/**
 * Load a stored version: check its model against the stored hash, then its content with the startup checks.
 * @example const loaded = await loadVersion(row, loadCheckedContent)
 */
export async function loadVersion<D>(row: VersionRow, build: (dir: string) => { content: Content; dialogs: D }): Promise<LoadedVersion<D>> {
  if (artifactHash(row.artifact) !== row.artifactHash) {
    throw new Error(`content version ${row.version}: its model does not match the stored hash; refused`);
  }
  const dir = materialize(row.files);
  try {
    const { content, dialogs } = build(dir);
    return { version: row.version, content, dialogs, classifier: await classifierFromJson(row.artifact, content) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface SyncResult {
  action: 'none' | 'seed' | 'import';
  live: number;
  conflicts: string[];
}

/**
 * Apply the deploy rule at start: seed version 1, import changed files as a new version (training only when the
 * merged content differs from the files' own model), or nothing. Another instance doing the same at the same time
 * wins or loses cleanly (the loser reads the live version).
 * @example await syncFiles(versions, readSnapshot(root), () => fs.promises.readFile(modelFile, 'utf8'))
 */
export async function syncFiles(
  versions: ContentVersions,
  files: Snapshot,
  filesArtifact: () => Promise<string>,
  train: (content: NluContent) => Promise<Artifact> = (c) => trainInWorker(c),
): Promise<SyncResult> {
  const state = await versions.state();
  const live = state ? await versions.get(state.live) : undefined;
  const r = reconcile({ files, lastImported: state?.filesBase, live: live?.files });
  try {
    if (r.action === 'none') return { action: 'none', live: state?.live as number, conflicts: [] };
    if (r.action === 'seed') {
      const artifact = await filesArtifact();
      const version = await versions.commit({ source: 'files', author: 'files', summary: 'imported from the files', files, contentHash: snapshotHash(files), artifact }, null, files);
      return { action: 'seed', live: version, conflicts: [] };
    }
    const base = state?.live as number;
    const hash = snapshotHash(r.files);
    if (hash === live?.contentHash) {
      await versions.setFilesBase(files);
      return { action: 'none', live: base, conflicts: r.conflicts };
    }
    const artifact = hash === snapshotHash(files) ? await filesArtifact() : JSON.stringify(await trainSnapshot(r.files, train));
    const eval_ = { changes: r.changes, conflicts: r.conflicts };
    const version = await versions.commit({ source: 'files', author: 'deploy', summary: r.summary, files: r.files, contentHash: hash, artifact, eval: eval_ }, base, files);
    return { action: 'import', live: version, conflicts: r.conflicts };
  } catch (err) {
    if (!(err instanceof VersionConflict)) throw err;
    return { action: 'none', live: (await versions.liveVersion()) as number, conflicts: [] };
  }
}

async function trainSnapshot(files: Snapshot, train: (content: NluContent) => Promise<Artifact>): Promise<Artifact> {
  const dir = materialize(files);
  try {
    return await train(loadContent(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface FollowerOptions<D> {
  versions: ContentVersions;
  build: (dir: string) => { content: Content; dialogs: D };
  /** Swap the process to a loaded version (one assignment: a turn sees the old or the new, never half). */
  swap: (loaded: LoadedVersion<D>) => void;
  /** The version serving now. */
  current: () => number | null;
  pollMs: number;
  logger?: Logger;
}

/**
 * Follows the live pointer: `check()` loads and swaps when it moved; a timer calls it every `pollMs` (a missed
 * Redis message is caught up here). A version that fails to load (hash mismatch, bad content) is logged and the
 * current one keeps serving.
 * @example const f = new LiveFollower({ … }); f.start(); await f.check()
 */
export class LiveFollower<D> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly opts: FollowerOptions<D>) {}

  start(): void {
    this.timer = setInterval(() => void this.check().catch(() => undefined), this.opts.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Load and swap to the live version if it is not the one serving; concurrent calls share one check. */
  check(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const live = await this.opts.versions.liveVersion();
    if (live === null || live === this.opts.current()) return;
    const row = await this.opts.versions.get(live);
    if (!row) return;
    try {
      const loaded = await loadVersion(row, this.opts.build);
      this.opts.swap(loaded);
      this.opts.logger?.info('content version now live', { module: 'content', version: live });
    } catch (err) {
      this.opts.logger?.error('content version refused, the current one keeps serving', { module: 'content', version: live, error: (err as Error).message });
    }
  }
}
