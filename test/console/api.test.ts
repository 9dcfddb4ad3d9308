/** The console API through the real app: login, sessions, CSRF, roles, every route, refusals that change nothing. */
import type { Kysely } from 'kysely';
import request from 'supertest';
import type { Database } from '../../src/events';
import { userTag } from '../../src/log/logger';
import { makeTestApp, type TestApp } from '../helpers/app';
import { INJECTIONS } from '../events/store.case';
import { addTestUsers, EDITOR, login, snapshot, VIEWER, type Login } from './helpers';

let t: TestApp;
let db: Kysely<Database>;
let editor: Login;
let viewer: Login;

const MISSED = ['교육비 환급 되나요', '수료증 재발급 어떻게 해요', '오늘 점심 메뉴 추천해줘'];

beforeAll(async () => {
  t = await makeTestApp();
  db = (await t.events.get()).db;
  await addTestUsers(db);
  for (const [i, text] of MISSED.entries()) await t.say(text, { user: `console-${i}` });
  await t.say('리프레시 교육이 뭐예요?', { user: 'console-0' });
  await t.recorder?.flush();
  editor = await login(t.admin, EDITOR);
  viewer = await login(t.admin, VIEWER);
});
afterAll(() => t.close());

const api = (path: string) => `/console/api/${path}`;
const as = (who: Login) => ({ cookie: who.cookie });
const change = (who: Login) => ({ cookie: who.cookie, 'x-csrf-token': who.csrf });
const newItems = async () => (await request(t.admin).get(api('inbox')).set(as(editor))).body.items as Array<{ id: number; text: string }>;

