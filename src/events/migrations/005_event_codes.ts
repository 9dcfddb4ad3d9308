/**
 * 005: a narrower event row. The eight repeated strings of an event (route, intent, outcome, flow, step, model and
 * content versions, guessed intent) are stored as ids of `event_codes`, and the KST day as a day number (days since
 * 1970-01-01), in `turn_rows`: a row binds integers where it bound strings, and the batch's commit writes fewer pages
 * (bench/results.md). `turn_events` becomes a view with the old columns and values, for readers of few rows.
 * Events already stored are copied with their ids (the day and user-day bounds of 004 stay valid), and the id
 * sequence goes on where it was.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const CODED = ['route', 'intent', 'outcome', 'flow', 'step', 'model_version', 'content_version', 'guess_intent'];
const ALIAS = ['r', 'i', 'o', 'f', 's', 'm', 'c', 'g'];

export async function up(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('event_codes')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('turn_rows')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('user_tag', 'text', (c) => c.notNull())
    .addColumn('route', 'integer', (c) => c.notNull())
    .addColumn('intent', 'integer')
    .addColumn('score', 'double precision')
    .addColumn('outcome', 'integer', (c) => c.notNull())
    .addColumn('flow', 'integer')
    .addColumn('step', 'integer')
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('model_version', 'integer')
    .addColumn('content_version', 'integer')
    .addColumn('text', 'text')
    .addColumn('guess_intent', 'integer')
    .addColumn('guess_score', 'double precision')
    .execute();

  // the events stored so far: their strings into event_codes, then each row copied with its codes
  const union = CODED.map((c) => `select ${c} as value from turn_events where ${c} is not null`).join(' union ');
  await sql.raw(`insert into event_codes (value) select value from (${union}) v order by value`).execute(db);
  const dayNumber = pg ? `(day::date - date '1970-01-01')` : `cast(julianday(day) - 2440587.5 as integer)`;
  const codeOf = (c: string) => `(select id from event_codes where value = e.${c})`;
  await sql
    .raw(
      `insert into turn_rows (id, at, day, user_tag, route, intent, score, outcome, flow, step, latency_ms, model_version, content_version, text, guess_intent, guess_score) ` +
        `select e.id, e.at, ${dayNumber}, e.user_tag, ${codeOf('route')}, ${codeOf('intent')}, e.score, ${codeOf('outcome')}, ${codeOf('flow')}, ${codeOf('step')}, e.latency_ms, ` +
        `${codeOf('model_version')}, ${codeOf('content_version')}, e.text, ${codeOf('guess_intent')}, e.guess_score from turn_events e`,
    )
    .execute(db);
  // ids go on after the highest ever given (retention may have deleted the latest rows' predecessors, never the ids)
  if (pg) {
    const seq = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from turn_events_id_seq`.execute(db);
    const last = seq.rows[0];
    if (last?.is_called) await sql`select setval(pg_get_serial_sequence('turn_rows', 'id'), ${Number(last.last_value)}, true)`.execute(db);
  } else {
    const seq = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'turn_events'`.execute(db);
    const last = Number(seq.rows[0]?.seq ?? 0);
    if (last > 0) {
      await sql`delete from sqlite_sequence where name = 'turn_rows'`.execute(db);
      await sql`insert into sqlite_sequence (name, seq) values ('turn_rows', ${last})`.execute(db);
    }
  }
  await db.schema.dropTable('turn_events').execute();
  await createView(db, pg);
}

/**
 * `turn_events`: the rows with their codes read back, and the day as YYYY-MM-DD, as before this migration (006's
 * `down` makes it again).
 */
export async function createView(db: Db, pg: boolean): Promise<void> {
  const day = pg ? `to_char(date '1970-01-01' + t.day, 'YYYY-MM-DD')` : `date(t.day * 86400, 'unixepoch')`;
  const col = (c: string) => {
    const k = CODED.indexOf(c);
    return k < 0 ? `t.${c}` : `${ALIAS[k]}.value as ${c}`;
  };
  const columns = ['id', 'at', 'user_tag', 'route', 'intent', 'score', 'outcome', 'flow', 'step', 'latency_ms', 'model_version', 'content_version', 'text', 'guess_intent', 'guess_score'];
  const select = [col('id'), col('at'), `${day} as day`, ...columns.slice(2).map(col)].join(', ');
  const joins = CODED.map((c, k) => `left join event_codes ${ALIAS[k]} on ${ALIAS[k]}.id = t.${c}`).join(' ');
  await sql.raw(`create view turn_events as select ${select} from turn_rows t ${joins}`).execute(db);
}

export async function down(db: Db): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql.raw('create table turn_events_wide as select * from turn_events').execute(db);
  await sql.raw('drop view turn_events').execute(db);
  await db.schema.dropTable('turn_rows').execute();
  await db.schema.dropTable('event_codes').execute();
  await sql.raw('alter table turn_events_wide rename to turn_events').execute(db);
  if (pg) await sql.raw('alter table turn_events add primary key (id)').execute(db);
}
