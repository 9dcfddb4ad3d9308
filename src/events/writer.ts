/**
 * The event writer: a batch of turn facts → event rows, the day and user-day bounds (migration 004) and inbox
 * groups, in one transaction per batch.
 */
import { sql, type Transaction } from 'kysely';
import { clean, type Normalizer } from '../nlu/normalize';
import { BUMP_MS, InboxWriter, type InboxSighting } from './inbox';
import { kyselyOps, sqliteOps } from './inbox-ops';
import type { Database, NewTurnRow } from './schema';
import type { EventStore } from './store';
import { DatabaseCodes } from './codes';
import { ShapeIds } from './shapes';
import { dayOfNumber, encodeBatch, EVENT_COLUMNS, FACTS, maskTexts, TEXT_COLUMN, USER_COLUMN, type Fact, type FactBatch } from './turn-event';

export interface EventWriter {
  /**
   * Write one batch; rejects when the database fails (nothing of the batch is kept then). `values`: the recorder's
   * strings by local code (`ValueCodes.values`), at least every code the batch holds.
   */
  write(batch: FactBatch, values: readonly string[]): Promise<void>;
  /** Write the inbox counts held in memory now (tests, shutdown); they are written within BUMP_MS anyway. */
  flush(): Promise<void>;
}

/** (pseudonym, day) pairs this writer stored in `turn_user_days` lately: each is written once, not once per turn. */
const SEEN_USER_DAYS = 50_000;

/**
 * @example const writer = createEventWriter(() => handle.get(), createNormalizer(synonyms)); await writer.write(batch)
 */
export function createEventWriter(store: () => Promise<EventStore>, normalize: Normalizer = clean): EventWriter {
  const inbox = new InboxWriter(normalize);
  const seen = new Set<string>();
  const codes = new DatabaseCodes();
  const shapes = new ShapeIds();
  let last: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  /** One transaction at a time: the inbox's held counts are shared by all of them. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = last.then(job, job);
    last = run.catch(() => undefined);
    return run;
  };
  const opsOf = (open: EventStore, trx: Transaction<Database>) => (open.sqlite ? sqliteOps(open.sqlite) : kyselyOps(trx));
  /** The inbox's part of a transaction, and its end: counts held or written. */
  const inTransaction = async (open: EventStore, work: (trx: Transaction<Database>) => Promise<void>, force: boolean): Promise<void> => {
    try {
      await open.db.transaction().execute(async (trx) => {
        await work(trx);
        if (force ? inbox.pending : inbox.due()) await inbox.writeBumps(opsOf(open, trx));
      });
      inbox.committed();
    } catch (err) {
      inbox.rolledBack();
      throw err;
    }
    clearTimeout(timer);
    timer = undefined;
    if (inbox.pending) {
      // counts held while no further batch comes: written after BUMP_MS all the same
      timer = setTimeout(() => void flush().catch(() => undefined), BUMP_MS);
      timer.unref();
    }
  };
  const flush = () =>
    serial(async () => {
      if (inbox.pending) await inTransaction(await store(), async () => undefined, true);
    });
  return {
    write: (batch, values) =>
      serial(async () => {
        const open = await store();
        const bounds = new BatchBounds(seen);
        maskTexts(batch);
        bounds.sightingsOf(batch, values);
        await codes.resolve(open, values);
        encodeBatch(batch, codes.ids);
        const shapeIds = await shapes.of(open, batch);
        try {
          await inTransaction(
            open,
            async (trx) => {
              if (open.sqlite) {
                insertSqlite(open.sqlite, batch, shapeIds, bounds);
                writeBoundsSqlite(open.sqlite, bounds);
              } else {
                await insertKysely(trx, batch, shapeIds, bounds);
                await writeBoundsKysely(trx, bounds);
              }
              if (bounds.sightings.length) await inbox.add(trx, bounds.sightings, opsOf(open, trx));
            },
            false,
          );
          if (seen.size > SEEN_USER_DAYS) seen.clear();
        } catch (err) {
          for (const key of bounds.newKeys) seen.delete(key);
          throw err;
        }
      }),
    flush,
  };
}

/** What one batch adds besides its rows: each day's id range, the user-days not seen before, the inbox sightings. */
class BatchBounds {
  /** By day number. */
  readonly days = new Map<number, { first: number; last: number }>();
  /** user_tag, day (YYYY-MM-DD), first id; three values per new pair. */
  readonly userDays: Array<string | number> = [];
  readonly newKeys: string[] = [];
  readonly sightings: InboxSighting[] = [];
  private lastUser = '';
  private lastDay = -1;

  constructor(private readonly seen: Set<string>) {}

