/**
 * 006: a narrower event row again. The eight coded columns of an event (route, intent, outcome, flow, step, model and
 * content versions, guessed intent) repeat together: a turn bench of 320,000 events holds a few hundred distinct
 * combinations. Each combination is stored once, in `event_shapes` (its codes, and a `key` that makes it unique:
 * the codes joined with commas, '' for null), and a row of `turn_rows` holds its shape's id: a row binds 8 values
 * where it bound 15 (SQLite's insert: 0.96 → 0.62 µs per row; bench/results.md, "Seventh pass").
 * `turn_events` (the view) keeps its columns and values. Events already stored are copied with their ids, and the id
 * sequence goes on where it was.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { createView as createCodedView } from './005_event_codes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const CODED = ['route', 'intent', 'outcome', 'flow', 'step', 'model_version', 'content_version', 'guess_intent'];
const ALIAS = ['r', 'i', 'o', 'f', 's', 'm', 'c', 'g'];

/** A shape's key from its code columns (`prefix`: the table's alias and a dot), as `shapeKey` makes it in code. */
const keyOf = (prefix: string) => CODED.map((c) => `coalesce(cast(${prefix}${c} as text), '')`).join(` || ',' || `);

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('event_shapes')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('route', 'integer', (c) => c.notNull())
    .addColumn('intent', 'integer')
    .addColumn('outcome', 'integer', (c) => c.notNull())
    .addColumn('flow', 'integer')
    .addColumn('step', 'integer')
    .addColumn('model_version', 'integer')
    .addColumn('content_version', 'integer')
    .addColumn('guess_intent', 'integer')
    .execute();
  await sql.raw(`insert into event_shapes (key, ${CODED.join(', ')}) select distinct ${keyOf('')}, ${CODED.join(', ')} from turn_rows`).execute(db);

  await sql.raw('drop view turn_events').execute(db);
  await db.schema
    .createTable('turn_rows_006')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('user_tag', 'text', (c) => c.notNull())
    .addColumn('shape', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('guess_score', 'double precision')
    .execute();
  await sql
    .raw(
      `insert into turn_rows_006 (id, at, day, user_tag, shape, score, latency_ms, text, guess_score) ` +
        `select t.id, t.at, t.day, t.user_tag, s.id, t.score, t.latency_ms, t.text, t.guess_score from turn_rows t join event_shapes s on s.key = ${keyOf('t.')}`,
    )
    .execute(db);

  // ids go on after the highest ever given (retention may have deleted rows, never an id given back)
  if (pg) {
    const seq = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from turn_rows_id_seq`.execute(db);
    const last = seq.rows[0];
    await db.schema.dropTable('turn_rows').execute(); // its sequence with it
    await sql.raw('alter table turn_rows_006 rename to turn_rows').execute(db);
    await sql.raw('alter sequence turn_rows_006_id_seq rename to turn_rows_id_seq').execute(db);
    if (last?.is_called) await sql`select setval(pg_get_serial_sequence('turn_rows', 'id'), ${Number(last.last_value)}, true)`.execute(db);
  } else {
    const seq = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'turn_rows'`.execute(db);
    const last = Number(seq.rows[0]?.seq ?? 0);
    await db.schema.dropTable('turn_rows').execute();
    await sql.raw('alter table turn_rows_006 rename to turn_rows').execute(db);
    const now = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'turn_rows'`.execute(db);
    const highest = Math.max(last, Number(now.rows[0]?.seq ?? 0));
    await sql`delete from sqlite_sequence where name in ('turn_rows', 'turn_rows_006')`.execute(db);
    if (highest > 0) await sql`insert into sqlite_sequence (name, seq) values ('turn_rows', ${highest})`.execute(db);
  }
  await createView(db, pg);
}

/** `turn_events`: the rows with their shapes' codes read back, and the day as YYYY-MM-DD, as before this migration. */
async function createView(db: Db, pg: boolean): Promise<void> {
  const day = pg ? `to_char(date '1970-01-01' + t.day, 'YYYY-MM-DD')` : `date(t.day * 86400, 'unixepoch')`;
  const col = (c: string) => {
    const k = CODED.indexOf(c);
    return k < 0 ? `t.${c}` : `${ALIAS[k]}.value as ${c}`;
  };
  const columns = ['id', 'at', 'user_tag', 'route', 'intent', 'score', 'outcome', 'flow', 'step', 'latency_ms', 'model_version', 'content_version', 'text', 'guess_intent', 'guess_score'];
  const select = [col('id'), col('at'), `${day} as day`, ...columns.slice(2).map(col)].join(', ');
  const joins = CODED.map((c, k) => `left join event_codes ${ALIAS[k]} on ${ALIAS[k]}.id = sh.${c}`).join(' ');
  await sql.raw(`create view turn_events as select ${select} from turn_rows t join event_shapes sh on sh.id = t.shape ${joins}`).execute(db);
}

export async function down(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql.raw('drop view turn_events').execute(db);
  await sql
    .raw(
      `create table turn_rows_005 as select t.id, t.at, t.day, t.user_tag, sh.route, sh.intent, t.score, sh.outcome, sh.flow, sh.step, t.latency_ms, ` +
        `sh.model_version, sh.content_version, t.text, sh.guess_intent, t.guess_score from turn_rows t join event_shapes sh on sh.id = t.shape`,
    )
    .execute(db);
  await db.schema.dropTable('turn_rows').execute();
  await sql.raw('alter table turn_rows_005 rename to turn_rows').execute(db);
  if (pg) await sql.raw('alter table turn_rows add primary key (id)').execute(db);
  await db.schema.dropTable('event_shapes').execute();
  await createCodedView(db, pg);
}
