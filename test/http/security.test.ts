/** Hardening: shared secret, bot id, security headers, admin routes, and onError's last line of defence. */
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import type { Conversation } from '../../src/dialog/conversation';
import { cannedReplies } from '../../src/http/middleware/canned-replies';
import { onError } from '../../src/http/middleware/on-error';
import { skillEndpoint } from '../../src/http/routes/skill';
import { createLogger } from '../../src/log/logger';
import { requestId } from '../../src/http/middleware/request-id';
import { expectValidResponse, makeTestApp, textOf, type TestApp } from '../helpers/app';

const tap = (user = 'sec-user', bot?: unknown) => ({
  userRequest: { utterance: '회원가입 필요?', user: { id: user } },
  action: { clientExtra: { intent: 'faq.signup' } },
  ...(bot === undefined ? {} : { bot }),
});

describe('shared secret (SKILL_SECRET)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ SKILL_SECRET: 's3cr3t-value' });
  });
  afterAll(() => t.close());

  it('refuses /skill without the header with a 401 JSON error', async () => {
    const res = await request(t.app).post('/skill').send(tap());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ error: expect.stringContaining('x-skill-secret') });
  });

  it.each([
    ['a wrong secret of the same length', 's3cr3t-valuX'],
    ['a shorter guess', 's3'],
    ['a much longer guess', 'x'.repeat(5000)],
    ['the secret with a suffix', 's3cr3t-value2'],
    ['the secret in other case', 'S3CR3T-VALUE'],
    ['an empty header', ''],
  ])('refuses %s with 401, never a 500', async (_what, value) => {
    const res = await request(t.app).post('/skill').set('x-skill-secret', value).send(tap());
    expect(res.status).toBe(401);
  });

  it('answers /skill with the right secret', async () => {
    const res = await request(t.app).post('/skill').set('x-skill-secret', 's3cr3t-value').send(tap());
    expect(res.status).toBe(200);
    expect(textOf(expectValidResponse(res.body))).toContain('회원가입');
  });

  it('guards /nlu/parse too', async () => {
    expect((await request(t.app).post('/nlu/parse').send({ text: '회원가입' })).status).toBe(401);
    const ok = await request(t.app).post('/nlu/parse').set('x-skill-secret', 's3cr3t-value').send({ text: '회원가입' });
    expect(ok.status).toBe(200);
  });

  it('refuses before reading the body: a 2 MB unauthenticated body gets 401', async () => {
    const res = await request(t.app).post('/skill').set('content-type', 'application/json').send('{"a":"' + 'x'.repeat(2 * 1024 * 1024) + '"}');
    expect(res.status).toBe(401);
  });

  it('leaves /healthz and /readyz open for the platform', async () => {
    expect((await request(t.app).get('/healthz')).status).toBe(200);
    expect((await request(t.app).get('/readyz')).status).toBe(200);
  });

  it('never writes the secret to a log line', async () => {
    await request(t.app).post('/skill').set('x-skill-secret', 'wrong').send(tap());
    expect(t.logText()).not.toContain('s3cr3t-value');
  });

  it('reads the header named by SKILL_SECRET_HEADER', async () => {
    const c = await makeTestApp({ SKILL_SECRET: 'abc', SKILL_SECRET_HEADER: 'x-bluebot-key' });
    expect((await request(c.app).post('/skill').set('x-skill-secret', 'abc').send(tap())).status).toBe(401);
    expect((await request(c.app).post('/skill').set('x-bluebot-key', 'abc').send(tap())).status).toBe(200);
    await c.close();
  });
});

describe('bot id (BOT_ID)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ BOT_ID: '5f1234567890abcdef123456' });
  });
  afterAll(() => t.close());

  it.each(['5f1234567890abcdef123456', '5f1234567890abcdef123456!'])('accepts bot.id %s', async (id) => {
    const res = await request(t.app).post('/skill').send(tap('bot-ok', { id, name: '블루봇' }));
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
  });

  it.each([
    ['another bot', { id: '5f0000000000000000000000' }],
    ['a missing bot', undefined],
    ['a numeric id', { id: 5 }],
    ['a bot without id', {}],
  ])('refuses %s with a 403 JSON error', async (_what, bot) => {
    const res = await request(t.app).post('/skill').send(tap('bot-no', bot));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: expect.any(String) });
  });

  it('a BOT_ID configured with the trailing ! accepts the id without it', async () => {
    const c = await makeTestApp({ BOT_ID: 'abc!' });
    expect((await request(c.app).post('/skill').send(tap('bot-bang', { id: 'abc' }))).status).toBe(200);
    await c.close();
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['POST /skill', () => request(t.app).post('/skill').send(tap('hdr'))],
    ['GET /healthz', () => request(t.app).get('/healthz')],
    ['a 404', () => request(t.app).get('/nope')],
    ['a 400', () => request(t.app).post('/skill').set('content-type', 'application/json').send('{')],
  ])('%s carries helmet headers and no x-powered-by', async (_what, send) => {
    const res = await send();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});