  /** A row's id, KST day number and pseudonym. */
  stored(id: number, day: number, user: string): void {
    const range = this.days.get(day);
    if (!range) this.days.set(day, { first: id, last: id });
    else if (id < range.first) range.first = id;
    else if (id > range.last) range.last = id;
    if (user !== this.lastUser || day !== this.lastDay) {
      this.lastUser = user;
      this.lastDay = day;
      const key = `${user} ${day}`;
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.newKeys.push(key);
        this.userDays.push(user, dayString(day), id);
      }
    }
  }

  /** The kept texts of a (masked, not yet encoded) batch, for the inbox; `values` reads the guessed intent's code. */
  sightingsOf(batch: FactBatch, values: readonly string[]): void {
    if (!batch.texts.length) return;
    const a = batch.nums;
    for (let at = 0, end = batch.n * PER_ROW; at < end; at += PER_ROW) {
      const text = a[at + TEXT];
      if (text !== text) continue;
      const guess = a[at + GUESS_INTENT];
      const score = a[at + GUESS_SCORE];
      this.sightings.push({ text: batch.texts[text], at: a[at], guessIntent: guess !== guess ? null : values[guess], guessScore: score !== score ? null : score });
    }
  }
}

/**
 * `dayOfNumber` of the last day asked for (a batch's rows are of one day or two: one Date and string per change of day,
 * not per new user-day).
 */
function dayString(n: number): string {
  if (n !== lastDay.n) lastDay = { n, day: dayOfNumber(n) };
  return lastDay.day;
}
let lastDay = { n: Number.NaN, day: '' };

const GUESS_INTENT = EVENT_COLUMNS.indexOf('guess_intent');
const GUESS_SCORE = EVENT_COLUMNS.indexOf('guess_score');
const DAY = EVENT_COLUMNS.indexOf('day');
const SCORE = EVENT_COLUMNS.indexOf('score');
const LATENCY = EVENT_COLUMNS.indexOf('latency_ms');
const TEXT = TEXT_COLUMN;
const USER = USER_COLUMN;

/** A stored row's columns (migration 006), in the order the SQLite insert binds them. */
const ROW_COLUMNS = ['at', 'day', 'user_tag', 'shape', 'score', 'latency_ms', 'text', 'guess_score'] as const;
const PER_STORED_ROW = ROW_COLUMNS.length;

/** Rows per SQLite insert statement: binding 50 rows at once costs less per row than one statement run per row. */
const ROWS_PER_INSERT = 50;
/** FACTS as a local constant: the hot loops below index by it (tsx compiles an imported binding to a getter call). */
const PER_ROW = FACTS;

interface SqliteStatements {
  many: { run(values: Fact[]): { lastInsertRowid: number | bigint } };
  one: { run(values: Fact[]): { lastInsertRowid: number | bigint } };
  day: { run(...values: Fact[]): unknown };
  userDay: { run(...values: Fact[]): unknown };
  /** The 50-row statement's parameters, refilled for each run (one array per connection); `one`'s likewise. */
  params: Fact[];
  param: Fact[];
}
const statements = new WeakMap<object, SqliteStatements>();

