/**
 * ContentVersions: immutable content versions in the event store's database (migration 002), the live pointer, and
 * the console's draft. Making a version live is optimistic: it succeeds only while the live version is still the one
 * the editor started from, inside one transaction, so two publishes never both win and a killed process leaves no
 * half version.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../events/schema';
import type { Snapshot } from './snapshot';

export type VersionSource = 'files' | 'console' | 'rollback';

export interface VersionMeta {
  version: number;
  parent: number | null;
  source: VersionSource;
  author: string;
  at: string;
  summary: string;
  contentHash: string;
  artifactHash: string;
  eval: unknown;
}

export interface VersionRow extends VersionMeta {
  files: Snapshot;
  artifact: string;
}

export interface NewVersion {
  source: VersionSource;
  author: string;
  summary: string;
  files: Snapshot;
  contentHash: string;
  artifact: string;
  eval?: unknown;
}

/** The live version moved since the editor loaded it (HTTP 409). */
export class VersionConflict extends Error {
  override name = 'VersionConflict';
  constructor(
    readonly expected: number | null,
    readonly live: number | null,
  ) {
    super(`the live version is ${live ?? 'none'}, not ${expected ?? 'none'}: someone published meanwhile; reload and try again`);
  }
}

/**
 * sha256 (hex) of an artifact's text, stored with the version and checked at every load.
 * @example artifactHash('{"a":1}').length // 64
 */
export function artifactHash(artifact: string): string {
  return crypto.createHash('sha256').update(artifact).digest('hex');
}

export class ContentVersions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The live version number and the files imported last; undefined on an empty database. */
  async state(): Promise<{ live: number; filesBase: Snapshot } | undefined> {
    const row = await this.db.selectFrom('content_state').selectAll().where('id', '=', 1).executeTakeFirst();
    return row ? { live: Number(row.live_version), filesBase: JSON.parse(row.files_base) as Snapshot } : undefined;
  }

  async liveVersion(): Promise<number | null> {
    const row = await this.db.selectFrom('content_state').select('live_version').where('id', '=', 1).executeTakeFirst();
    return row ? Number(row.live_version) : null;
  }

  /** Every version, newest first, without files and artifact. */
  async list(): Promise<VersionMeta[]> {
    const rows = await this.db
      .selectFrom('content_versions')
      .select(['version', 'parent', 'source', 'author', 'created_at', 'summary', 'content_hash', 'artifact_hash', 'eval'])
      .orderBy('version', 'desc')
      .execute();
    return rows.map(meta);
  }

  async get(version: number): Promise<VersionRow | undefined> {
    const row = await this.db.selectFrom('content_versions').selectAll().where('version', '=', version).executeTakeFirst();
    return row ? { ...meta(row), files: JSON.parse(row.files) as Snapshot, artifact: row.artifact } : undefined;
  }

  /**
   * Store a new version and make it live, if the live version is still `base` (null: the database is empty).
   * `filesBase` also records the files a deploy imported. Throws VersionConflict otherwise; nothing is written then.
   * @example await versions.commit({ source: 'console', … }, 3) // 4
   */
  async commit(input: NewVersion, base: number | null, filesBase?: Snapshot): Promise<number> {
    try {
      return await this.commitOnce(input, base, filesBase);
    } catch (err) {
      // Two publishes on one base under PostgreSQL's read committed: both read the same live version and the same
      // max, and the later INSERT of that version number hits the primary key. That is the same conflict.
      if (isUniqueViolation(err)) throw new VersionConflict(base, null);
      throw err;
    }
  }

  private async commitOnce(input: NewVersion, base: number | null, filesBase?: Snapshot): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const state = await trx.selectFrom('content_state').select('live_version').where('id', '=', 1).executeTakeFirst();
      const live = state ? Number(state.live_version) : null;
      if (live !== base) throw new VersionConflict(base, live);
      const max = await trx.selectFrom('content_versions').select((eb) => eb.fn.max('version').as('max')).executeTakeFirst();
      const version = Number(max?.max ?? 0) + 1;
      const at = this.now();
      await trx
        .insertInto('content_versions')
        .values({
          version,
          parent: base,
          source: input.source,
          author: input.author,
          created_at: at,
          summary: input.summary,
          files: JSON.stringify(input.files),
          content_hash: input.contentHash,
          artifact: input.artifact,
          artifact_hash: artifactHash(input.artifact),
          eval: input.eval === undefined ? null : JSON.stringify(input.eval),
        })
        .execute();
      if (!state) {
        if (!filesBase) throw new Error('the first version must record the files it was imported from');
        await trx.insertInto('content_state').values({ id: 1, live_version: version, files_base: JSON.stringify(filesBase), updated_at: at }).execute();
      } else {
        const res = await trx
          .updateTable('content_state')
          .set({ live_version: version, updated_at: at, ...(filesBase ? { files_base: JSON.stringify(filesBase) } : {}) })
          .where('id', '=', 1)
          .where('live_version', '=', base as number)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new VersionConflict(base, null);
      }
      return version;
    });
  }

  /** Record the files a deploy brought without a new version (they equal the live content already). */
  async setFilesBase(filesBase: Snapshot): Promise<void> {
    await this.db.updateTable('content_state').set({ files_base: JSON.stringify(filesBase), updated_at: this.now() }).where('id', '=', 1).execute();
  }

  /**
   * Make an earlier version live again (its stored artifact is reused: no training). Optimistic like commit.
   * @example await versions.rollback(2, 5)
   */
  async rollback(version: number, base: number): Promise<void> {
    const exists = await this.db.selectFrom('content_versions').select('version').where('version', '=', version).executeTakeFirst();
    if (!exists) throw new RangeError(`no version ${version}`);
    const res = await this.db
      .updateTable('content_state')
      .set({ live_version: version, updated_at: this.now() })
      .where('id', '=', 1)
      .where('live_version', '=', base)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new VersionConflict(base, await this.liveVersion());
  }

  /** The console's draft, if any. */
  async draft(): Promise<{ baseVersion: number; files: Snapshot; updatedBy: string; updatedAt: number } | undefined> {
    const row = await this.db.selectFrom('content_draft').selectAll().where('id', '=', 1).executeTakeFirst();
    return row ? { baseVersion: Number(row.base_version), files: JSON.parse(row.files) as Snapshot, updatedBy: row.updated_by, updatedAt: Number(row.updated_at) } : undefined;
  }

  async saveDraft(baseVersion: number, files: Snapshot, by: string): Promise<void> {
    const values = { base_version: baseVersion, files: JSON.stringify(files), updated_by: by, updated_at: this.now() };
    const res = await this.db.updateTable('content_draft').set(values).where('id', '=', 1).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) await this.db.insertInto('content_draft').values({ id: 1, ...values }).execute();
  }

  async clearDraft(): Promise<void> {
    await this.db.deleteFrom('content_draft').where('id', '=', 1).execute();
  }
}

function meta(row: {
  version: number;
  parent: number | null;
  source: VersionSource;
  author: string;
  created_at: number;
  summary: string;
  content_hash: string;
  artifact_hash: string;
  eval: string | null;
}): VersionMeta {
  return {
    version: Number(row.version),
    parent: row.parent === null ? null : Number(row.parent),
    source: row.source,
    author: row.author,
    at: new Date(Number(row.created_at)).toISOString(),
    summary: row.summary,
    contentHash: row.content_hash,
    artifactHash: row.artifact_hash,
    eval: row.eval === null ? null : (JSON.parse(row.eval) as unknown),
  };
}

/** A duplicate key, in PostgreSQL's words (23505) or SQLite's (SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE). */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
