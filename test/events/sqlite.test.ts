/** The event-store suite on SQLite (the embedded default). */
import { tempDb } from '../tools/helpers';
import { storeSuite } from './store.case';

storeSuite('SQLite', async () => ({ DATABASE_URL: undefined, EVENTS_DB: tempDb('store'), CONTENT_DIR: '.' }));