function sqliteStatements(sqlite: NonNullable<EventStore['sqlite']>): SqliteStatements {
  let s = statements.get(sqlite);
  if (!s) {
    const row = `(${ROW_COLUMNS.map(() => '?').join(', ')})`;
    const insert = (n: number) => sqlite.prepare(`insert into turn_rows (${ROW_COLUMNS.join(', ')}) values ${Array(n).fill(row).join(', ')}`);
    s = {
      many: insert(ROWS_PER_INSERT),
      one: insert(1),
      day: sqlite.prepare('insert into turn_days (day, first_id, last_id) values (?, ?, ?) on conflict (day) do update set first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id)'),
      // one writer at a time in SQLite, and ids grow in commit order: a pair stored before has the lower first id
      userDay: sqlite.prepare('insert into turn_user_days (user_tag, day, first_id) values (?, ?, ?) on conflict (user_tag, day) do nothing'),
      params: new Array<Fact>(ROWS_PER_INSERT * PER_STORED_ROW).fill(null),
      param: new Array<Fact>(PER_STORED_ROW).fill(null),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/**
 * `rows` turns of a batch from turn `first` on, as one statement's parameters (ROW_COLUMNS order: null for NaN, the
 * user's and the text's strings, the row's shape id; `shapeIds[k]` is the shape of turn `first + k`).
 */
function fillParams(params: Fact[], batch: FactBatch, shapeIds: Float64Array, first: number, rows: number): void {
  const a = batch.nums;
  for (let i = 0, o = first * PER_ROW, p = 0; i < rows; i++, o += PER_ROW) {
    params[p++] = a[o];
    params[p++] = a[o + DAY];
    params[p++] = batch.users[a[o + USER]];
    params[p++] = shapeIds[i];
    const score = a[o + SCORE];
    params[p++] = score !== score ? null : score;
    params[p++] = a[o + LATENCY];
    const text = a[o + TEXT];
    params[p++] = text !== text ? null : batch.texts[text];
    const guess = a[o + GUESS_SCORE];
    params[p++] = guess !== guess ? null : guess;
  }
}

/**
 * SQLite's write path: prepared statements of 50 rows (then one at a time), bound from one reused array filled from
 * the batch, inside the caller's transaction. Ids of one statement's rows are consecutive (one writer holds the lock).
 */
function insertSqlite(sqlite: NonNullable<EventStore['sqlite']>, batch: FactBatch, shapeIds: Float64Array, bounds: BatchBounds): void {
  const s = sqliteStatements(sqlite);
  const n = batch.n;
  const a = batch.nums;
  for (let i = 0; i < n; ) {
    const rows = n - i >= ROWS_PER_INSERT ? ROWS_PER_INSERT : 1;
    const params = rows === 1 ? s.param : s.params;
    fillParams(params, batch, shapeIds.subarray(i, i + rows), i, rows);
    const last = Number((rows === 1 ? s.one : s.many).run(params).lastInsertRowid);
    for (let j = 0, o = i * PER_ROW; j < rows; j++, o += PER_ROW) bounds.stored(last - rows + 1 + j, a[o + DAY], batch.users[a[o + USER]]);
    i += rows;
  }
  s.params.fill(null); // no texts held until the next batch
  s.param.fill(null);
}

function writeBoundsSqlite(sqlite: NonNullable<EventStore['sqlite']>, bounds: BatchBounds): void {
  const s = sqliteStatements(sqlite);
  for (const [day, r] of bounds.days) s.day.run(dayString(day), r.first, r.last);
  const u = bounds.userDays;
  for (let k = 0; k < u.length; k += 3) s.userDay.run(u[k], u[k + 1], u[k + 2]);
}

/**
 * The `i`-th turn of a (masked, encoded) batch as a stored row with its shape's id, as the SQLite insert binds it (the
 * PostgreSQL writer's query builder takes these).
 * @example toRow(batch, 0, 3).user_tag // 'a1b2c3d4e5f6'
 */
export function toRow(batch: FactBatch, i: number, shape: number): NewTurnRow {
  const values = new Array<Fact>(PER_STORED_ROW);
  fillParams(values, batch, Float64Array.of(shape), i, 1);
  return Object.fromEntries(ROW_COLUMNS.map((c, k) => [c, values[k]])) as unknown as NewTurnRow;
}

/** PostgreSQL (and any dialect): multi-row inserts through the query builder, ids from `returning`. */
async function insertKysely(trx: Transaction<Database>, batch: FactBatch, shapeIds: Float64Array, bounds: BatchBounds): Promise<void> {
  const n = batch.n;
  for (let i = 0; i < n; i += 100) {
    const rows = [];
    for (let k = i; k < Math.min(n, i + 100); k++) rows.push(toRow(batch, k, shapeIds[k]));
    for (const r of await trx.insertInto('turn_rows').values(rows).returning(['id', 'day', 'user_tag']).execute()) bounds.stored(Number(r.id), Number(r.day), r.user_tag);
  }
}

async function writeBoundsKysely(trx: Transaction<Database>, bounds: BatchBounds): Promise<void> {
  for (const [n, r] of bounds.days) {
    await trx
      .insertInto('turn_days')
      .values({ day: dayOfNumber(n), first_id: r.first, last_id: r.last })
      .onConflict((oc) => oc.column('day').doUpdateSet({ first_id: sql`least(turn_days.first_id, excluded.first_id)`, last_id: sql`greatest(turn_days.last_id, excluded.last_id)` }))
      .execute();
  }
  const u = bounds.userDays;
  const pairs = [];
  for (let k = 0; k < u.length; k += 3) pairs.push({ user_tag: u[k] as string, day: u[k + 1] as string, first_id: u[k + 2] as number });
  for (let i = 0; i < pairs.length; i += 500) {
    // several instances: ids are taken in insert order, not commit order, so the lowest one wins
    await trx
      .insertInto('turn_user_days')
      .values(pairs.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['user_tag', 'day']).doUpdateSet({ first_id: sql`least(turn_user_days.first_id, excluded.first_id)` }))
      .execute();
  }
}
