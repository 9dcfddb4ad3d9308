/**
 * Content versions in a running server (CONTENT_VERSIONS=on): at start, sync the files with the database and serve
 * the live version; follow the live pointer (poll every CONTENT_POLL_MS); publish and roll back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import type { StoreHandle } from '../../events/handle';
import type { Logger } from '../../log/logger';
import type { Classifier } from '../../nlu/classifier';
import { readDevSet } from '../../nlu/eval/dataset';
import type { Content } from '../load';
import { inboxRows, type GateRow } from './gate';
import { LiveFollower, loadVersion, syncFiles, type LoadedVersion } from './live';
import { redisNotifier } from './notify';
import { Publisher } from './publish';
import { readSnapshot } from './snapshot';
import { ContentVersions, VersionConflict } from './store';

export interface ContentServiceOptions<D> {
  config: Config;
  logger: Logger;
  events: StoreHandle;
  root: string;
  /** The model artifact file the server loaded for the files' content (seeds version 1 without training). */
  modelFile: string;
  build: (dir: string) => { content: Content; dialogs: D };
  swap: (loaded: LoadedVersion<D>) => void;
  current: () => number | null;
  live: () => Classifier | undefined;
}

export interface ContentService {
  versions: ContentVersions;
  publisher: Publisher;
  follower: LiveFollower<unknown>;
  /** The dev set drafts are checked against (training utterances must not copy it). */
  devSet: string;
  /** Make `version` live again without training; optimistic on `base`. */
  rollback(version: number, base: number): Promise<void>;
  stop(): void;
}

/** The dev sets the gate scores (those present under the content root's test/nlu/). */
function devRows(root: string): GateRow[] {
  const sets: Array<[string, string]> = [['dev', 'test/nlu/dev.tsv'], ['dev-v2', 'test/nlu/dev-v2.tsv']];
  return sets.flatMap(([set, file]) => {
    const full = path.join(root, file);
    return fs.existsSync(full) ? readDevSet(full).map((r) => ({ ...r, set })) : [];
  });
}

/**
 * Sync, load the live version, and start following it.
 * @example const service = await startContentService({ config, logger, events, root, modelFile, build, swap, current, live })
 */
export async function startContentService<D>(opts: ContentServiceOptions<D>): Promise<ContentService> {
  const { db } = await opts.events.get();
  const versions = new ContentVersions(db);
  const synced = await syncFiles(versions, readSnapshot(opts.root), () => fs.promises.readFile(opts.modelFile, 'utf8'));
  if (synced.conflicts.length) {
    opts.logger.warn('deploy: files also edited in the console kept the console text', { module: 'content', files: synced.conflicts });
  }
  opts.logger.info('content versions synced with the files', { module: 'content', action: synced.action, live: synced.live });
  const follower = new LiveFollower<D>({ versions, build: opts.build, swap: opts.swap, current: opts.current, pollMs: opts.config.CONTENT_POLL_MS, logger: opts.logger });
  await follower.check();
  follower.start();
  const notifier = opts.config.REDIS_URL ? redisNotifier(opts.config.REDIS_URL, () => void follower.check().catch(() => undefined), opts.logger) : undefined;
  /** Swap here, then tell the other instances (they also find it on their next poll). */
  const activate = async (version: number): Promise<void> => {
    await follower.check();
    await notifier?.announce(version);
  };
  const dev = devRows(opts.root);
  const publisher = new Publisher({
    versions,
    gateRows: async (intents) => [...dev, ...(await inboxRows(db, intents))],
    live: opts.live,
    activate,
    devSet: path.join(opts.root, 'test/nlu/dev.tsv'),
    trainTimeoutMs: opts.config.PUBLISH_TRAIN_TIMEOUT_MS,
  });
  return {
    versions,
    publisher,
    follower: follower as LiveFollower<unknown>,
    devSet: path.join(opts.root, 'test/nlu/dev.tsv'),
    rollback: async (version, base) => {
      const row = await versions.get(version);
      if (!row) throw new RangeError(`no version ${version}`);
      await loadVersion(row, opts.build); // refuse before moving the pointer: a broken artifact never goes live
      await versions.rollback(version, base);
      await activate(version);
    },
    stop: () => {
      follower.stop();
      void notifier?.close();
    },
  };
}

export { VersionConflict };
