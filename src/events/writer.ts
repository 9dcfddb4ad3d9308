/** The event writer: turn facts → event rows and inbox groups, in one transaction per batch. */
import { clean, type Normalizer } from '../nlu/normalize';
import { InboxWriter } from './inbox';
import { sqliteOps } from './inbox-ops';
import type { NewTurnEvent } from './schema';
import type { EventStore } from './store';
import { toEvent, type TurnFacts } from './turn-event';

export interface EventWriter {
  /** Write one batch; rejects when the database fails (nothing of the batch is kept then). */
  write(batch: TurnFacts[]): Promise<void>;
}

/**
 * @example const writer = createEventWriter(() => handle.get(), createNormalizer(synonyms)); await writer.write(facts)
 */
export function createEventWriter(store: () => Promise<EventStore>, normalize: Normalizer = clean): EventWriter {
  const inbox = new InboxWriter(normalize);
  return {
    async write(batch) {
      const rows = batch.map(toEvent);
      const sightings = rows
        .filter((row) => row.text)
        .map((row) => ({ text: row.text as string, at: row.at, guessIntent: row.guess_intent ?? null, guessScore: row.guess_score ?? null }));
      const open = await store();
      try {
        await open.db.transaction().execute(async (trx) => {
          if (open.sqlite) insertSqlite(open.sqlite, rows);
          else for (let i = 0; i < rows.length; i += 100) await trx.insertInto('turn_events').values(rows.slice(i, i + 100)).execute();
          if (sightings.length) await inbox.add(trx, sightings, open.sqlite ? sqliteOps(open.sqlite) : undefined);
        });
      } catch (err) {
        inbox.reset(); // groups it indexed may have been rolled back
        throw err;
      }
    },
  };
}

/** Every column of an event row, in insert order. */
const COLUMNS = ['at', 'day', 'user_tag', 'route', 'intent', 'score', 'outcome', 'flow', 'step', 'latency_ms', 'model_version', 'content_version', 'text', 'guess_intent', 'guess_score'] as const satisfies ReadonlyArray<keyof NewTurnEvent>;
const statements = new WeakMap<object, { run(...values: unknown[]): unknown }>();

/**
 * SQLite's write path: one prepared statement run per row (parameters bound, as always), inside the caller's
 * transaction. Building one multi-row insert per batch through the query builder cost several times more CPU per
 * event (bench/results.md).
 */
function insertSqlite(sqlite: NonNullable<EventStore['sqlite']>, rows: NewTurnEvent[]): void {
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(`insert into turn_events (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
    statements.set(sqlite, insert);
  }
  for (const r of rows) {
    insert.run(r.at, r.day, r.user_tag, r.route, r.intent ?? null, r.score ?? null, r.outcome, r.flow ?? null, r.step ?? null, r.latency_ms, r.model_version ?? null, r.content_version ?? null, r.text ?? null, r.guess_intent ?? null, r.guess_score ?? null);
  }
}
