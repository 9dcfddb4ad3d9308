/** With Redis, other instances swap on the pub/sub message; one that misses it catches up on its next poll. */
import fs from 'node:fs';
import path from 'node:path';
import * as YAML from 'js-yaml';
import request from 'supertest';
import { readSnapshot } from '../../../src/content/versions/snapshot';
import { copyContent } from '../../helpers/content';
import { makeTestApp, type TestApp } from '../../helpers/app';
import { tempDb, waitFor } from '../../tools/helpers';
import { hasRedisServer, startRedis, type RedisServer } from '../../dialog/stores/redis-server';

const describeRedis = hasRedisServer() ? describe : describe.skip;
const version = async (app: TestApp) => (await request(app.app).get('/readyz')).body.version as string;

describeRedis('content versions over Redis pub/sub', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    redis = await startRedis();
    const dir = copyContent('notify');
    fs.cpSync(path.join(__dirname, '../../nlu'), path.join(dir, 'test/nlu'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
    // a poll far longer than the test: only the message can make B swap in time
    const env = { CONTENT_DIR: dir, CONTENT_VERSIONS: 'on', EVENTS_DB: tempDb('notify'), CONTENT_POLL_MS: '60000', REDIS_URL: redis.url };
    a = await makeTestApp(env);
    b = await makeTestApp(env);
    await waitFor(() => (a.runtime()?.version && b.runtime()?.version ? true : undefined), 60_000);
  }, 180_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it('swaps the other instance within seconds of a publish, by the message', async () => {
    const files = readSnapshot(a.config.CONTENT_DIR);
    const data = YAML.load(files['responses/faq.signup.yml']) as any;
    data['faq.signup'].bubbles[0] = { text: '레디스로 알린 새 답변' };
    await a.content()!.publisher.publish({ files: { ...files, 'responses/faq.signup.yml': YAML.dump(data) }, baseVersion: 1, author: 'mina', summary: 'x' });
    const started = Date.now();
    for (;;) {
      if ((await version(b)) === 'v2') break;
      if (Date.now() - started > 5000) throw new Error('B did not swap within 5 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 120_000);

  it('an instance that missed the message (Redis down) catches up on its next poll', async () => {
    await redis.stop();
    await a.content()!.rollback(1, 2);
    expect(await version(a)).toBe('v1');
    await new Promise((r) => setTimeout(r, 500));
    expect(await version(b)).toBe('v2'); // no message arrived
    await b.content()!.follower.check(); // what B's poll timer runs
    expect(await version(b)).toBe('v1');
  }, 60_000);
});

if (!hasRedisServer()) it('Redis suite skipped: redis-server is not installed', () => undefined);
