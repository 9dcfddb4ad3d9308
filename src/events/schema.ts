/**
 * The database's tables as Kysely types: the single source of the row shapes (migrations create exactly these).
 * Times are milliseconds since the epoch (`bigint` in PostgreSQL, read back as numbers).
 */
import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * `turn_events` is a view (migration 005): the rows of `turn_rows` with their codes read back as strings and the day
 * as YYYY-MM-DD. Read it where rows are few (the report, tests); the writer and the overview use `turn_rows`.
 */
export interface TurnEventsTable {
  id: Generated<number>;
  at: number;
  /** The KST calendar day of `at` (YYYY-MM-DD): stats group by it without time-zone SQL. */
  day: string;
  /** `userTag(botUserKey)`: the pseudonym the logs use. */
  user_tag: string;
  route: string;
  intent: string | null;
  score: number | null;
  outcome: string;
  flow: string | null;
  /** The dialog step (its id, or `completed` / `gave_up` / …); never a slot value. */
  step: string | null;
  latency_ms: number;
  model_version: string | null;
  content_version: string | null;
  /** Masked, at most 300 characters; only for fallback, clarified and low-confidence turns outside dialogs. */
  text: string | null;
  /** The answerable intent NLP.js leaned to (fallbacks often have one), and its score. */
  guess_intent: string | null;
  guess_score: number | null;
}

/**
 * One turn event as stored (migrations 005, 006): the strings of `TurnEventsTable` as `event_codes` ids, the eight
 * coded ones as the id of their combination in `event_shapes` (`shapes.ts`).
 */
export interface TurnRowsTable {
  id: Generated<number>;
  at: number;
  /** The KST day as days since 1970-01-01 (`kstDayNumber`). */
  day: number;
  user_tag: string;
  /** `event_shapes.id`: route, intent, outcome, flow, step, versions and guessed intent. */
  shape: number;
  score: number | null;
  latency_ms: number;
  text: string | null;
  guess_score: number | null;
}

/** Each combination of an event's coded columns, once (migration 006); the codes are `event_codes` ids. */
export interface EventShapesTable {
  id: Generated<number>;
  /** The codes joined with commas, '' for null (`shapeKey`): what makes a shape unique. */
  key: string;
  route: number;
  intent: number | null;
  outcome: number;
  flow: number | null;
  step: number | null;
  model_version: number | null;
  content_version: number | null;
  guess_intent: number | null;
}

/** Each distinct string of the coded event columns, once (migration 005). */
export interface EventCodesTable {
  id: Generated<number>;
  value: string;
}

/** The lowest and highest event id of each KST day (migration 004): a day range is an id range of `turn_events`. */
export interface TurnDaysTable {
  day: string;
  first_id: number;
  last_id: number;
}

/** Each pseudonym's days with turns, and the lowest event id of each (migration 004): the conversation view's index. */
export interface TurnUserDaysTable {
  user_tag: string;
  day: string;
  first_id: number;
}

export type InboxState = 'new' | 'done' | 'ignored';

/** One group of similar utterances the bot missed or was unsure of. */
export interface InboxGroupsTable {
  id: Generated<number>;
  /** The normalized text that founded the group. */
  key: string;
  /** A masked sample text (the founding one). */
  text: string;
  count: number;
  first_seen: number;
  last_seen: number;
  guess_intent: string | null;
  guess_score: number | null;
  state: InboxState;
  /** The intent (or `None`, or an out-of-scope topic) chosen by staff. */
  label: string | null;
  acted_by: string | null;
  acted_at: number | null;
  /** When `npm run inbox:export` wrote the group's texts into intents/ (null: pending). */
  exported_at: number | null;
}

/** Each distinct normalized text and the group it belongs to (one group per text; near-duplicates share a group). */
export interface InboxTextsTable {
  key: string;
  group_id: number;
  text: string;
  count: number;
  last_seen: number;
}

export type Role = 'viewer' | 'editor';

export interface ConsoleUsersTable {
  id: Generated<number>;
  name: string;
  role: Role;
  /** `scrypt$N$r$p$<salt b64>$<hash b64>` */
  password_hash: string;
  created_at: number;
  updated_at: number;
}

export interface ConsoleSessionsTable {
  /** sha256 of the cookie's value: a copy of the database never holds a usable session. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  last_seen: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  /** JSON text. */
  detail: string | null;
}

/** An immutable content version (issue #14): files, trained model and its hash, who, when, why, eval results. */
export interface ContentVersionsTable {
  version: number;
  parent: number | null;
  source: 'files' | 'console' | 'rollback';
  author: string;
  created_at: number;
  summary: string;
  /** JSON: path → YAML text of every content file. */
  files: string;
  content_hash: string;
  /** JSON: the trained model artifact. */
  artifact: string;
  /** sha256 (hex) of `artifact`; a mismatch is refused at load. */
  artifact_hash: string;
  /** JSON: the eval gate's results and comparison with the version it replaced. */
  eval: string | null;
}

/** One row (id 1): the live version and the files imported last (the deploy rule's base). */
export interface ContentStateTable {
  id: number;
  live_version: number;
  files_base: string;
  updated_at: number;
}

/** One row (id 1): the console's unpublished edits, on top of `base_version`. */
export interface ContentDraftTable {
  id: number;
  base_version: number;
  files: string;
  updated_by: string;
  updated_at: number;
}

export interface Database {
  content_versions: ContentVersionsTable;
  content_state: ContentStateTable;
  content_draft: ContentDraftTable;
  turn_events: TurnEventsTable;
  turn_rows: TurnRowsTable;
  event_codes: EventCodesTable;
  event_shapes: EventShapesTable;
  turn_days: TurnDaysTable;
  turn_user_days: TurnUserDaysTable;
  inbox_groups: InboxGroupsTable;
  inbox_texts: InboxTextsTable;
  console_users: ConsoleUsersTable;
  console_sessions: ConsoleSessionsTable;
  audit_log: AuditLogTable;
}

export type NewTurnRow = Insertable<TurnRowsTable>;
export type TurnRow = Selectable<TurnRowsTable>;
/** A stored row with its shape's codes (what readers decode: `decodeRow`). */
export type ShapedTurnRow = Omit<TurnRow, 'shape'> & Omit<Selectable<EventShapesTable>, 'id' | 'key'>;
export type TurnEvent = Selectable<TurnEventsTable>;
export type InboxGroup = Selectable<InboxGroupsTable>;
export type ConsoleUser = Selectable<ConsoleUsersTable>;
