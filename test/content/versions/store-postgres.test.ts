/** Content versions on PostgreSQL (DATABASE_URL; CI starts a server). Skipped, with a message, without it. */
import { describePg, freshPgDatabase } from '../../events/pg';
import { versionStoreSuite } from './store.case';

describePg('PostgreSQL', () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(() => drop?.());
  versionStoreSuite('PostgreSQL', async () => {
    const db = await freshPgDatabase();
    drop = db.drop;
    return { DATABASE_URL: db.url, EVENTS_DB: 'unused', CONTENT_DIR: '.' };
  });
});

if (!process.env.DATABASE_URL) {
  it('PostgreSQL suite skipped: DATABASE_URL is not set', () => undefined);
}
