/**
 * The writer thread (`workerSink`) with coded batches: the recorder's strings cross with the first batch that uses
 * them, and a new thread (after the old one stopped or died) is sent all of them again.
 */
import { createEventRecorder, openEventStore, workerSink, type EventStore } from '../../src/events';
import { tempDb } from '../tools/helpers';
import { fakeTurn } from './fixtures';

const T0 = Date.UTC(2026, 11, 1, 3);

describe('event writer thread', () => {
  let store: EventStore;
  const config = { EVENTS_DB: tempDb('worker-sink'), CONTENT_DIR: '.' };
  beforeAll(async () => {
    store = await openEventStore(config); // migrated before the thread opens it, as the server's handle does
  });
  afterAll(async () => {
    await store.close();
  });

  it('writes coded rows whose strings read back, also after the thread was replaced', async () => {
    const sink = workerSink({ config, synonyms: {} });
    const rec = createEventRecorder({ sink, versions: () => ({ model: 'm-1', content: 'v2' }) });
    try {
      rec.hook(...fakeTurn({ user: 'a', at: T0, outcome: 'answered', intent: 'faq.signup', score: 0.9 }));
      rec.hook(...fakeTurn({ user: 'b', at: T0 + 1, text: '오늘 날씨 어때요', guess: { intent: 'faq.refresh_training', score: 0.2 } }));
      await rec.flush();
      await sink.close(); // the next batch starts a new thread, which has none of the strings yet
      rec.hook(...fakeTurn({ user: 'a', at: T0 + 2, outcome: 'answered', intent: 'faq.signup', score: 0.95 })); // strings sent before
      rec.hook(...fakeTurn({ user: 'c', at: T0 + 3, route: 'dialog', outcome: 'dialog_step', intent: 'dialog.password_reset', dialog: { flow: 'password_reset', step: 'phone' } }));
      await rec.flush();
      expect(rec.counts()).toMatchObject({ written: 4, dropped: { queue_full: 0, db_error: 0 } });
      const rows = await store.db.selectFrom('turn_events').select(['at', 'day', 'route', 'intent', 'outcome', 'flow', 'step', 'model_version', 'content_version', 'text', 'guess_intent']).orderBy('id').execute();
      expect(rows.map((r) => ({ ...r, at: Number(r.at) }))).toEqual([
        { at: T0, day: '2026-12-01', route: 'nlu', intent: 'faq.signup', outcome: 'answered', flow: null, step: null, model_version: 'm-1', content_version: 'v2', text: null, guess_intent: null },
        { at: T0 + 1, day: '2026-12-01', route: 'nlu', intent: 'None', outcome: 'fallback', flow: null, step: null, model_version: 'm-1', content_version: 'v2', text: '오늘 날씨 어때요', guess_intent: 'faq.refresh_training' },
        { at: T0 + 2, day: '2026-12-01', route: 'nlu', intent: 'faq.signup', outcome: 'answered', flow: null, step: null, model_version: 'm-1', content_version: 'v2', text: null, guess_intent: null },
        { at: T0 + 3, day: '2026-12-01', route: 'dialog', intent: 'dialog.password_reset', outcome: 'dialog_step', flow: 'password_reset', step: 'phone', model_version: 'm-1', content_version: 'v2', text: null, guess_intent: null },
      ]);
      // each string once in the code table, whichever thread wrote it
      const codes = await store.db.selectFrom('event_codes').select('value').execute();
      expect(codes.length).toBe(new Set(codes.map((c) => c.value)).size);
    } finally {
      await sink.close();
    }
  });
});