describe('login and sessions', () => {
  it('logs in with an HttpOnly, SameSite=Strict cookie scoped to /console, and returns the CSRF token', async () => {
    const res = await request(t.admin).post(api('login')).send(EDITOR);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ csrfToken: expect.stringMatching(/^[\w-]{40,}$/), user: { name: 'mina', role: 'editor' } });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'])[0];
    expect(cookie).toMatch(/^bb_console=[\w-]{40,};/);
    expect(cookie).toMatch(/; Path=\/console/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const me = await request(t.admin).get(api('me')).set('cookie', cookie.split(';')[0]);
    expect(me.body).toEqual({ user: { name: 'mina', role: 'editor' }, csrfToken: res.body.csrfToken });
  });

  it('refuses a wrong password or an unknown name with 401 JSON, no cookie, and no change', async () => {
    const before = await snapshot(db);
    for (const body of [{ name: 'mina', password: 'wrong-password-1' }, { name: 'nobody', password: 'whatever-it-is' }]) {
      const res = await request(t.admin).post(api('login')).send(body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'wrong name or password' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const bad = await request(t.admin).post(api('login')).send({ name: 'mina' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/password/);
    expect(await snapshot(db)).toBe(before);
  });

  it('answers 401 without a cookie, with a forged one, or after logout', async () => {
    const before = await snapshot(db);
    for (const cookie of [undefined, 'bb_console=forged-session-token-0000000000000000', `bb_console=${'A'.repeat(43)}`, 'bb_console=%E0%A4%A', 'other=1']) {
      for (const path of ['me', 'stats', 'inbox', 'intents', 'conversations/abc', 'audit']) {
        const req = request(t.admin).get(api(path));
        const res = await (cookie ? req.set('cookie', cookie) : req);
        expect([path, res.status, res.body]).toEqual([path, 401, { error: 'not logged in' }]);
      }
    }
    expect(await snapshot(db)).toBe(before);
    const session = await login(t.admin, VIEWER);
    expect((await request(t.admin).post(api('logout')).set(change(session))).status).toBe(204);
    expect((await request(t.admin).get(api('me')).set(as(session))).status).toBe(401);
  });
});

describe('every change is refused without a session, with a missing or forged CSRF token, or as a viewer: nothing changes', () => {
  const changes: Array<[string, object]> = [
    ['inbox/1/label', { intent: 'faq.signup' }],
    ['inbox/1/out-of-scope', {}],
    ['inbox/1/ignore', {}],
    ['inbox/bulk', { ids: [1, 2], action: 'ignore' }],
    ['logout', {}],
  ];

  it.each(changes)('POST %s', async (path, body) => {
    const before = await snapshot(db);
    const cases: Array<[string, Record<string, string>, number]> = [
      ['no cookie', {}, 401],
      ['forged cookie', { cookie: 'bb_console=forged-session-token-0000000000000000', 'x-csrf-token': editor.csrf }, 401],
      ['no CSRF token', as(editor), 403],
      ['forged CSRF token', { ...as(editor), 'x-csrf-token': 'forged' }, 403],
      ["another session's CSRF token", { ...as(editor), 'x-csrf-token': viewer.csrf }, 403],
      ...(path === 'logout' ? [] : ([['viewer', change(viewer), 403]] as Array<[string, Record<string, string>, number]>)),
    ];
    for (const [name, headers, status] of cases) {
      const res = await request(t.admin).post(api(path)).set(headers).send(body);
      expect([name, res.status, typeof res.body.error]).toEqual([name, status, 'string']);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const before = await snapshot(db);
    const res = await request(t.admin).post(api('inbox/1/ignore')).set(change(editor)).set('content-type', 'text/plain').send('x');
    expect(res.status).toBe(415);
    expect(await snapshot(db)).toBe(before);
  });
});

describe('reading', () => {
  it('GET stats: the overview for a KST date range (defaults: the last 14 days)', async () => {
    const res = await request(t.admin).get(api('stats')).set(as(viewer));
    expect(res.status).toBe(200);
    expect(res.body.days).toHaveLength(14);
    // 교육비 and 수료증 are known out-of-scope topics (answered honestly), not missed questions
    expect(res.body.totals).toMatchObject({ turns: 4, users: 3, answered: 1, fallback: 1, out_of_scope: 2 });
    expect(res.body.topIntents).toEqual([{ intent: 'faq.refresh_training', label: expect.any(String), count: 1 }]);
    expect(res.body.funnel.steps.map((s: { step: string }) => s.step)).toEqual(['started', 'phone', 'birthdate', 'name', 'confirm']);
    expect(res.body.latency.p95Ms).toEqual(expect.any(Number));
    const range = await request(t.admin).get(api('stats?from=2026-01-01&to=2026-01-03')).set(as(viewer));
    expect(range.body).toMatchObject({ from: '2026-01-01', to: '2026-01-03', totals: { turns: 0 } });
    for (const q of ['from=2026-13-01', 'from=2026-02-30', 'from=2026-01-05&to=2026-01-01', 'from=2020-01-01&to=2026-01-01', 'x=1', 'from=1&from=2']) {
      const bad = await request(t.admin).get(api(`stats?${q}`)).set(as(viewer));
      expect([q, bad.status]).toEqual([q, 400]);
      expect(bad.body.error).toMatch(/^invalid /);
    }
  });

  it('GET inbox: masked, grouped items with count, last seen and guess; paging and search', async () => {
    const res = await request(t.admin).get(api('inbox?state=new&page=1&pageSize=50')).set(as(viewer));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(res.body.items.map((i: { text: string }) => i.text).sort()).toEqual([...MISSED].sort());
    expect(res.body.items[0]).toEqual({
      id: expect.any(Number),
      text: expect.any(String),
      count: 1,
      lastSeen: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      guess: res.body.items[0].guess === null ? null : { intent: expect.any(String), score: expect.any(Number) },
      state: 'new',
      label: null,
      actedBy: null,
      actedAt: null,
      examples: [],
    });
    const found = await request(t.admin).get(api(`inbox?q=${encodeURIComponent('수료증')}`)).set(as(viewer));
    expect(found.body.items.map((i: { text: string }) => i.text)).toEqual(['수료증 재발급 어떻게 해요']);
    const small = await request(t.admin).get(api('inbox?pageSize=2&page=2')).set(as(viewer));
    expect(small.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(small.body.items).toHaveLength(1);
    for (const q of ['state=open', 'page=0', 'pageSize=500', 'page=-1', 'foo=bar']) {
      expect([q, (await request(t.admin).get(api(`inbox?${q}`)).set(as(viewer))).status]).toEqual([q, 400]);
    }
  });

  it('GET intents: the intents to label with, the out-of-scope topics and the facts (named, for the inbox\'s guesses)', async () => {
    const res = await request(t.admin).get(api('intents')).set(as(viewer));
    expect(res.status).toBe(200);
    expect(res.body.intents).toContainEqual({ id: 'faq.signup', label: expect.any(String) });
    expect(res.body.intents.map((i: { id: string }) => i.id)).not.toContain('None');
    expect(res.body.intents.map((i: { id: string }) => i.id)).not.toContain('fact.site_address'); // a fact is not an intent to label with
    expect(res.body.topics).toEqual(expect.any(Array));
    expect(res.body.facts).toContainEqual({ id: 'fact.site_address', label: '사이트 주소' });
  });

  it('GET conversations/:user by raw Kakao id or by pseudonym: masked text only where kept', async () => {
    const byRaw = await request(t.admin).get(api('conversations/console-0')).set(as(viewer));
    expect(byRaw.status).toBe(200);
    expect(byRaw.body.user).toBe(userTag('console-0'));
    expect(byRaw.body.turns.map((x: { outcome: string; text: string | null }) => [x.outcome, x.text])).toEqual([
      ['out_of_scope', '교육비 환급 되나요'],
      ['answered', null],
    ]);
    expect(byRaw.body.turns[1]).toMatchObject({ route: 'nlu', intent: 'faq.refresh_training', flow: null, step: null, latencyMs: expect.any(Number), version: expect.any(String) });
    const byTag = await request(t.admin).get(api(`conversations/${userTag('console-0')}`)).set(as(viewer));
    expect(byTag.body).toEqual(byRaw.body);
    const nobody = await request(t.admin).get(api('conversations/nobody-here')).set(as(viewer));
    expect(nobody.body.turns).toEqual([]);
  });
});

describe('inbox actions (editor)', () => {
  it('label moves an item to done with who and when, and an audit entry; it leaves the new list', async () => {
    const target = (await newItems()).find((i) => i.text === '교육비 환급 되나요');
    const res = await request(t.admin).post(api(`inbox/${target?.id}/label`)).set(change(editor)).send({ intent: 'faq.incomplete_training' });
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({ id: target?.id, state: 'done', label: 'faq.incomplete_training', actedBy: 'mina', actedAt: expect.any(String) });
    expect((await newItems()).map((i) => i.id)).not.toContain(target?.id);
    const done = await request(t.admin).get(api('inbox?state=done')).set(as(viewer));
    expect(done.body.items.map((i: { id: number }) => i.id)).toContain(target?.id);
    const log = await request(t.admin).get(api('audit')).set(as(viewer));
    expect(log.body.items[0]).toEqual({ at: expect.any(String), actor: 'mina', action: 'inbox.label', target: `inbox:${target?.id}`, detail: { intent: 'faq.incomplete_training' } });
  });

  it('out-of-scope labels None (or a topic) and ignore sets ignored; unknown ids are 404, unknown intents 400, nothing changes', async () => {
    const [a, b] = await newItems();
    const oos = await request(t.admin).post(api(`inbox/${a.id}/out-of-scope`)).set(change(editor)).send({});
    expect(oos.body.item).toMatchObject({ state: 'done', label: 'None' });
    const ignored = await request(t.admin).post(api(`inbox/${b.id}/ignore`)).set(change(editor)).send();
    expect(ignored.body.item).toMatchObject({ state: 'ignored', label: null, actedBy: 'mina' });
    const before = await snapshot(db);
    const refused: Array<[string, object, number]> = [
      ['inbox/999999/ignore', {}, 404],
      [`inbox/${a.id}/label`, { intent: 'faq.nope' }, 400],
      [`inbox/${a.id}/label`, {}, 400],
      [`inbox/${a.id}/label`, { intent: 'faq.signup', extra: 1 }, 400],
      [`inbox/${a.id}/out-of-scope`, { topic: 'oos.nope' }, 400],
      ['inbox/abc/ignore', {}, 400],
      ['inbox/bulk', { ids: [], action: 'ignore' }, 400],
      ['inbox/bulk', { ids: [a.id], action: 'label' }, 400],
      ['inbox/bulk', { ids: ['1'], action: 'ignore' }, 400],
      ['inbox/bulk', { ids: [a.id], action: 'delete' }, 400],
    ];
    for (const [path, body, status] of refused) {
      const res = await request(t.admin).post(api(path)).set(change(editor)).send(body);
      expect([path, JSON.stringify(body), res.status]).toEqual([path, JSON.stringify(body), status]);
    }
    expect(await snapshot(db)).toBe(before);
  });

  it('bulk applies one action to many items and says how many changed', async () => {
    const ids = (await request(t.admin).get(api('inbox?state=done')).set(as(viewer))).body.items.map((i: { id: number }) => i.id);
    const res = await request(t.admin).post(api('inbox/bulk')).set(change(editor)).send({ ids: [...ids, 999999], action: 'label', intent: 'faq.signup' });
    expect(res.body).toEqual({ updated: ids.length });
    const done = (await request(t.admin).get(api('inbox?state=done')).set(as(viewer))).body.items;
    expect(done.every((i: { label: string }) => i.label === 'faq.signup')).toBe(true);
    const log = await request(t.admin).get(api('audit')).set(as(viewer));
    expect(log.body.items[0]).toMatchObject({ actor: 'mina', action: 'inbox.bulk.label', detail: { intent: 'faq.signup', ids: [...ids, 999999] } });
  });
});

describe('SQL injection payloads through every parameter are data, never SQL', () => {
  it('changes nothing and answers 4xx or 200 (never 5xx)', async () => {
    const before = await snapshot(db);
    for (const p of INJECTIONS) {
      const e = encodeURIComponent(p);
      const gets = [`inbox?q=${e}`, `inbox?state=${e}`, `inbox?page=${e}`, `inbox?pageSize=${e}`, `stats?from=${e}`, `stats?to=${e}`, `conversations/${e}`, `audit?page=${e}`];
      for (const path of gets) {
        const res = await request(t.admin).get(api(path)).set(as(editor));
        expect([path, res.status < 500]).toEqual([path, true]);
        if (path.startsWith('inbox?q=') && res.status === 200) expect(res.body.total).toBeLessThanOrEqual(3);
        if (path.startsWith('conversations/')) expect(res.body.turns).toEqual([]);
      }
      const posts: Array<[string, object]> = [
        [`inbox/${e}/label`, { intent: 'faq.signup' }],
        ['inbox/1/label', { intent: p }],
        ['inbox/1/out-of-scope', { topic: p }],
        ['inbox/bulk', { ids: [p], action: 'ignore' }],
        ['inbox/bulk', { ids: [1], action: p }],
      ];
      for (const [path, body] of posts) {
        const res = await request(t.admin).post(api(path)).set(change(editor)).send(body);
        expect([path, res.status]).toEqual([path, res.status === 404 ? 404 : 400]);
      }
      const logins = await request(t.admin).post(api('login')).send({ name: p, password: p });
      expect(logins.status).toBe(401);
    }
    expect(await snapshot(db)).toBe(before);
    expect(await db.selectFrom('turn_events').select('id').execute()).toHaveLength(4);
  });
});

describe('static pages', () => {
  it('serves the console page with its own CSP; assets need no login, data does', async () => {
    const page = await request(t.admin).get('/console/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request(t.admin).get('/console')).status).toBe(200);
    expect((await request(t.admin).get('/console/app.js')).status).toBe(200);
    expect((await request(t.admin).get('/console/api/nothing')).status).toBe(401);
  });
});
