/**
 * openEventStore: the project's database. SQLite (better-sqlite3, a file under var/) by default, PostgreSQL (pg) when
 * DATABASE_URL is set; Kysely builds every query, always with bound parameters. Migrations run when it opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import type { Config } from '../config';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface EventStore {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where it lives, for messages: the SQLite file, or the PostgreSQL URL without its password. */
  where: string;
  /**
   * SQLite only: the better-sqlite3 handle Kysely runs on, for prepared statements on the write path (the recorder's
   * batch insert; bench/results.md). Use it only inside a Kysely transaction, which holds the one connection.
   */
  sqlite?: import('better-sqlite3').Database;
  close(): Promise<void>;
}

export type StoreConfig = Pick<Config, 'DATABASE_URL' | 'EVENTS_DB' | 'CONTENT_DIR'>;

export interface OpenOptions {
  /** Further migrations (other modules' tables), run after ours in name order. */
  migrations?: Record<string, Migration>;
  /** Most PostgreSQL connections (default 5). */
  poolSize?: number;
}

/**
 * Open the store and bring its schema up to date. Throws when the database cannot be reached or migrated.
 * @example const store = await openEventStore(loadConfig()); await store.db.selectFrom('turn_events').selectAll().execute()
 */
export async function openEventStore(config: StoreConfig, opts: OpenOptions = {}): Promise<EventStore> {
  const store = config.DATABASE_URL ? openPostgres(config.DATABASE_URL, opts.poolSize ?? 5) : openSqlite(sqliteFile(config));
  try {
    await migrate(store.db, opts.migrations);
    return store;
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}

/** The SQLite file EVENTS_DB names, resolved against CONTENT_DIR (`:memory:` stays as it is). */
export function sqliteFile(config: Pick<Config, 'EVENTS_DB' | 'CONTENT_DIR'>): string {
  return config.EVENTS_DB === ':memory:' ? ':memory:' : path.resolve(config.CONTENT_DIR, config.EVENTS_DB);
}

async function migrate(db: Kysely<Database>, extra?: Record<string, Migration>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(extra), migrationTableName: 'bluebot_migrations', migrationLockTableName: 'bluebot_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function openSqlite(file: string): EventStore {
  // required here, not at the top: a PostgreSQL deployment never loads the native module
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const SQLite = require('better-sqlite3') as typeof import('better-sqlite3');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL'); // readers (the console, the report) never block the writer
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 2000');
  // Inserts into the pseudonym index land on random pages: with SQLite's default 2 MB page cache, a store of a few
  // hundred thousand events re-reads index pages from the OS on every batch (system CPU). 32 MB keeps them (bench/results.md).
  sqlite.pragma('cache_size = -32768');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', where: file, sqlite, close: () => db.destroy() };
}

function openPostgres(url: string, max: number): EventStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as typeof import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 2000,
    idleTimeoutMillis: 30_000,
    // int8 (our millisecond times, count(*)) as numbers; they stay far below 2^53
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) } as never,
  });
  pool.on('error', () => undefined); // an idle client lost (server restart): the next query reconnects or fails itself
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', where: redactUrl(url), close: () => db.destroy() };
}

/**
 * A connection URL without its password, for log lines and messages.
 * @example redactUrl('postgres://bot:s3cret@db:5432/bluebot') // 'postgres://bot:***@db:5432/bluebot'
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