describe('admin routes (SIMULATOR, METRICS, ADMIN_PORT, ADMIN_HOST)', () => {
  const ADMIN = ['/simulator', '/metrics'];

  it('by default serves /simulator and /metrics only on the admin app (ADMIN_PORT 8081 on 127.0.0.1), never on PORT', async () => {
    const t = await makeTestApp();
    expect(t.config.ADMIN_PORT).toBe(8081);
    expect(t.config.ADMIN_HOST).toBe('127.0.0.1');
    expect(t.adminApp).toBeDefined();
    for (const route of ADMIN) {
      expect((await request(t.app).get(route)).status).toBe(404);
      const admin = await request(t.adminApp!).get(route);
      expect(admin.status).toBe(200);
      expect(admin.headers['x-content-type-options']).toBe('nosniff');
      expect(admin.headers['x-powered-by']).toBeUndefined();
    }
    expect((await request(t.app).post('/simulator/api/turn').send({ userRequest: { utterance: '안녕', user: { id: 'sim-1' } } })).status).toBe(404);
    expect((await request(t.adminApp!).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(t.adminApp!).post('/skill').send(tap('admin'))).status).toBe(404);
    await t.close();
  });

  it('SIMULATOR=off and METRICS=off remove them', async () => {
    const t = await makeTestApp({ SIMULATOR: 'off', METRICS: 'off' });
    for (const route of ADMIN) for (const app of [t.app, t.admin]) expect((await request(app).get(route)).status).toBe(404);
    await t.close();
  });

  it('ADMIN_PORT=off: /metrics on PORT, the simulator off; SIMULATOR=public serves it on PORT with a warning', async () => {
    const off = await makeTestApp({ ADMIN_PORT: 'off' });
    expect(off.adminApp).toBeUndefined();
    expect((await request(off.app).get('/metrics')).status).toBe(200);
    expect((await request(off.app).get('/simulator')).status).toBe(404);
    await off.close();
    const pub = await makeTestApp({ SIMULATOR: 'public' });
    expect((await request(pub.app).get('/simulator')).status).toBe(200);
    expect((await request(pub.adminApp!).get('/simulator')).status).toBe(404);
    expect(pub.logs().some((l) => l.level === 'warn' && String(l.message).includes('SIMULATOR=public'))).toBe(true);
    await pub.close();
  });
});

describe('last line of defence', () => {
  function capture(lines: string[]) {
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    return createLogger({ level: 'info', stream });
  }

  /** The webhook with a conversation that throws (Conversation.respond catches its own errors; this is what is left). */
  function webhookThatThrows(lines: string[]) {
    const config = loadConfig({});
    const conversation = { respond: async () => Promise.reject(new TypeError('boom near 010-2345-6789')) } as unknown as Conversation;
    return skillEndpoint({ config, conversation: () => conversation, logger: capture(lines), canned: cannedReplies() });
  }

  function expressThatThrows(lines: string[]) {
    const app = express();
    app.use(requestId());
    app.get('/other', async () => {
      throw new Error('kaput');
    });
    app.use(onError(capture(lines)));
    return app;
  }

  it('turns a crash inside a parsed skill request into 200 + the apology, logged with the request id (masked)', async () => {
    const lines: string[] = [];
    const res = await request(webhookThatThrows(lines)).post('/skill').set('x-request-id', 'req-crash-1').send(tap('crash'));
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-crash-1');
    expect(textOf(expectValidResponse(res.body))).toContain('1533-0301');
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', requestId: 'req-crash-1', errorName: 'TypeError', error: expect.stringContaining('boom') }));
    expect(lines.join('')).not.toContain('2345-6789');
  });

  it('answers other crashes with a 500 JSON error carrying the request id, never a stack', async () => {
    const lines: string[] = [];
    const res = await request(expressThatThrows(lines)).get('/other').set('x-request-id', 'req-crash-2');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'internal error', requestId: 'req-crash-2' });
    expect(res.text).not.toContain('kaput');
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ level: 'error', requestId: 'req-crash-2' }));
  });
});
