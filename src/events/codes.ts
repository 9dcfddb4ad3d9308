/**
 * Codes of the event rows' repeated strings (migration 005): route, intent, outcome, flow, step, the model and content
 * versions and the guessed intent are stored in `turn_rows` as ids of `event_codes`, and the KST day as a day number,
 * so a row binds integers where it bound eight strings (bench/results.md: the insert and its commit cost ~35 % less).
 *
 * Two levels: the recorder numbers each string the first time it sees it (`ValueCodes`, in the event loop: a map
 * look-up of a string it holds anyway), and the batch carries those local numbers; the writer maps them to the
 * database's ids (`DatabaseCodes`), asking the database only for strings it has not mapped yet.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { EventStore } from './store';

/** The event columns stored as codes, in the order of EVENT_COLUMNS. */
export const CODED_COLUMNS = ['route', 'intent', 'outcome', 'flow', 'step', 'model_version', 'content_version', 'guess_intent'] as const;
export type CodedColumn = (typeof CODED_COLUMNS)[number];

/**
 * The recorder's numbering: `values[n]` is the string of local code n. Values are never dropped; they are intents,
 * routes, outcomes, dialog steps and versions (a few hundred at most), never user text.
 * @example const codes = new ValueCodes(); codes.code('nlu') // 0
 */
export class ValueCodes {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string | null | undefined): number | null {
    if (value == null) return null;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(value, c);
      this.values.push(value);
    }
    return c;
  }
}

type Sqlite = NonNullable<EventStore['sqlite']>;

/**
 * The writer's map from the recorder's local codes to `event_codes` ids. Codes are written in their own statements
 * before a batch's transaction (a code of a batch that fails is harmless: codes are never deleted).
 */
export class DatabaseCodes {
  /** ids[local code] = the database's id of that value. */
  readonly ids: number[] = [];

  /**
   * Map every local value not mapped yet: insert what the database lacks (another instance may have added it), then
   * read the ids.
   */
  async resolve(store: EventStore, values: readonly string[]): Promise<void> {
    if (this.ids.length >= values.length) return;
    const fresh = values.slice(this.ids.length);
    const byValue = store.sqlite ? resolveSqlite(store.sqlite, fresh) : await resolveKysely(store.db, fresh);
    for (const v of fresh) {
      const id = byValue.get(v);
      if (id === undefined) throw new Error(`event code of ${JSON.stringify(v)} not found after insert`);
      this.ids.push(id);
    }
  }
}

const sqliteCodeStatements = new WeakMap<Sqlite, { insert: { run(v: string): unknown }; select: { get(v: string): unknown } }>();

function resolveSqlite(sqlite: Sqlite, fresh: string[]): Map<string, number> {
  let s = sqliteCodeStatements.get(sqlite);
  if (!s) {
    s = { insert: sqlite.prepare('insert into event_codes (value) values (?) on conflict (value) do nothing'), select: sqlite.prepare('select id from event_codes where value = ?').pluck() };
    sqliteCodeStatements.set(sqlite, s);
  }
  const out = new Map<string, number>();
  for (const v of fresh) {
    s.insert.run(v);
    out.set(v, Number(s.select.get(v)));
  }
  return out;
}

async function resolveKysely(db: Kysely<Database>, fresh: string[]): Promise<Map<string, number>> {
  await db
    .insertInto('event_codes')
    .values(fresh.map((value) => ({ value })))
    .onConflict((oc) => oc.column('value').doNothing())
    .execute();
  const rows = await db.selectFrom('event_codes').select(['id', 'value']).where('value', 'in', fresh).execute();
  return new Map(rows.map((r) => [r.value, Number(r.id)]));
}

/** Every code and its value, both ways, for readers of `turn_rows` (the table is small: one row per distinct value). */
export interface CodeBook {
  value(id: number | null): string | null;
  /** The id of a value; -1 when it was never stored (so a filter on it matches nothing). */
  id(value: string): number;
}

/**
 * @example const book = await readCodes(db); book.value(row.outcome) // 'answered'
 */
export async function readCodes(db: Kysely<Database>): Promise<CodeBook> {
  const rows = await db.selectFrom('event_codes').select(['id', 'value']).execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r.value]));
  const byValue = new Map(rows.map((r) => [r.value, Number(r.id)]));
  return { value: (id) => (id === null ? null : (byId.get(Number(id)) ?? null)), id: (value) => byValue.get(value) ?? -1 };
}
