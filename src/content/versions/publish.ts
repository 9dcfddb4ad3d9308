/**
 * Publish: the console's draft becomes a live content version. Steps: every `npm run validate` check → training in a
 * worker thread (never on the event loop; the live version keeps answering) → the eval gate → an optimistic commit
 * (409 when someone published meanwhile) → the swap. A failure at any step leaves the live version serving and says
 * why; nothing is written before the commit, which is one transaction.
 */
import fs from 'node:fs';
import type { Classifier } from '../../nlu/classifier';
import { classifierFromJson, type Artifact, type NluContent } from '../../nlu/model';
import { trainInWorker } from '../../nlu/train-in-worker';
import { loadContent } from '../load';
import { lintDir, type DraftError } from './draft';
import { evalGate, type GateResult, type GateRow } from './gate';
import { materialize, snapshotHash, type Snapshot } from './snapshot';
import { ContentVersions, VersionConflict, type VersionSource } from './store';

export interface PublishRequest {
  files: Snapshot;
  /** The live version the editor started from (null on an empty database). */
  baseVersion: number | null;
  author: string;
  summary: string;
  source?: VersionSource;
}

export interface PublishStatus {
  state: 'idle' | 'validating' | 'training' | 'evaluating' | 'committing';
  /** 0..1, by step. */
  progress: number;
  startedAt: string | null;
}

/** A publish refused: 409 (conflict: someone published, or a publish is running) or 422 (invalid, training failed, gate). */
export class PublishRefused extends Error {
  override name = 'PublishRefused';
  constructor(
    readonly status: 409 | 422,
    message: string,
    readonly detail: { errors?: DraftError[]; eval?: GateResult } = {},
  ) {
    super(message);
  }
}

export interface PublisherOptions {
  versions: ContentVersions;
  /** The gate's rows: dev sets and labelled inbox utterances (read at each publish). */
  gateRows: (intents: ReadonlySet<string>) => Promise<GateRow[]>;
  /** The classifier serving now (compared with the candidate). */
  live: () => Classifier | undefined;
  /** Make a committed version serve (the swap); the caller also tells other instances. */
  activate: (version: number) => Promise<void>;
  /** Dev set the validation checks training utterances against. */
  devSet?: string;
  /** Trains off the event loop; default trainInWorker with `trainTimeoutMs`. */
  train?: (content: NluContent) => Promise<Artifact>;
  trainTimeoutMs?: number;
}

const PROGRESS: Record<PublishStatus['state'], number> = { idle: 0, validating: 0.05, training: 0.15, evaluating: 0.75, committing: 0.95 };

export class Publisher {
  private current: PublishStatus = { state: 'idle', progress: 0, startedAt: null };

  constructor(private readonly opts: PublisherOptions) {}

  status(): PublishStatus {
    return { ...this.current };
  }

  /**
   * Run a publish to the end; resolves to the new live version and its eval, or rejects with PublishRefused.
   * @example const { version } = await publisher.publish({ files, baseVersion: 3, author: 'kim', summary: '환급 답변 수정' })
   */
  async publish(req: PublishRequest): Promise<{ version: number; eval: GateResult }> {
    if (this.current.state !== 'idle') throw new PublishRefused(409, `a publish is already running (${this.current.state})`);
    this.current = { state: 'validating', progress: PROGRESS.validating, startedAt: new Date().toISOString() };
    const dir = materialize(req.files);
    try {
      const live = await this.opts.versions.liveVersion();
      if (live !== req.baseVersion) throw new PublishRefused(409, new VersionConflict(req.baseVersion, live).message);
      const errors = lintDir(dir, this.opts.devSet);
      if (errors.length) throw new PublishRefused(422, `${errors.length} content error(s)`, { errors });
      const content = loadContent(dir);
      this.step('training');
      const artifact = await this.train(content);
      this.step('evaluating');
      const json = JSON.stringify(artifact);
      const candidate = await classifierFromJson(json, content);
      const intents = new Set(content.intents.map((i) => i.intent));
      const gate = await evalGate(candidate, this.opts.live(), await this.opts.gateRows(intents));
      if (!gate.passed) throw new PublishRefused(422, `eval gate refused: ${gate.reasons.join('; ')}`, { eval: gate });
      this.step('committing');
      const version = await this.commit(req, json, gate);
      await this.opts.activate(version);
      return { version, eval: gate };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      this.current = { state: 'idle', progress: 0, startedAt: null };
    }
  }

  private step(state: PublishStatus['state']): void {
    this.current = { ...this.current, state, progress: PROGRESS[state] };
  }

  private async train(content: NluContent): Promise<Artifact> {
    try {
      return await (this.opts.train ?? ((c) => trainInWorker(c, { timeoutMs: this.opts.trainTimeoutMs })))(content);
    } catch (err) {
      throw new PublishRefused(422, `training failed, the live version keeps serving: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async commit(req: PublishRequest, artifact: string, gate: GateResult): Promise<number> {
    try {
      const source = req.source ?? 'console';
      return await this.opts.versions.commit({ source, author: req.author, summary: req.summary, files: req.files, contentHash: snapshotHash(req.files), artifact, eval: gate }, req.baseVersion);
    } catch (err) {
      if (err instanceof VersionConflict) throw new PublishRefused(409, err.message);
      throw err;
    }
  }
}
