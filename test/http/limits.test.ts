/** Limits: body size, long utterances, per-user rate limit (bounded memory), turn budget and store timeouts. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { rateLimiter } from '../../src/http/middleware/rate-limit';
import type { Session } from '../../src/dialog/session';
import type { SessionStore } from '../../src/dialog/stores/store';
import { expectValidResponse, makeTestApp, textOf, type TestApp } from '../helpers/app';

const tap = (user: string, intent = 'faq.signup') => ({
  userRequest: { utterance: '회원가입 필요?', user: { id: user } },
  action: { clientExtra: { intent } },
});

describe('body size', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it('accepts a body just under 64 KB', async () => {
    const body = { ...tap('size-ok'), pad: 'x'.repeat(60 * 1024) };
    expect((await request(t.app).post('/skill').send(body)).status).toBe(200);
  });

  it('refuses a body over 64 KB with a 413 JSON error', async () => {
    const body = { ...tap('size-big'), pad: 'x'.repeat(65 * 1024) };
    const res = await request(t.app).post('/skill').send(body);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: expect.stringContaining('too large') });
  });

  it('refuses a 2 MB body, sent with or without a content-length, and stays healthy', async () => {
    const server = http.createServer(t.app).listen(0);
    const { port } = server.address() as AddressInfo;
    const big = JSON.stringify({ ...tap('size-2mb'), pad: '가'.repeat(700 * 1024) });
    for (const chunked of [false, true]) {
      const res = await rawPost(port, big, chunked);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({ error: expect.stringContaining('too large') });
    }
    expect((await request(t.app).get('/healthz')).status).toBe(200);
    await new Promise((r) => server.close(r));
  });

  it.each([1001, 5000, 20_000])('answers a %i-character utterance with a valid SkillResponse', async (n) => {
    const utterance = '리프레시 교육 '.repeat(Math.ceil(n / 8)).slice(0, n);
    const res = await request(t.app).post('/skill').send({ userRequest: { utterance, user: { id: `long-${n}` } } });
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    const parse = await request(t.app).post('/nlu/parse').send({ text: utterance });
    expect(parse.status).toBe(200);
  });
});

describe('per-user rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ RATE_LIMIT_TURNS: '3', RATE_LIMIT_WINDOW_MS: '10000' });
  });
  afterAll(() => t.close());

  it('answers the turn over the limit with a polite SkillResponse (200), not a bare 429', async () => {
    for (let i = 0; i < 3; i++) expect(textOf(expectValidResponse((await request(t.app).post('/skill').send(tap('rl-1'))).body))).toContain('회원가입');
    const res = await request(t.app).post('/skill').send(tap('rl-1'));
    expect(res.status).toBe(200);
    const text = textOf(expectValidResponse(res.body));
    expect(text).toContain('잠시 후');
    expect(text).toContain('1533-0301');
    expect(text).not.toContain('회원가입');
  });

  it('limits one user, not everyone', async () => {
    for (let i = 0; i < 5; i++) await request(t.app).post('/skill').send(tap('rl-2'));
    const other = await request(t.app).post('/skill').send(tap('rl-3'));
    expect(textOf(expectValidResponse(other.body))).toContain('회원가입');
  });

  it('logs the first refused turn of a window once, with the user pseudonym and never the key', async () => {
    const limited = () => t.logs().filter((l) => l.message === 'rate limited').length;
    await logsFlushed(t, 'flush-0'); // the earlier tests' lines are all written
    const before = limited();
    for (let i = 0; i < 8; i++) await request(t.app).post('/skill').send(tap('rl-log-user'));
    await logsFlushed(t, 'flush-1');
    expect(limited()).toBe(before + 1);
    for (let i = 0; i < 5; i++) await request(t.app).post('/skill').send(tap('rl-log-user'));
    await logsFlushed(t, 'flush-2');
    expect(limited()).toBe(before + 1);
    expect(t.logText()).not.toContain('rl-log-user');
  });

  it('counts rate-limited turns in /metrics', async () => {
    const text = (await request(t.admin).get('/metrics')).text;
    expect(Number(/bluebot_turns_refused_total\{reason="rate_limited_user"\} (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(5);
  });

  it('leaves bodies without a user id to the payload parser (400)', async () => {
    const res = await request(t.app).post('/skill').send({ userRequest: { utterance: 'x', user: {} } });
    expect(res.status).toBe(400);
  });
});

describe('rate limit windows and totals (issue #12, item 7)', () => {
  it('lets the user in again once the window has passed', async () => {
    const t = await makeTestApp({ RATE_LIMIT_TURNS: '3', RATE_LIMIT_WINDOW_MS: '1000' });
    for (let i = 0; i < 4; i++) await request(t.app).post('/skill').send(tap('rl-4'));
    expect(textOf(expectValidResponse((await request(t.app).post('/skill').send(tap('rl-4'))).body))).toContain('잠시 후');
    await new Promise((r) => setTimeout(r, 1_100));
    const res = await request(t.app).post('/skill').send(tap('rl-4'));
    expect(textOf(expectValidResponse(res.body))).toContain('회원가입');
    await t.close();
  });

  it('bounds rotating user ids by a total (RATE_LIMIT_TOTAL), counted in /metrics', async () => {
    const t = await makeTestApp({ RATE_LIMIT_TURNS: '3', RATE_LIMIT_TOTAL: '40', RATE_LIMIT_WINDOW_MS: '10000' });
    const texts: string[] = [];
    for (let i = 0; i < 60; i++) texts.push(textOf(expectValidResponse((await request(t.app).post('/skill').send(tap(`rotating-${i}`))).body)));
    expect(texts.filter((x) => x.includes('회원가입'))).toHaveLength(40);
    expect(texts.filter((x) => x.includes('잠시 후'))).toHaveLength(20);
    const metrics = (await request(t.admin).get('/metrics')).text;
    expect(metrics).toContain('bluebot_turns_refused_total{reason="rate_limited_total"} 20');
    await t.close();
  });

  it("a flood of 60,000 other ids never resets a limited user's counter early", async () => {
    // a window far longer than the flood can take, even on a loaded machine (it takes under a second on a quiet one):
    // the user's counter can only be gone if the flood evicted it; the flood's share of the window is checked too
    const windowMs = 10 * 60_000;
    const limiter = rateLimiter({ turns: 3, total: 1_000_000, windowMs });
    const started = Date.now();
    for (let i = 0; i < 4; i++) await limiter.check('limited-user', `r${i}`);
    expect(await limiter.check('limited-user', 'before')).toBe('user');
    for (let i = 0; i < 60_000; i++) await limiter.check(`flood-${i}`, 'flood');
    expect(await limiter.check('limited-user', 'after')).toBe('user');
    expect((Date.now() - started) / windowMs).toBeLessThan(0.5);
  }, 300_000);
});

describe('turn budget and store timeouts', () => {
  const hanging: SessionStore<Session> = {
    read: () => new Promise(() => undefined),
    write: () => new Promise(() => undefined),
    delete: () => new Promise(() => undefined),
    size: async () => 0,
    close: async () => undefined,
  };

  it('a store that never answers still gets the apology with 1533-0301 within the turn budget', async () => {
    const t = await makeTestApp({ TURN_BUDGET_MS: '300', STORE_TIMEOUT_MS: '1000' }, { store: hanging });
    const started = Date.now();
    const res = await request(t.app).post('/skill').set('x-request-id', 'req-slow-1').send(tap('slow-1'));
    const ms = Date.now() - started;
    expect(res.status).toBe(200);
    expect(textOf(expectValidResponse(res.body))).toContain('1533-0301');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(2000);
    await until(() => t.logs().some((l) => l.requestId === 'req-slow-1' && l.level === 'error'));
    expect(t.logs()).toContainEqual(expect.objectContaining({ level: 'error', requestId: 'req-slow-1', kind: 'timeout' }));
    await t.close();
  });

  it('every store call has its own timeout, shorter than the budget: the turn is answered long before it', async () => {
    const t = await makeTestApp({ TURN_BUDGET_MS: '4000', STORE_TIMEOUT_MS: '100' }, { store: hanging });
    const started = Date.now();
    const res = await request(t.app).post('/skill').set('x-request-id', 'req-slow-2').send(tap('slow-2'));
    expect(Date.now() - started).toBeLessThan(1500);
    // an FAQ may be answered without the session; anything else is the apology with 1533-0301
    const text = textOf(expectValidResponse(res.body));
    expect(text.includes('회원가입') || text.includes('1533-0301')).toBe(true);
    await until(() => t.logs().some((l) => l.requestId === 'req-slow-2' && l.kind === 'store'));
    await t.close();
  });

  it('a slow store behind one user does not hold up another user', async () => {
    const slowFor = (key: string) => (key === 'stuck' ? new Promise<undefined>(() => undefined) : Promise.resolve(undefined));
    const store: SessionStore<Session> = { ...hanging, read: slowFor, write: async () => undefined, delete: async () => undefined };
    const t = await makeTestApp({ TURN_BUDGET_MS: '2000', STORE_TIMEOUT_MS: '2000' }, { store });
    const stuck = request(t.app).post('/skill').send(tap('stuck'));
    const started = Date.now();
    const res = await request(t.app).post('/skill').send(tap('free'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(textOf(expectValidResponse(res.body))).toContain('회원가입');
    expect((await stuck).status).toBe(200);
    await t.close();
  });
});

/** Log lines are captured asynchronously (the harness appends them to a file first): wait for one. */
async function until(condition: () => boolean, what = 'log line'): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error(`${what} never arrived`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Lines are written in order: once a marker turn's line is captured, every earlier line is too. */
async function logsFlushed(t: TestApp, marker: string): Promise<void> {
  await request(t.app).post('/skill').set('x-request-id', marker).send(tap(`marker-${marker}`));
  await until(() => t.logs().some((l) => l.requestId === marker), `log line of ${marker}`);
}

/** POST a raw body, with a content-length or chunked; resolves even when the server cuts the upload short. */
function rawPost(port: number, body: string, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = http.request({ port, method: 'POST', path: '/skill', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(err.code ?? '') ? undefined : reject(err)));
    for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
    req.end();
  });
}
