/** /readyz reflects the session store: 503 while a real redis-server is stopped or at a wrong port, 200 once it is back. */
import request from 'supertest';
import { hasRedisServer, startRedis, waitUntil, type RedisServer } from '../dialog/stores/redis-server';
import { makeTestApp, type TestApp } from '../helpers/app';

if (!hasRedisServer()) {
  throw new Error('redis-server is not installed: run `apt-get install -y redis-server` (.ci/run installs it)');
}

const readyz = async (t: TestApp) => {
  const res = await request(t.app).get('/readyz');
  return { status: res.status, body: res.body as { status: string } };
};

describe('/readyz with Redis sessions', () => {
  let redis: RedisServer;
  let t: TestApp;
  beforeAll(async () => {
    redis = await startRedis();
    t = await makeTestApp({ SESSION_STORE: 'redis', REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('is 200 while Redis is up, 503 "session store unreachable" while it is down, and 200 again when it is back', async () => {
    await waitUntil(async () => (await readyz(t)).status === 200, 5_000, '/readyz never said 200 with Redis up');
    await redis.stop();
    await waitUntil(async () => (await readyz(t)).status === 503, 5_000, '/readyz still said 200 with Redis stopped');
    expect(await readyz(t)).toEqual({ status: 503, body: { status: 'session store unreachable' } });
    expect((await request(t.app).get('/healthz')).status).toBe(200); // alive all the same
    await redis.start();
    await waitUntil(async () => (await readyz(t)).status === 200, 10_000, '/readyz did not recover once Redis was back');
  }, 30_000);
});

describe('/readyz with a REDIS_URL where nothing listens', () => {
  it('stays 503 (it never says ready), while /healthz is 200', async () => {
    const redis = await startRedis();
    const url = redis.url;
    await redis.stop(); // a port that was free a moment ago: nothing listens there now
    const t = await makeTestApp({ SESSION_STORE: 'redis', REDIS_URL: url });
    try {
      for (let i = 0; i < 10; i++) {
        expect(await readyz(t)).toEqual({ status: 503, body: { status: 'session store unreachable' } });
        await new Promise((r) => setTimeout(r, 200));
      }
      expect((await request(t.app).get('/healthz')).status).toBe(200);
    } finally {
      await t.close();
    }
  }, 30_000);
});
