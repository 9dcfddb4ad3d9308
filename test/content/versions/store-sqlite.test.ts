/** Content versions on SQLite (the embedded default). */
import { tempDb } from '../../tools/helpers';
import { versionStoreSuite } from './store.case';

versionStoreSuite('SQLite', async () => ({ DATABASE_URL: undefined, EVENTS_DB: tempDb('versions'), CONTENT_DIR: '.' }));
