/**
 * Reading events without a per-row index (migration 004): a range of KST days is an id range of `turn_rows` (from
 * `turn_days`), and a user's turns are found from `turn_user_days`. Ids of two instances' batches may interleave,
 * so every query still filters on `day` (and `user_tag`) within the range. Rows hold the id of their coded columns'
 * combination (`event_shapes`, migration 006), joined here, and codes (migration 005): readers decode them with the
 * code book (`readCodes`).
 */
import type { Kysely } from 'kysely';
import { CODED_COLUMNS, readCodes, type CodeBook } from './codes';
import type { Database, ShapedTurnRow, TurnEvent } from './schema';
import { dayNumber, dayOfNumber } from './turn-event';

/**
 * The ids that can hold events of the KST days `from`..`to` (inclusive); an empty range when none were written.
 * @example const { lo, hi } = await dayIds(db, '2026-11-18', '2026-12-01')
 */
export async function dayIds(db: Kysely<Database>, from: string, to: string): Promise<{ lo: number; hi: number }> {
  const r = await db
    .selectFrom('turn_days')
    .select((eb) => [eb.fn.min('first_id').as('lo'), eb.fn.max('last_id').as('hi')])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .executeTakeFirst();
  return r?.lo == null || r.hi == null ? { lo: 1, hi: 0 } : { lo: Number(r.lo), hi: Number(r.hi) };
}

/**
 * The stored rows of the KST days `from`..`to` (a query to select from; `day` is a day number, `shape` an id).
 * @example await (await eventsOfDays(db, from, to)).select('latency_ms').execute()
 */
export async function eventsOfDays(db: Kysely<Database>, from: string, to: string) {
  const { lo, hi } = await dayIds(db, from, to);
  return db.selectFrom('turn_rows').where('id', '>=', lo).where('id', '<=', hi).where('day', '>=', dayNumber(from)).where('day', '<=', dayNumber(to));
}

/** `turn_rows` joined with each row's shape: the coded columns read as if the row held them (the conversation look-up). */
function withShapes(db: Kysely<Database>) {
  return db.selectFrom('turn_rows').innerJoin('event_shapes', 'event_shapes.id', 'turn_rows.shape');
}

/** A row's own columns and its shape's codes, as `decodeRow` reads them. */
const SHAPED_COLUMNS = [
  'turn_rows.id',
  'at',
  'day',
  'user_tag',
  'score',
  'latency_ms',
  'text',
  'guess_score',
  ...CODED_COLUMNS.map((c) => `event_shapes.${c}` as const),
] as const;

/**
 * A stored row as the `turn_events` view shows it: codes as strings, the day as YYYY-MM-DD.
 * @example decodeRow(row, await readCodes(db)).outcome // 'answered'
 */
export function decodeRow(row: ShapedTurnRow, book: CodeBook): TurnEvent {
  const out = { ...row, id: Number(row.id), at: Number(row.at), day: dayOfNumber(Number(row.day)) } as unknown as Record<string, unknown>;
  for (const c of CODED_COLUMNS) out[c] = book.value(row[c]);
  return out as unknown as TurnEvent;
}

/**
 * A pseudonym's latest `limit` turns, oldest first: its days newest first, each read from the user's first id of that
 * day to the day's last one.
 * @example (await userTurns(db, 'a1b2c3d4e5f6')).at(-1)?.outcome
 */
export async function userTurns(db: Kysely<Database>, tag: string, limit = 200): Promise<TurnEvent[]> {
  const days = await db
    .selectFrom('turn_user_days')
    .innerJoin('turn_days', 'turn_days.day', 'turn_user_days.day')
    .select(['turn_user_days.day as day', 'turn_user_days.first_id as first', 'turn_days.last_id as last'])
    .where('turn_user_days.user_tag', '=', tag)
    .orderBy('turn_user_days.day', 'desc')
    .execute();
  const out: ShapedTurnRow[] = [];
  for (const d of days) {
    if (out.length >= limit) break;
    const rows = await withShapes(db)
      .select(SHAPED_COLUMNS)
      .where('turn_rows.id', '>=', Number(d.first))
      .where('turn_rows.id', '<=', Number(d.last))
      .where('day', '=', dayNumber(d.day))
      .where('user_tag', '=', tag)
      .orderBy('at', 'desc')
      .orderBy('turn_rows.id', 'desc')
      .limit(limit - out.length)
      .execute();
    out.push(...rows);
  }
  if (!out.length) return [];
  const book = await readCodes(db);
  return out.reverse().map((r) => decodeRow(r, book));
}
