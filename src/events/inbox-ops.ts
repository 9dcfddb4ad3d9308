/**
 * The inbox's write statements, in two forms with one meaning: Kysely queries (PostgreSQL, and any dialect), and
 * better-sqlite3 prepared statements for SQLite's hot path (the recorder writes inside a transaction that holds the
 * connection). Query building cost more CPU per event than the writes themselves (bench/results.md). Every value is a
 * bound parameter in both.
 */
import { sql, type Transaction } from 'kysely';
import type { Database, InboxState } from './schema';
import type { EventStore } from './store';

export interface NewGroup {
  key: string;
  text: string;
  count: number;
  first: number;
  last: number;
  guessIntent: string | null;
  guessScore: number | null;
}

type Maybe<T> = T | Promise<T>;

export interface InboxOps {
  groupOfText(key: string): Maybe<number | undefined>;
  /** The state of each of `ids` that exists (one query in PostgreSQL: the index may hold several candidates). */
  groupStates(ids: readonly number[]): Maybe<Map<number, InboxState>>;
  insertGroup(g: NewGroup): Maybe<number>;
  /** false when the text already existed (another instance wrote it meanwhile). */
  insertText(key: string, groupId: number, text: string, count: number, last: number): Maybe<boolean>;
  /** false when the text is not there (any more). */
  bumpText(key: string, count: number, last: number): Maybe<boolean>;
  bumpGroup(id: number, count: number, last: number, guess: { intent: string; score: number | null } | null): Maybe<void>;
  deleteGroup(id: number): Maybe<void>;
}

/** `max(last_seen, at)` in both dialects (SQLite has no `greatest`). */
function later(at: number) {
  return sql<number>`case when last_seen > ${at} then last_seen else ${at} end`;
}

export function kyselyOps(trx: Transaction<Database>): InboxOps {
  return {
    groupOfText: async (key) => (await trx.selectFrom('inbox_texts').select('group_id').where('key', '=', key).executeTakeFirst())?.group_id,
    groupStates: async (ids) =>
      new Map(ids.length ? (await trx.selectFrom('inbox_groups').select(['id', 'state']).where('id', 'in', [...ids]).execute()).map((r) => [r.id, r.state]) : []),
    insertGroup: async (g) =>
      (
        await trx
          .insertInto('inbox_groups')
          .values({ key: g.key, text: g.text, count: g.count, first_seen: g.first, last_seen: g.last, guess_intent: g.guessIntent, guess_score: g.guessScore, state: 'new', label: null, acted_by: null, acted_at: null, exported_at: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    insertText: async (key, groupId, text, count, last) => {
      const r = await trx.insertInto('inbox_texts').values({ key, group_id: groupId, text, count, last_seen: last }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    bumpText: async (key, count, last) => {
      const r = await trx.updateTable('inbox_texts').set((eb) => ({ count: eb('count', '+', count), last_seen: later(last) })).where('key', '=', key).executeTakeFirst();
      return Number(r.numUpdatedRows ?? 0) > 0;
    },
    bumpGroup: async (id, count, last, guess) => {
      await trx
        .updateTable('inbox_groups')
        .set((eb) => ({ count: eb('count', '+', count), last_seen: later(last), ...(guess ? { guess_intent: guess.intent, guess_score: guess.score } : {}) }))
        .where('id', '=', id)
        .execute();
    },
    deleteGroup: async (id) => {
      await trx.deleteFrom('inbox_groups').where('id', '=', id).execute();
    },
  };
}

type Sqlite = NonNullable<EventStore['sqlite']>;
const prepared = new WeakMap<Sqlite, InboxOps>();

/** Prepared once per database handle. Only inside a transaction of the caller's (it holds the one connection). */
export function sqliteOps(db: Sqlite): InboxOps {
  const cached = prepared.get(db);
  if (cached) return cached;
  const q = {
    groupOfText: db.prepare('select group_id from inbox_texts where key = ?').pluck(),
    groupState: db.prepare('select state from inbox_groups where id = ?').pluck(),
    insertGroup: db.prepare(
      "insert into inbox_groups (key, text, count, first_seen, last_seen, guess_intent, guess_score, state) values (?, ?, ?, ?, ?, ?, ?, 'new')",
    ),
    insertText: db.prepare('insert into inbox_texts (key, group_id, text, count, last_seen) values (?, ?, ?, ?, ?) on conflict (key) do nothing'),
    bumpText: db.prepare('update inbox_texts set count = count + ?, last_seen = max(last_seen, ?) where key = ?'),
    bumpGroup: db.prepare('update inbox_groups set count = count + ?, last_seen = max(last_seen, ?) where id = ?'),
    bumpGroupGuess: db.prepare('update inbox_groups set count = count + ?, last_seen = max(last_seen, ?), guess_intent = ?, guess_score = ? where id = ?'),
    deleteGroup: db.prepare('delete from inbox_groups where id = ?'),
  };
  const ops: InboxOps = {
    groupOfText: (key) => q.groupOfText.get(key) as number | undefined,
    groupStates: (ids) => {
      const states = new Map<number, InboxState>();
      for (const id of ids) {
        const state = q.groupState.get(id) as InboxState | undefined;
        if (state !== undefined) states.set(id, state);
      }
      return states;
    },
    insertGroup: (g) => Number(q.insertGroup.run(g.key, g.text, g.count, g.first, g.last, g.guessIntent, g.guessScore).lastInsertRowid),
    insertText: (key, groupId, text, count, last) => q.insertText.run(key, groupId, text, count, last).changes > 0,
    bumpText: (key, count, last) => q.bumpText.run(count, last, key).changes > 0,
    bumpGroup: (id, count, last, guess) => void (guess ? q.bumpGroupGuess.run(count, last, guess.intent, guess.score, id) : q.bumpGroup.run(count, last, id)),
    deleteGroup: (id) => void q.deleteGroup.run(id),
  };
  prepared.set(db, ops);
  return ops;
}
