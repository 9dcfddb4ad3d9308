/** 002 (issue #14): immutable content versions, the live pointer and the files imported last, the console's draft. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey()) // assigned as live + 1 … max + 1 in the publishing transaction
    .addColumn('parent', 'integer')
    .addColumn('source', 'text', (c) => c.notNull()) // files | console | rollback
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull()) // JSON snapshot: path → YAML text
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('artifact', 'text', (c) => c.notNull()) // the trained model (JSON), so rollback never retrains
    .addColumn('artifact_hash', 'text', (c) => c.notNull()) // sha256 of `artifact`, checked at every load
    .addColumn('eval', 'text') // JSON eval results and comparison
    .execute();
  await db.schema
    .createTable('content_state')
    .addColumn('id', 'integer', (c) => c.primaryKey()) // always 1
    .addColumn('live_version', 'integer', (c) => c.notNull())
    .addColumn('files_base', 'text', (c) => c.notNull()) // JSON snapshot of the files imported last
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('content_draft')
    .addColumn('id', 'integer', (c) => c.primaryKey()) // always 1
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('content_draft').execute();
  await db.schema.dropTable('content_state').execute();
  await db.schema.dropTable('content_versions').execute();
}
