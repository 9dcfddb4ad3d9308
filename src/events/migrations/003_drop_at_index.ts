/** 003: one index less on the write path: retention deletes by `day` (indexed with `outcome`), not by `at`. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema.dropIndex('turn_events_at').ifExists().execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.createIndex('turn_events_at').on('turn_events').column('at').execute();
}
