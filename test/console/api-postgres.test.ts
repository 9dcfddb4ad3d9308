/** The console API on PostgreSQL (DATABASE_URL; CI starts a server): sessions, roles, inbox actions, audit, injection payloads. */
import request from 'supertest';
import { makeTestApp, type TestApp } from '../helpers/app';
import { describePg, freshPgDatabase } from '../events/pg';
import { INJECTIONS } from '../events/store.case';
import { addTestUsers, EDITOR, login, snapshot, VIEWER } from './helpers';

describePg('console API on PostgreSQL', () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const pg = await freshPgDatabase();
    drop = pg.drop;
    t = await makeTestApp({ DATABASE_URL: pg.url });
    await addTestUsers((await t.events.get()).db);
    for (const [i, text] of ['교육비 환급 되나요', '수료증 재발급 어떻게 해요', '100% 날씨_어때요'].entries()) await t.say(text, { user: `pg-${i}` });
    await t.recorder?.flush();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  it('logs in, reads, acts as an editor, refuses a viewer and forged tokens without changing anything', async () => {
    const { db } = await t.events.get();
    const editor = await login(t.admin, EDITOR);
    const viewer = await login(t.admin, VIEWER);
    const api = (p: string) => `/console/api/${p}`;
    const stats = await request(t.admin).get(api('stats')).set('cookie', viewer.cookie);
    expect(stats.body.totals).toMatchObject({ turns: 3, fallback: 1, out_of_scope: 2, users: 3 }); // 교육비, 수료증: known topics
    expect(stats.body.topTopics.map((x: { topic: string }) => x.topic).sort()).toEqual(['oos.certificate', 'oos.fees']);
    const inbox = await request(t.admin).get(api('inbox')).set('cookie', viewer.cookie);
    expect(inbox.body.total).toBe(3);
    const literal = await request(t.admin).get(api(`inbox?q=${encodeURIComponent('% 날씨_')}`)).set('cookie', viewer.cookie);
    expect(literal.body.items.map((i: { text: string }) => i.text)).toEqual(['100% 날씨_어때요']);
    const before = await snapshot(db);
    const id = inbox.body.items[0].id;
    for (const [headers, status] of [
      [{ cookie: viewer.cookie, 'x-csrf-token': viewer.csrf }, 403],
      [{ cookie: editor.cookie, 'x-csrf-token': 'forged' }, 403],
      [{ cookie: 'bb_console=forged-session-token-0000000000000000' }, 401],
    ] as Array<[Record<string, string>, number]>) {
      expect((await request(t.admin).post(api(`inbox/${id}/label`)).set(headers).send({ intent: 'faq.signup' })).status).toBe(status);
    }
    for (const q of INJECTIONS) {
      expect((await request(t.admin).get(api(`inbox?q=${encodeURIComponent(q)}`)).set('cookie', viewer.cookie)).status).toBe(200);
      expect((await request(t.admin).get(api(`conversations/${encodeURIComponent(q)}`)).set('cookie', viewer.cookie)).body.turns).toEqual([]);
      expect((await request(t.admin).post(api('login')).send({ name: q, password: q })).status).toBe(401);
    }
    expect(await snapshot(db)).toBe(before);
    const labelled = await request(t.admin).post(api(`inbox/${id}/label`)).set({ cookie: editor.cookie, 'x-csrf-token': editor.csrf }).send({ intent: 'faq.signup' });
    expect(labelled.body.item).toMatchObject({ state: 'done', label: 'faq.signup', actedBy: 'mina' });
    const bulk = await request(t.admin)
      .post(api('inbox/bulk'))
      .set({ cookie: editor.cookie, 'x-csrf-token': editor.csrf })
      .send({ ids: inbox.body.items.slice(1).map((i: { id: number }) => i.id), action: 'ignore' });
    expect(bulk.body).toEqual({ updated: 2 });
    const audit = await request(t.admin).get(api('audit')).set('cookie', viewer.cookie);
    expect(audit.body.items.slice(0, 2).map((e: { action: string }) => e.action)).toEqual(['inbox.bulk.ignore', 'inbox.label']);
    const conv = await request(t.admin).get(api('conversations/pg-0')).set('cookie', viewer.cookie);
    expect(conv.body.turns.map((x: { outcome: string }) => x.outcome)).toEqual(['out_of_scope']);
  });
});

if (!process.env.DATABASE_URL) {
  it('console API on PostgreSQL skipped: DATABASE_URL is not set', () => undefined);
}
