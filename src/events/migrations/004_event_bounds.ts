/**
 * 004: no per-row index on `turn_events` (each cost the writer a B-tree insert per turn, the pseudonym one at a random
 * page; bench/results.md). In their place, two small tables the writer updates once per batch:
 * - `turn_days`: the lowest and highest event id of each KST day. Stats and retention read a day range as an id
 *   range of the table's own key (plus `day` to filter, as ids of two instances' batches may interleave at midnight).
 * - `turn_user_days`: each (pseudonym, day) with a turn, and the lowest event id of it: the conversation view reads
 *   the user's days, newest first, from that id on.
 * Both are filled from the events already stored, before the old indexes go.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('turn_days')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('first_id', 'bigint', (c) => c.notNull())
    .addColumn('last_id', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('turn_user_days')
    .addColumn('user_tag', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('first_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('turn_user_days_pk', ['user_tag', 'day'])
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await sql`insert into turn_days (day, first_id, last_id) select day, min(id), max(id) from turn_events group by day`.execute(db);
  await sql`insert into turn_user_days (user_tag, day, first_id) select user_tag, day, min(id) from turn_events group by user_tag, day`.execute(db);
  await db.schema.dropIndex('turn_events_day').ifExists().execute();
  await db.schema.dropIndex('turn_events_user').ifExists().execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.createIndex('turn_events_day').on('turn_events').columns(['day', 'outcome']).execute();
  await db.schema.createIndex('turn_events_user').on('turn_events').columns(['user_tag', 'at']).execute();
  await db.schema.dropTable('turn_user_days').ifExists().execute();
  await db.schema.dropTable('turn_days').ifExists().execute();
}
