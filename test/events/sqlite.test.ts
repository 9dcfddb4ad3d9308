/** The event-store suite on SQLite (the embedded default). */
import { tempDb } from '../tools/helpers';
import { storeSuite } from './store.case';
import { upgradeSuite } from './upgrade.case';

storeSuite('SQLite', async () => ({ DATABASE_URL: undefined, EVENTS_DB: tempDb('store'), CONTENT_DIR: '.' }));
upgradeSuite('SQLite', async () => ({ DATABASE_URL: undefined, EVENTS_DB: tempDb('upgrade'), CONTENT_DIR: '.' }));
