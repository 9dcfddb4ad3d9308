/**
 * Event shapes (migration 006): the eight coded columns of an event (route, intent, outcome, flow, step, the model and
 * content versions, the guessed intent) repeat together, so each combination is stored once in `event_shapes` and a
 * row of `turn_rows` holds its id: 8 values bound per row instead of 15.
 *
 * The writer maps a batch's rows (codes already the database's, `encodeBatch`) to shape ids in memory: a trie with one
 * level per coded column, indexed by code + 1 (0: null), so a row costs eight array reads and no string. Shapes it has
 * not seen are written in their own statements before the batch's transaction, as codes are (a shape of a batch that
 * fails is harmless: shapes are never deleted); another instance may have written them first.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { EventStore } from './store';
import { CODED_AT, FACTS, type FactBatch } from './turn-event';
import { CODED_COLUMNS } from './codes';

type Sqlite = NonNullable<EventStore['sqlite']>;
/** CODED_AT as a local constant: `find` indexes by it per row (tsx compiles an imported binding to a getter call). */
const OFFSETS = Int32Array.from(CODED_AT);
const LEVELS = OFFSETS.length;
/** A trie node: children by code + 1; a leaf (after the last column) is the shape id. */
type Node = Array<Node | number | undefined>;

/**
 * A shape's key: its codes joined with commas, '' for null (migration 006 makes the same from SQL).
 * @example shapeKey([1, 4, 2, null, null, 7, null, null]) // '1,4,2,,,7,,'
 */
export function shapeKey(codes: ReadonlyArray<number | null>): string {
  return codes.map((c) => (c === null ? '' : String(c))).join(',');
}

export class ShapeIds {
  private readonly root: Node = [];

  /**
   * The shape id of each row of a batch whose coded columns hold database codes; shapes not known yet are read from
   * the store, or written to it.
   */
  async of(store: EventStore, batch: FactBatch): Promise<Float64Array> {
    const ids = new Float64Array(batch.n);
    let missing: Map<string, { codes: Array<number | null>; rows: number[] }> | undefined;
    const a = batch.nums;
    for (let i = 0, o = 0; i < batch.n; i++, o += FACTS) {
      const id = this.find(a, o);
      if (id !== undefined) {
        ids[i] = id;
        continue;
      }
      const codes = CODED_AT.map((k) => (a[o + k] !== a[o + k] ? null : a[o + k]));
      const key = shapeKey(codes);
      missing ??= new Map();
      const m = missing.get(key);
      if (m) m.rows.push(i);
      else missing.set(key, { codes, rows: [i] });
    }
    if (!missing) return ids;
    const wanted = [...missing.values()].map((m) => m.codes);
    const byKey = store.sqlite ? resolveSqlite(store.sqlite, wanted) : await resolveKysely(store.db, wanted);
    for (const [key, m] of missing) {
      const id = byKey.get(key);
      if (id === undefined) throw new Error(`event shape ${key} not found after insert`);
      this.remember(m.codes, id);
      for (const i of m.rows) ids[i] = id;
    }
    return ids;
  }

  /** The shape id of the row at offset `o` of a batch's numbers, if known. */
  private find(a: Float64Array, o: number): number | undefined {
    let node: Node | number | undefined = this.root;
    for (let j = 0; j < LEVELS; j++) {
      const c = a[o + OFFSETS[j]];
      node = (node as Node)[c !== c ? 0 : c + 1];
      if (node === undefined) return undefined;
    }
    return node as number;
  }

  private remember(codes: ReadonlyArray<number | null>, id: number): void {
    let node = this.root;
    for (let j = 0; j < codes.length - 1; j++) {
      const k = codes[j] === null ? 0 : (codes[j] as number) + 1;
      node = (node[k] ??= []) as Node;
    }
    const last = codes[codes.length - 1];
    node[last === null ? 0 : last + 1] = id;
  }
}

const sqliteShapeStatements = new WeakMap<Sqlite, { insert: { run(...v: Array<string | number | null>): unknown }; select: { get(key: string): unknown } }>();

function resolveSqlite(sqlite: Sqlite, wanted: Array<Array<number | null>>): Map<string, number> {
  let s = sqliteShapeStatements.get(sqlite);
  if (!s) {
    s = {
      insert: sqlite.prepare(`insert into event_shapes (key, ${CODED_COLUMNS.join(', ')}) values (?, ${CODED_COLUMNS.map(() => '?').join(', ')}) on conflict (key) do nothing`),
      select: sqlite.prepare('select id from event_shapes where key = ?').pluck(),
    };
    sqliteShapeStatements.set(sqlite, s);
  }
  const out = new Map<string, number>();
  for (const codes of wanted) {
    const key = shapeKey(codes);
    s.insert.run(key, ...codes);
    out.set(key, Number(s.select.get(key)));
  }
  return out;
}

async function resolveKysely(db: Kysely<Database>, wanted: Array<Array<number | null>>): Promise<Map<string, number>> {
  // CODED_COLUMNS order
  const rows = wanted.map((c) => ({ key: shapeKey(c), route: c[0] as number, intent: c[1], outcome: c[2] as number, flow: c[3], step: c[4], model_version: c[5], content_version: c[6], guess_intent: c[7] }));
  const out = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    await db
      .insertInto('event_shapes')
      .values(part)
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const found = await db.selectFrom('event_shapes').select(['id', 'key']).where('key', 'in', part.map((r) => r.key)).execute();
    for (const r of found) out.set(r.key, Number(r.id));
  }
  return out;
}
