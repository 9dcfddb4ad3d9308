/** The event-store suite, run against SQLite (sqlite.test.ts) and PostgreSQL (postgres.test.ts) alike. */
import { Registry } from 'prom-client';
import { BUMP_MS, createEventRecorder, inboxPage, kstDay, maskedText, openEventStore, purgeOldEvents, readFallbacks, stats, userTurns, type EventStore, type StoreConfig } from '../../src/events';
import { userTag } from '../../src/log/logger';
import { fakeTurn, type FakeTurn } from './fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 3); // 2026-12-01 12:00 KST
const FUNNEL = { flow: 'password_reset', steps: ['phone', 'birthdate', 'name', 'confirm'] };

export const INJECTIONS = ["' OR 1=1 --", "1; DROP TABLE turn_events; --", "'; DELETE FROM inbox_groups; --", '" OR ""="', "%' --", '\\', "1' UNION SELECT * FROM console_users --", '%', '_'];

export function storeSuite(name: string, config: () => Promise<StoreConfig>): void {
  describe(`event store (${name})`, () => {
    let store: EventStore;
    let cfg: StoreConfig;
    beforeAll(async () => {
      cfg = await config();
      store = await openEventStore(cfg);
    });
    afterAll(() => store?.close());

    async function record(turns: FakeTurn[]): Promise<void> {
      const rec = createEventRecorder({ store: async () => store, versions: () => ({ model: 'm1', content: null }) });
      for (const t of turns) rec.hook(...fakeTurn(t));
      await rec.flush();
      expect(rec.counts().dropped).toEqual({ queue_full: 0, db_error: 0 });
    }

    const clear = async () => {
      await store.db.deleteFrom('inbox_texts').execute();
      await store.db.deleteFrom('inbox_groups').execute();
      await store.db.deleteFrom('turn_rows').execute();
    };
    beforeEach(clear);

    it('migrates once: opening again changes nothing', async () => {
      const again = await openEventStore(cfg);
      await again.close();
      const tables = ['turn_events', 'inbox_groups', 'inbox_texts', 'console_users', 'console_sessions', 'audit_log'] as const;
      for (const t of tables) await expect(store.db.selectFrom(t).selectAll().limit(1).execute()).resolves.toEqual(expect.any(Array));
    });

    it('writes one event per turn: pseudonym, routing, versions; masked text only for fallback, clarified and low-confidence turns', async () => {
      await record([
        { text: '제 번호 010-1234-5678 인데 날씨 어때요', guess: { intent: 'greeting', score: 0.2 } },
        { text: '리프레시 교육이 뭐예요', outcome: 'answered', intent: 'faq.refresh_training', score: 0.95 },
        { text: '가입 어떻게 해요 혹시', outcome: 'answered', intent: 'faq.signup', score: 0.58 },
        { text: '로그인 문의', outcome: 'clarified', intent: 'faq.first_login', score: 0.5 },
        { text: '홍길동', outcome: 'dialog_step', route: 'dialog', intent: 'dialog.password_reset', dialog: { flow: 'password_reset', step: 'confirm' } },
        { text: '김철수', outcome: 'fallback', dialog: { flow: 'password_reset', step: 'name' } },
        { text: '아무말', failed: true },
        { text: '이수진', dialogOpen: true }, // a name typed after the dialog's session was read: never kept
        { text: '박영희 입니다', dialogOpen: undefined }, // the session could not be read: it may have held a dialog
      ]);
      const rows = await store.db.selectFrom('turn_events').selectAll().orderBy('id').execute();
      expect(rows).toHaveLength(9);
      expect(rows[0]).toMatchObject({ at: T0, day: '2026-12-01', route: 'nlu', intent: 'None', outcome: 'fallback', text: '제 번호 010-****-5678 인데 날씨 어때요', guess_intent: 'greeting', guess_score: 0.2, model_version: 'm1', latency_ms: 3 });
      expect(rows[0].user_tag).toMatch(/^[0-9a-f]{12}$/);
      expect(rows[0].user_tag).not.toBe('u1');
      expect(rows.map((r) => r.text)).toEqual(['제 번호 010-****-5678 인데 날씨 어때요', null, '가입 어떻게 해요 혹시', '로그인 문의', null, null, null, null, null]);
      expect(rows[4]).toMatchObject({ flow: 'password_reset', step: 'confirm', route: 'dialog' });
      expect(rows[6]).toMatchObject({ outcome: 'error', route: 'error', text: null });
      expect(JSON.stringify(rows)).not.toMatch(/1234-5678|홍길동|김철수|이수진|박영희/);
    });

    it('groups inbox texts by normalized text and merges near-duplicates; a labelled group takes no new look-alikes', async () => {
      await record([
        { text: '교육비 환급 되나요', guess: { intent: 'faq.incomplete_training', score: 0.3 } },
        { text: '교육비 환급 되나요?', at: T0 + 1000 },
        { text: '교육비  환급  되나요!!', at: T0 + 2000 },
        { text: '교육비 환급 되나요 ㅠ', at: T0 + 3000 },
        { text: '주차는 어디에 하나요' },
      ]);
      let page = await inboxPage(store.db, { state: 'new', page: 1, pageSize: 50 });
      expect(page.total).toBe(2);
      expect(page.items[0]).toMatchObject({ text: '교육비 환급 되나요', count: 4, state: 'new', guess: { intent: 'faq.incomplete_training', score: 0.3 }, lastSeen: new Date(T0 + 3000).toISOString() });
      expect(page.items[0].examples).toEqual(['교육비 환급 되나요 ㅠ']);
      await store.db.updateTable('inbox_groups').set({ state: 'done', label: 'faq.incomplete_training' }).where('id', '=', page.items[0].id).execute();
      await record([{ text: '교육비 환급 되나요 ㅠㅠ', at: T0 + 5000 }, { text: '교육비 환급 되나요', at: T0 + 6000 }]);
      page = await inboxPage(store.db, { state: 'new', page: 1, pageSize: 50 });
      expect(page.items.map((i) => [i.text, i.count])).toEqual([['교육비 환급 되나요 ㅠㅠ', 1], ['주차는 어디에 하나요', 1]]); // same count: the latest first
      const done = await inboxPage(store.db, { state: 'done', page: 1, pageSize: 50 });
      expect(done.items[0]).toMatchObject({ count: 5, label: 'faq.incomplete_training' }); // the exact text still counts there
    });

    it('counts of a text already in the inbox are held in memory at most BUMP_MS, and written by flush', async () => {
      const rec = createEventRecorder({ store: async () => store, flushMs: 1 });
      const count = async () => (await inboxPage(store.db, { state: 'new', page: 1, pageSize: 5 })).items.map((i) => i.count);
      const send = async (n: number) => {
        const before = rec.counts().written;
        rec.hook(...fakeTurn({ text: '교육 영상이 안 나와요', at: Date.now() }));
        while (rec.counts().written < before + 1) await new Promise((r) => setTimeout(r, 5));
        expect(rec.counts().written).toBe(n);
      };
      await send(1);
      expect(await count()).toEqual([1]); // a new text: at once
      await send(2);
      expect(await count()).toEqual([2]); // nothing held yet: written with its batch
      await send(3);
      expect(await count()).toEqual([2]); // held
      await rec.flush();
      expect(await count()).toEqual([3]);
      await send(4);
      expect(await count()).toEqual([3]);
      await new Promise((r) => setTimeout(r, BUMP_MS + 500)); // no further batch: written all the same
      expect(await count()).toEqual([4]);
      const [text] = await store.db.selectFrom('inbox_texts').select(['count', 'last_seen']).execute();
      expect(text.count).toBe(4);
    });

    it('pages, filters with q (literally: % and _ are not wildcards), and treats injection payloads as text', async () => {
      await record(Array.from({ length: 30 }, (_, i) => ({ text: `질문 번호 ${'가나다라마바사아자차카타파하'[i % 14]}${'ㄱㄴㄷㄹㅁㅂㅅ'[i % 7]}${i} 100%_${i}`, at: T0 + i })));
      const p1 = await inboxPage(store.db, { state: 'new', page: 1, pageSize: 10 });
      const p3 = await inboxPage(store.db, { state: 'new', page: 3, pageSize: 10 });
      expect(p1.items).toHaveLength(10);
      expect(p3.items).toHaveLength(p1.total - 20);
      expect(new Set([...p1.items, ...p3.items].map((i) => i.id)).size).toBe(p1.items.length + p3.items.length);
      const literal = await inboxPage(store.db, { state: 'new', q: '100%_1', page: 1, pageSize: 50 });
      expect(literal.items.every((i) => i.text.includes('100%_1') || i.examples.some((e) => e.includes('100%_1')))).toBe(true);
      expect((await inboxPage(store.db, { state: 'new', q: '%', page: 1, pageSize: 50 })).total).toBe(p1.total); // every text has a literal %
      expect((await inboxPage(store.db, { state: 'new', q: '_x', page: 1, pageSize: 50 })).total).toBe(0);
      for (const q of INJECTIONS.filter((x) => x !== '%' && x !== '_')) {
        expect((await inboxPage(store.db, { state: 'new', q, page: 1, pageSize: 50 })).total).toBe(0);
      }
      await record(INJECTIONS.map((text) => ({ text })));
      const stored = INJECTIONS.map(maskedText); // long ASCII runs are masked as password-like
      const rows = await store.db.selectFrom('turn_events').select('text').where('text', 'in', stored).execute();
      expect(rows.map((r) => r.text).sort()).toEqual([...stored].sort());
      expect(await store.db.selectFrom('turn_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 30 + INJECTIONS.length });
    });

    it('stats: turns per KST day and outcome, users, top intents, the password-reset funnel, latency percentiles', async () => {
      const reset = (user: string, step: string, outcome: FakeTurn['outcome'], at = T0) =>
        ({ user, at, route: 'dialog', intent: 'dialog.password_reset', outcome, dialog: { flow: 'password_reset', step }, latencyMs: 10 }) as FakeTurn;
      await record([
        { outcome: 'answered', intent: 'faq.signup', score: 0.9, user: 'a', latencyMs: 2 },
        { outcome: 'answered', intent: 'faq.signup', score: 0.9, user: 'b', latencyMs: 2 },
        { outcome: 'answered', intent: 'faq.first_login', score: 0.9, user: 'b', latencyMs: 2 },
        { outcome: 'menu', intent: 'greeting', score: 0.9, user: 'c', latencyMs: 2, at: T0 - DAY },
        { outcome: 'fallback', user: 'c', latencyMs: 2 },
        { outcome: 'handoff', intent: 'handoff', user: 'd', latencyMs: 2 },
        { outcome: 'out_of_scope', intent: 'oos.certificate', user: 'd', latencyMs: 2 },
        reset('a', 'phone', 'dialog_started'),
        reset('a', 'birthdate', 'dialog_step'),
        reset('a', 'name', 'dialog_step'),
        reset('a', 'confirm', 'dialog_step'),
        reset('a', 'completed', 'dialog_completed'),
        reset('b', 'phone', 'dialog_started'),
        reset('b', 'phone', 'dialog_step'),
        reset('b', 'birthdate', 'dialog_step'),
        { ...reset('b', 'birthdate', 'handoff'), intent: 'handoff', route: 'nlu' },
        reset('c', 'phone', 'dialog_started'),
        reset('c', 'gave_up', 'dialog_abandoned'),
        { outcome: 'answered', intent: 'faq.signup', user: 'z', at: T0 + 40 * DAY, latencyMs: 900 },
      ]);
      const labels = new Map([['faq.signup', '회원가입'], ['oos.certificate', '수료증 문의']]);
      const s = await stats(store.db, { from: '2026-11-30', to: '2026-12-01', funnel: FUNNEL, labels });
      expect(s.totals).toEqual({ turns: 18, users: 4, answered: 4, clarified: 0, fallback: 1, out_of_scope: 1, handoff: 2, other: 10 });
      expect(s.days.map((d) => [d.day, d.turns])).toEqual([['2026-11-30', 1], ['2026-12-01', 17]]);
      expect(s.topIntents[0]).toEqual({ intent: 'faq.signup', label: '회원가입', count: 2 });
      expect(s.topTopics).toEqual([{ topic: 'oos.certificate', label: '수료증 문의', count: 1 }]);
      expect(s.funnel).toEqual({
        flow: 'password_reset',
        steps: [{ step: 'started', count: 3 }, { step: 'phone', count: 3 }, { step: 'birthdate', count: 2 }, { step: 'name', count: 1 }, { step: 'confirm', count: 1 }],
        completed: 1,
        abandoned: 1,
        handedOff: 1,
      });
      expect(s.latency).toEqual({ p50Ms: 10, p95Ms: 10 });
      expect(s.days[1].p95Ms).toBe(10);
      expect(kstDay(Date.UTC(2026, 10, 30, 15, 30))).toBe('2026-12-01');
    });

    it('day ranges and conversations without a per-row index: batches of any day order, users interleaved', async () => {
      // a late batch brings the earlier day's turns after the later day's (as two instances' batches may)
      await record([
        { user: 'p', outcome: 'answered', at: T0 + DAY },
        { user: 'q', outcome: 'fallback', text: '둘째 날 질문', at: T0 + DAY + 1 },
        { user: 'p', outcome: 'answered', at: T0 + DAY + 2 },
      ]);
      await record([
        { user: 'q', outcome: 'answered', at: T0 },
        { user: 'p', outcome: 'handoff', at: T0 + 1 },
      ]);
      await record([{ user: 'p', outcome: 'answered', at: T0 + 2 * DAY }]);
      const turns = async (from: string, to: string) => (await stats(store.db, { from, to, funnel: FUNNEL })).days.map((d) => [d.day, d.turns]);
      expect(await turns('2026-12-01', '2026-12-01')).toEqual([['2026-12-01', 2]]);
      expect(await turns('2026-12-02', '2026-12-03')).toEqual([['2026-12-02', 3], ['2026-12-03', 1]]);
      expect(await turns('2026-11-01', '2026-11-02')).toEqual([['2026-11-01', 0], ['2026-11-02', 0]]);
      const p = await userTurns(store.db, userTag('p'));
      expect(p.map((t) => [t.at - T0, t.outcome])).toEqual([[1, 'handoff'], [DAY, 'answered'], [DAY + 2, 'answered'], [2 * DAY, 'answered']]);
      expect((await userTurns(store.db, userTag('p'), 3)).map((t) => t.at - T0)).toEqual([DAY, DAY + 2, 2 * DAY]);
      expect((await userTurns(store.db, userTag('q'))).map((t) => t.text)).toEqual([null, '둘째 날 질문']);
      expect(await userTurns(store.db, userTag('nobody'))).toEqual([]);
    });

    it('retention deletes events older than the limit and keeps the rest', async () => {
      await record([{ at: Date.now() - 91 * DAY }, { at: Date.now() - 89 * DAY }, { at: Date.now() }]);
      expect(await purgeOldEvents(store, 90)).toBe(1);
      expect(await store.db.selectFrom('turn_events').select('id').execute()).toHaveLength(2);
    });

    it('the fallback report reads fallback events with text, oldest first', async () => {
      await record([{ text: '두 번째 질문', at: T0 + 1 }, { text: '첫 번째 질문', at: T0 }, { text: '답변', outcome: 'answered', score: 0.95 }]);
      expect((await readFallbacks(store.db)).map((r) => r.text)).toEqual(['첫 번째 질문', '두 번째 질문']);
      expect(await readFallbacks(store.db, T0 + 1)).toHaveLength(1);
    });

    it('drops and counts events when the database fails or the queue is full; never throws into the turn', async () => {
      const registry = new Registry();
      const failing = createEventRecorder({ store: () => Promise.reject(new Error('database is down')), registry, maxQueue: 5, flushMs: 10_000 });
      expect(() => {
        for (let i = 0; i < 8; i++) failing.hook(...fakeTurn());
      }).not.toThrow();
      await failing.flush();
      expect(failing.counts()).toEqual({ written: 0, dropped: { queue_full: 3, db_error: 5 }, queued: 0 });
      const text = await registry.metrics();
      expect(text).toContain('bluebot_events_dropped_total{reason="queue_full"} 3');
      expect(text).toContain('bluebot_events_dropped_total{reason="db_error"} 5');
    });
  });
}
