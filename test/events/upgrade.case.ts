/**
 * Migrations 004 (no per-row index on turn_events; day and user-day bounds instead) and 005 (coded rows in turn_rows,
 * turn_events a view) on databases made by the migrations before them, with events in them: run against SQLite
 * (sqlite.test.ts) and PostgreSQL (postgres.test.ts).
 */
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { createEventRecorder, MIGRATIONS, openEventStore, purgeOldEvents, readFallbacks, sqliteFile, stats, userTurns, type StoreConfig } from '../../src/events';
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

/** Run the migrations named before `upTo` on a database, without the later ones. */
async function migrateBefore(db: Kysely<any>, upTo: string): Promise<void> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([n]) => n < upTo));
  const migrator = new Migrator({ db, provider: { getMigrations: async () => before }, migrationTableName: 'bluebot_migrations', migrationLockTableName: 'bluebot_migrations_lock' });
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
}

export function upgradeSuite(name: string, fresh: () => Promise<StoreConfig>): void {
  describe(`migration 005 on a database with events (${name})`, () => {
    it('stores the strings as codes, keeps every event with its id and values, and numbers new events after the highest id ever given', async () => {
      const config = await fresh();
      const now = Date.now();
      const today = new Date(now + 9 * 3600_000).toISOString().slice(0, 10);
      const old = rawDb(config);
      await migrateBefore(old, '005');
      const row = (at: number, user: string, over: Record<string, unknown> = {}) => ({
        at, day: today, user_tag: userTag(user), route: 'nlu', intent: 'faq.signup', score: 0.9, outcome: 'answered', flow: null, step: null, latency_ms: 4,
        model_version: 'm-old', content_version: null, text: null, guess_intent: null, guess_score: null, ...over,
      });
      await old
        .insertInto('turn_events')
        .values([
          row(now - 30, 'old-a'),
          row(now - 20, 'old-a', { intent: 'None', outcome: 'fallback', score: 0.3, text: '오늘 날씨 어때요', guess_intent: 'faq.signup', guess_score: 0.2 }),
          row(now - 10, 'old-b', { route: 'dialog', intent: 'dialog.password_reset', outcome: 'dialog_step', flow: 'password_reset', step: 'phone', content_version: 'v7' }),
          row(now - 5, 'old-b'), // deleted below: the highest id ever given is above every id left
        ])
        .execute();
      const ids = (await old.selectFrom('turn_events').select('id').orderBy('id').execute()).map((r) => Number(r.id));
      const wide = await old.selectFrom('turn_events').selectAll().where('id', '<', ids[3]).orderBy('id').execute();
      await old.deleteFrom('turn_events').where('id', '=', ids[3]).execute();
      // the bounds the 004 writer kept with these events
      await old.insertInto('turn_days').values({ day: today, first_id: ids[0], last_id: ids[2] }).execute();
      await old.insertInto('turn_user_days').values([{ user_tag: userTag('old-a'), day: today, first_id: ids[0] }, { user_tag: userTag('old-b'), day: today, first_id: ids[2] }]).execute();
      await old.destroy();

      const store = await openEventStore(config);
      try {
        // the view shows every old event as it was, the table holds integers
        const viewed = await store.db.selectFrom('turn_events').selectAll().orderBy('id').execute();
        expect(viewed.map((r) => ({ ...r, id: Number(r.id), at: Number(r.at) }))).toEqual(wide.map((r) => ({ ...r, id: Number(r.id), at: Number(r.at) })));
        const stored = await store.db.selectFrom('turn_rows').innerJoin('event_shapes', 'event_shapes.id', 'turn_rows.shape').select(['route', 'day', 'flow']).orderBy('turn_rows.id').execute();
        expect(stored.map((r) => [typeof r.route, typeof r.day, r.flow === null])).toEqual([['number', 'number', true], ['number', 'number', true], ['number', 'number', false]]);
        const codes = (await store.db.selectFrom('event_codes').select('value').execute()).map((r) => r.value).sort();
        expect(codes).toEqual(['answered', 'dialog', 'dialog.password_reset', 'dialog_step', 'faq.signup', 'fallback', 'm-old', 'nlu', 'None', 'password_reset', 'phone', 'v7'].sort());

        const rec = createEventRecorder({ store: async () => store, versions: () => ({ model: 'm-new', content: 'v7' }) });
        rec.hook(...fakeTurn({ user: 'old-a', outcome: 'answered', at: now }));
        await rec.flush();
        const latest = await userTurns(store.db, userTag('old-a'));
        expect(latest.map((t) => [t.at, t.outcome, t.model_version])).toEqual([[now - 30, 'answered', 'm-old'], [now - 20, 'fallback', 'm-old'], [now, 'answered', 'm-new']]);
        expect(latest[2].id).toBeGreaterThan(ids[3]); // the deleted row's id is never given again (day ranges stay right)
        expect((await readFallbacks(store.db)).map((f) => [f.text, f.guess])).toEqual([['오늘 날씨 어때요', 'faq.signup']]);
        const s = await stats(store.db, { from: today, to: today, funnel: FUNNEL });
        expect(s.totals).toMatchObject({ turns: 4, users: 2, answered: 2, fallback: 1, other: 1 });
        expect(s.topIntents).toEqual([{ intent: 'faq.signup', count: 2 }]);
      } finally {
        await store.close();
      }
    });
  });


  describe(`migration 006 on a database with events (${name})`, () => {
    it('stores each combination of codes once, keeps every event with its id and values, and numbers new events after the highest id ever given', async () => {
      const config = await fresh();
      const now = Date.now();
      const today = new Date(now + 9 * 3600_000).toISOString().slice(0, 10);
      const old = rawDb(config);
      await migrateBefore(old, '006');
      const values = ['nlu', 'faq.signup', 'answered', 'm-old', 'None', 'fallback', 'dialog', 'dialog.password_reset', 'dialog_step', 'password_reset', 'phone', 'v7'];
      await old.insertInto('event_codes').values(values.map((value) => ({ value }))).execute();
      const code = Object.fromEntries((await old.selectFrom('event_codes').select(['id', 'value']).execute()).map((r) => [r.value, Number(r.id)]));
      const dayNo = Math.floor((now + 9 * 3600_000) / DAY);
      const row = (at: number, user: string, over: Record<string, unknown> = {}) => ({
        at, day: dayNo, user_tag: userTag(user), route: code.nlu, intent: code['faq.signup'], score: 0.9, outcome: code.answered, flow: null, step: null, latency_ms: 4,
        model_version: code['m-old'], content_version: null, text: null, guess_intent: null, guess_score: null, ...over,
      });
      await old
        .insertInto('turn_rows')
        .values([
          row(now - 40, 'old-a'),
          row(now - 30, 'old-b'), // the same shape as the first
          row(now - 20, 'old-a', { intent: code.None, outcome: code.fallback, score: 0.3, text: '오늘 날씨 어때요', guess_intent: code['faq.signup'], guess_score: 0.2 }),
          row(now - 10, 'old-b', { route: code.dialog, intent: code['dialog.password_reset'], outcome: code.dialog_step, flow: code.password_reset, step: code.phone, content_version: code.v7 }),
          row(now - 5, 'old-b'), // deleted below: the highest id ever given is above every id left
        ])
        .execute();
      const ids = (await old.selectFrom('turn_rows').select('id').orderBy('id').execute()).map((r) => Number(r.id));
      const viewedBefore = await old.selectFrom('turn_events').selectAll().where('id', '<', ids[4]).orderBy('id').execute();
      expect(viewedBefore.map((r) => r.outcome)).toEqual(['answered', 'answered', 'fallback', 'dialog_step']);
      await old.deleteFrom('turn_rows').where('id', '=', ids[4]).execute();
      await old.insertInto('turn_days').values({ day: today, first_id: ids[0], last_id: ids[3] }).execute();
      await old.insertInto('turn_user_days').values([{ user_tag: userTag('old-a'), day: today, first_id: ids[0] }, { user_tag: userTag('old-b'), day: today, first_id: ids[1] }]).execute();
      await old.destroy();

      const store = await openEventStore(config);
      try {
        // the view shows every old event as it was; three combinations of codes, each stored once
        const viewed = await store.db.selectFrom('turn_events').selectAll().orderBy('id').execute();
        expect(viewed.map((r) => ({ ...r, id: Number(r.id), at: Number(r.at) }))).toEqual(viewedBefore.map((r) => ({ ...r, id: Number(r.id), at: Number(r.at) })));
        const stored = await store.db.selectFrom('turn_rows').select(['id', 'shape']).orderBy('id').execute();
        expect(stored.map((r) => Number(r.id))).toEqual(ids.slice(0, 4));
        expect(new Set(stored.map((r) => r.shape)).size).toBe(3);
        expect(stored[0].shape).toBe(stored[1].shape);
        expect(await store.db.selectFrom('event_shapes').select('id').execute()).toHaveLength(3);

        // the writer finds the stored shape of an old combination, and adds a new one once
        const rec = createEventRecorder({ store: async () => store, versions: () => ({ model: 'm-old', content: null }) });
        rec.hook(...fakeTurn({ user: 'old-a', outcome: 'answered', intent: 'faq.signup', score: 0.9, at: now }));
        rec.hook(...fakeTurn({ user: 'old-a', outcome: 'answered', intent: 'faq.signup', score: 0.8, at: now + 1 }));
        await rec.flush();
        const latest = await userTurns(store.db, userTag('old-a'));
        expect(latest.map((t) => [t.at, t.outcome, t.intent, t.model_version])).toEqual([
          [now - 40, 'answered', 'faq.signup', 'm-old'],
          [now - 20, 'fallback', 'None', 'm-old'],
          [now, 'answered', 'faq.signup', 'm-old'],
          [now + 1, 'answered', 'faq.signup', 'm-old'],
        ]);
        expect(latest[2].id).toBeGreaterThan(ids[4]); // the deleted row's id is never given again (day ranges stay right)
        const shapes = await store.db.selectFrom('event_shapes').select('id').execute();
        expect(shapes.length).toBeGreaterThanOrEqual(3);
        expect(shapes.length).toBeLessThanOrEqual(4); // the new turns' shape (route and latency as the fixture makes them) once at most
        expect((await readFallbacks(store.db)).map((f) => [f.text, f.guess])).toEqual([['오늘 날씨 어때요', 'faq.signup']]);
        const s = await stats(store.db, { from: today, to: today, funnel: { flow: 'password_reset', steps: ['phone'] } });
        expect(s.totals).toMatchObject({ turns: 6, users: 2, answered: 4, fallback: 1, other: 1 });
        expect(s.topIntents).toEqual([{ intent: 'faq.signup', count: 4 }]);
        expect(s.funnel.steps).toEqual([{ step: 'started', count: 0 }, { step: 'phone', count: 1 }]);
      } finally {
        await store.close();
      }
    });
  });

  describe(`migration 004 on a database with events (${name})`, () => {
    it('fills the day and user-day bounds from the events already stored, drops the per-row indexes, and every reader sees old and new events', async () => {
      const config = await fresh();
      const now = Date.now();
      const today = new Date(now + 9 * 3600_000).toISOString().slice(0, 10);
      const yesterday = new Date(now - DAY + 9 * 3600_000).toISOString().slice(0, 10);
      const old = rawDb(config);
      await migrateBefore(old, '004');
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
