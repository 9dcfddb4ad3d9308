/**
 * Migration 004 (no per-row index on turn_events; day and user-day bounds instead) on a database made by the
 * migrations before it, with events in it: run against SQLite (sqlite.test.ts) and PostgreSQL (postgres.test.ts).
 */
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { createEventRecorder, MIGRATIONS, openEventStore, purgeOldEvents, sqliteFile, stats, userTurns, type StoreConfig } from '../../src/events';
import { userTag } from '../../src/log/logger';
import { fakeTurn } from './fixtures';

const DAY = 86_400_000;
const FUNNEL = { flow: 'password_reset', steps: ['phone'] };

/** A Kysely handle on the database, without running any migration. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rawDb(config: StoreConfig): Kysely<any> {
  if (config.DATABASE_URL) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pg = require('pg') as typeof import('pg');
    return new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.DATABASE_URL, max: 1 }) }) });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const SQLite = require('better-sqlite3') as typeof import('better-sqlite3');
  return new Kysely({ dialect: new SqliteDialect({ database: new SQLite(sqliteFile(config)) }) });
}

export function upgradeSuite(name: string, fresh: () => Promise<StoreConfig>): void {
  describe(`migration 004 on a database with events (${name})`, () => {
    it('fills the day and user-day bounds from the events already stored, drops the per-row indexes, and every reader sees old and new events', async () => {
      const config = await fresh();
      const now = Date.now();
      const today = new Date(now + 9 * 3600_000).toISOString().slice(0, 10);
      const yesterday = new Date(now - DAY + 9 * 3600_000).toISOString().slice(0, 10);
      const old = rawDb(config);
      const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([n]) => n < '004'));
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => before }, migrationTableName: 'bluebot_migrations', migrationLockTableName: 'bluebot_migrations_lock' });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const row = (at: number, day: string, user: string, outcome: string) => ({ at, day, user_tag: userTag(user), route: 'nlu', intent: 'faq.signup', score: 0.9, outcome, latency_ms: 4, text: null });
      await old
        .insertInto('turn_events')
        .values([row(now - DAY, yesterday, 'old-a', 'answered'), row(now - DAY + 1, yesterday, 'old-b', 'fallback'), row(now - 100 * DAY, '2000-01-01', 'old-a', 'answered'), row(now - 10, today, 'old-a', 'answered')])
        .execute();
      await old.destroy();

      const store = await openEventStore(config);
      try {
        const days = await store.db.selectFrom('turn_days').selectAll().orderBy('day').execute();
        expect(days.map((d) => d.day)).toEqual(['2000-01-01', yesterday, today]);
        expect(await store.db.selectFrom('turn_user_days').select(['day']).where('user_tag', '=', userTag('old-a')).orderBy('day').execute()).toHaveLength(3);
        const indexes =
          store.dialect === 'sqlite'
            ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'turn_events' and sql is not null`.execute(store.db)
            : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'turn_events' and indexname <> 'turn_events_pkey'`.execute(store.db);
        expect(indexes.rows).toEqual([]);

        const rec = createEventRecorder({ store: async () => store });
        rec.hook(...fakeTurn({ user: 'old-a', outcome: 'answered', at: now }));
        rec.hook(...fakeTurn({ user: 'new-c', outcome: 'answered', at: now + 1 }));
        await rec.flush();
        expect((await userTurns(store.db, userTag('old-a'))).map((t) => t.at)).toEqual([now - 100 * DAY, now - DAY, now - 10, now]);
        expect((await userTurns(store.db, userTag('old-a'), 2)).map((t) => t.at)).toEqual([now - 10, now]); // the latest ones
        expect((await userTurns(store.db, userTag('new-c'))).map((t) => t.at)).toEqual([now + 1]);
        const s = await stats(store.db, { from: yesterday, to: today, funnel: FUNNEL });
        expect(s.days.map((d) => [d.day, d.turns])).toEqual([[yesterday, 2], [today, 3]]);
        expect(s.totals).toMatchObject({ turns: 5, users: 3, fallback: 1 });
        expect(await purgeOldEvents(store, 90)).toBe(1);
        expect(await store.db.selectFrom('turn_days').select('day').where('day', '=', '2000-01-01').execute()).toEqual([]);
        expect((await userTurns(store.db, userTag('old-a'))).map((t) => t.at)).toEqual([now - DAY, now - 10, now]);
      } finally {
        await store.close();
      }
    });
  });
}
