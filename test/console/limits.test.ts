/** Console limits: login rate limit, the admin port, and the inbox with 10,000 distinct missed utterances. */
import request from 'supertest';
import { createEventRecorder } from '../../src/events';
import { makeTestApp, type TestApp } from '../helpers/app';
import { fakeTurn } from '../events/fixtures';
import { addTestUsers, EDITOR, login, snapshot, VIEWER } from './helpers';

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    await addTestUsers((await t.events.get()).db);
  });
  afterAll(() => t.close());

  it('after 5 failed logins for a name, answers 429 with retry-after, even to the right password, and changes nothing', async () => {
    const { db } = await t.events.get();
    const before = await snapshot(db);
    for (let i = 0; i < 5; i++) expect((await request(t.admin).post('/console/api/login').send({ name: EDITOR.name, password: `wrong-${i}-password` })).status).toBe(401);
    const limited = await request(t.admin).post('/console/api/login').send(EDITOR);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: expect.stringMatching(/too many/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['set-cookie']).toBeUndefined();
    expect(await snapshot(db)).toBe(before);
    await expect(login(t.admin, VIEWER)).resolves.toMatchObject({ csrf: expect.any(String) }); // another name still logs in
  });

  it('after 20 failed logins from one address, every name is limited', async () => {
    for (let i = 0; i < 20; i++) await request(t.admin).post('/console/api/login').send({ name: `someone-${i}`, password: 'wrong-password-1' });
    expect((await request(t.admin).post('/console/api/login').send(VIEWER)).status).toBe(429);
  });
});

describe('the console lives on the admin app only (ADMIN_PORT, default 8081)', () => {
  it('the public app has no console (404); the admin app needs a login (401)', async () => {
    const t = await makeTestApp();
    try {
      await addTestUsers((await t.events.get()).db);
      expect((await request(t.app).get('/console/api/me')).status).toBe(404);
      expect((await request(t.app).post('/console/api/login').send(EDITOR)).status).toBe(404);
      expect((await request(t.app).get('/console/')).status).toBe(404);
      const admin = t.adminApp!;
      expect((await request(admin).get('/console/api/me')).status).toBe(401);
      const session = await login(admin, EDITOR);
      expect((await request(admin).get('/console/api/inbox').set('cookie', session.cookie)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('10,000 distinct missed utterances', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    const store = await t.events.get();
    await addTestUsers(store.db);
    const recorder = createEventRecorder({ store: async () => store, batchSize: 1000 });
    const syllables = '가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초';
    const word = (n: number) => Array.from({ length: 3 }, (_, k) => syllables[Math.floor(n / syllables.length ** k) % syllables.length]).join('');
    for (let i = 0; i < 10_000; i++) recorder.hook(...fakeTurn({ text: `${word(i)} ${word(i * 7919 + 13)} ${word(i * 104_729 + 7)} 문의`, user: `scale-${i % 500}`, at: Date.now() - i * 1000 }));
    await recorder.flush();
  }, 180_000);
  afterAll(() => t.close());

  it('pages in under 200 ms (first page, a deep page, a search)', async () => {
    const { db } = await t.events.get();
    const groups = await db.selectFrom('inbox_groups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(groups.n)).toBeGreaterThan(9000); // distinct texts; a few near-duplicates may share a group
    const session = await login(t.admin, VIEWER);
    const timings: string[] = [];
    for (const path of ['inbox', 'inbox?page=150&pageSize=50', `inbox?q=${encodeURIComponent('문의')}&page=3`, 'inbox?state=done']) {
      await request(t.admin).get(`/console/api/${path}`).set('cookie', session.cookie); // warm
      const started = process.hrtime.bigint();
      const res = await request(t.admin).get(`/console/api/${path}`).set('cookie', session.cookie);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(res.status).toBe(200);
      expect([path, ms < 200]).toEqual([path, true]);
      timings.push(`${path}: ${ms.toFixed(1)} ms`);
    }
    console.log(`inbox with ${groups.n} groups: ${timings.join(', ')}`);
  });
});
