/**
 * Issue #12, item 10: errors are the same everywhere. Limits are named right (the simulator's is 16 KB), and every
 * JSON route answers 415 to another media type or a compressed body, as /skill does.
 */
import request from 'supertest';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const simBody = (pad = 0) => ({ userRequest: { utterance: '안녕하세요', user: { id: 'sim-errors' } }, pad: 'x'.repeat(pad) });

describe('415 for a body that is not plain JSON, on every JSON route', () => {
  const routes = () => [
    { app: t.app, path: '/skill', body: { userRequest: { utterance: '안녕', user: { id: 'errors' } } } },
    { app: t.app, path: '/nlu/parse', body: { text: '비번 까먹었어요' } },
    { app: t.admin, path: '/simulator/api/turn', body: simBody() },
  ];

  it('text/plain', async () => {
    for (const { app, path, body } of routes()) {
      const res = await request(app).post(path).set('content-type', 'text/plain').send(JSON.stringify(body));
      expect([path, res.status, res.body]).toEqual([path, 415, { error: 'content-type must be application/json' }]);
    }
  });

  it('a gzip body', async () => {
    for (const { app, path, body } of routes()) {
      const res = await request(app).post(path).set('content-type', 'application/json').set('content-encoding', 'gzip').send(JSON.stringify(body));
      expect([path, res.status, res.body]).toEqual([path, 415, { error: 'unsupported content encoding' }]);
    }
  });

  it('still answers plain JSON', async () => {
    for (const { app, path, body } of routes()) expect((await request(app).post(path).send(body)).status).toBe(200);
  });
});

describe('limits named right', () => {
  it('the simulator refuses a body over 16 KB naming 16 KB', async () => {
    const res = await request(t.admin).post('/simulator/api/turn').send(simBody(17 * 1024));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'request body is too large (limit 16 KB)' });
  });

  it('/nlu/parse and /skill name 64 KB', async () => {
    for (const path of ['/nlu/parse', '/skill']) {
      const res = await request(t.app).post(path).send({ text: 'x', pad: 'x'.repeat(65 * 1024) });
      expect(res.body).toEqual({ error: 'request body is too large (limit 64 KB)' });
    }
  });
});
