/** The event-store suite on PostgreSQL (DATABASE_URL; CI starts a server). Skipped, with a message, without it. */
import { describePg, freshPgDatabase } from './pg';
import { storeSuite } from './store.case';
import { upgradeSuite } from './upgrade.case';

describePg('PostgreSQL', () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });
  const fresh = async () => {
    const db = await freshPgDatabase();
    drops.push(db.drop);
    return { DATABASE_URL: db.url, EVENTS_DB: 'unused', CONTENT_DIR: '.' };
  };
  storeSuite('PostgreSQL', fresh);
  upgradeSuite('PostgreSQL', fresh);
});

if (!process.env.DATABASE_URL) {
  it('PostgreSQL suite skipped: DATABASE_URL is not set', () => undefined);
}
