/**
 * The webhook's own HTTP handling (POST /skill runs on node's handler, not Express's router):
 * routing as Express would match it, media type, charset and encoding checks, lenient JSON reading.
 */
import request from 'supertest';
import { expectValidResponse, makeTestApp, textOf, type TestApp } from '../helpers/app';

const tap = (user: string) => ({
  userRequest: { utterance: '회원가입 필요?', user: { id: user } },
  action: { clientExtra: { intent: 'faq.signup' } },
});

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe('routing', () => {
  it.each(['/skill', '/skill/', '/SKILL', '/skill?src=kakao'])('POST %s reaches the webhook', async (path) => {
    const res = await request(t.app).post(path).send(tap('route-ok'));
    expect(res.status).toBe(200);
    expect(textOf(expectValidResponse(res.body))).toContain('회원가입');
  });

  it.each(['/skills', '/skill/x', '/api/skill'])('POST %s is a 404 JSON error', async (path) => {
    const res = await request(t.app).post(path).send(tap('route-no'));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not found' });
  });

  it('GET /skill is a 404 JSON error, not a turn', async () => {
    const res = await request(t.app).get('/skill');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not found' });
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await request(t.app).post('/skill').set('x-request-id', 'kakao-req.42').send(tap('rid'));
    expect(given.headers['x-request-id']).toBe('kakao-req.42');
    const hostile = await request(t.app).post('/skill').set('x-request-id', 'a b<script>').send(tap('rid'));
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('what the body may be', () => {
  const json = JSON.stringify(tap('body-user'));

  it.each(['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/vnd.kakao+json'])(
    'content-type %s is read',
    async (type) => {
      const res = await request(t.app).post('/skill').set('content-type', type).send(json);
      expect(res.status).toBe(200);
      expectValidResponse(res.body);
    },
  );

  it('a body without a content-type is still read as JSON (lenient)', async () => {
    const res = await request(t.app).post('/skill').send(Buffer.from(json)).unset('content-type');
    expect(res.status).toBe(200);
    expect(textOf(expectValidResponse(res.body))).toContain('회원가입');
  });

  it('a UTF-8 byte order mark is skipped', async () => {
    const res = await request(t.app).post('/skill').set('content-type', 'application/json').send(`\ufeff${json}`);
    expect(res.status).toBe(200);
  });

  it.each([
    ['text/plain', 'content-type', 'text/plain', 'application/json'],
    ['form data', 'content-type', 'application/x-www-form-urlencoded', 'application/json'],
    ['a latin-1 charset', 'content-type', 'application/json; charset=iso-8859-1', 'charset'],
    ['a gzip body', 'content-encoding', 'gzip', 'encoding'],
  ])('%s is a 415 JSON error', async (_what, header, value, says) => {
    const res = await request(t.app).post('/skill').set('content-type', 'application/json').set(header, value).send(json);
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ error: expect.stringContaining(says) });
  });

  it.each(['', '   ', 'null', '"hi"', '[1,2]', '{"userRequest": nul}'])('%j is a 400 JSON error, never a 5xx', async (text) => {
    const res = await request(t.app).post('/skill').set('content-type', 'application/json').send(text);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.any(String) });
  });

  it('a declared content-length over 64 KB is refused before the body is read', async () => {
    const res = await request(t.app).post('/skill').set('content-type', 'application/json').set('content-length', String(70 * 1024)).send('x'.repeat(70 * 1024));
    expect(res.status).toBe(413);
  });

  it('answers in one write with length, type and helmet headers', async () => {
    const res = await request(t.app).post('/skill').send(tap('hdrs'));
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['strict-transport-security']).toContain('max-age');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
