/** RedisStore against a real redis-server: the contract, two app instances sharing one dialog, Redis down or slow. */
import Redis from 'ioredis';
import type { Session } from '../../../src/dialog/session';
import { RedisStore } from '../../../src/dialog/stores/redis';
import { createLogger } from '../../../src/log/logger';
import { makeTestApp, tapOf, textOf, type TestApp } from '../../helpers/app';
import { hasRedisServer, startRedis, waitUntil, type RedisServer } from './redis-server';
import { runStoreContract } from './store.case';

if (!hasRedisServer()) {
  throw new Error('redis-server is not installed: run `apt-get install -y redis-server` (.ci/run installs it)');
}

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

const silent = createLogger({ level: 'silent' });
let prefixes = 0;

async function connectedStore(): Promise<RedisStore<Session>> {
  const store = new RedisStore<Session>({ url: redis.url, logger: silent, prefix: `contract-${++prefixes}:` });
  if (store.client.status !== 'ready') await new Promise((resolve) => store.client.once('ready', resolve));
  return store;
}

describe('RedisStore contract', () => {
  runStoreContract(connectedStore);
});

/** An app on the shared Redis, once its store is connected (a dialog start needs the session). */
async function redisApp(env: Record<string, string> = {}): Promise<TestApp> {
  const app = await makeTestApp({ SESSION_STORE: 'redis', REDIS_URL: redis.url, ...env });
  await waitUntil(async () => textOf(await app.say('비밀번호 재설정 도와주세요', { user: 'warm-up' })).includes('휴대폰 번호를 알려'), 10_000, 'app never reached Redis');
  await app.say('취소', { user: 'warm-up' });
  return app;
}

describe('two app instances on one Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let raw: Redis;
  beforeAll(async () => {
    [a, b] = await Promise.all([redisApp(), redisApp()]);
    raw = new Redis(redis.url);
  });
  afterAll(async () => {
    raw.disconnect();
    await Promise.all([a.close(), b.close()]);
  });

  it('complete one dialog turn by turn, alternating between the instances', async () => {
    const user = 'shared-user';
    expect(textOf(await a.say('비밀번호 재설정 도와주세요', { user }))).toContain('휴대폰 번호를 알려');
    expect(textOf(await b.say('010-3141-5926', { user }))).toContain('생년월일을 알려');
    expect(textOf(await a.say('1983-04-05', { user }))).toContain('이름(성함)을 알려');
    const confirm = await b.say('제 이름은 남궁민이에요', { user });
    expect(textOf(confirm)).toEqual(expect.stringContaining('010-****-5926'));
    expect(textOf(confirm)).toContain('남*민');
    expect(await raw.get('bluebot:s:shared-user')).toContain('"step":"confirm"');
    const yes = tapOf(confirm, '맞아요');
    const done = await a.say(yes.text, { user, extra: yes.extra });
    expect(textOf(done)).toContain('[비밀번호 설정]');
    expect(await raw.get('bluebot:s:shared-user')).toBeNull(); // slot values are gone with the dialog
    const logs = a.logText() + b.logText();
    for (const value of ['3141-5926', '01031415926', '1983-04-05', '남궁민']) expect(logs).not.toContain(value);
  });

  it('order the turns of one user across instances: six concurrent 다음 taps walk six steps', async () => {
    const user = 'racer';
    const started = await a.say('첫 로그인 단계별로 따라하고 싶어요', { user });
    const next = tapOf(started, '다음');
    const replies = await Promise.all([a, b, a, b, a, b].map((app) => app.say(next.text, { user, extra: next.extra })));
    const steps = replies.map((r) => /\[(\d)\/7\]/.exec(textOf(r))?.[1]).sort();
    expect(steps).toEqual(['2', '3', '4', '5', '6', '7']);
    expect(await raw.get('bluebot:s:racer')).toContain('"step":"log_in"');
  });
});

describe('Redis down or slow', () => {
  let c: TestApp;
  beforeAll(async () => {
    c = await redisApp({ STORE_TIMEOUT_MS: '500' });
  });
  afterAll(() => c.close());

  it('stopped mid-conversation: FAQs still answered, dialog turns apologise in budget, no crash, reconnects', async () => {
    const user = 'mid-outage';
    await c.say('비밀번호 재설정 도와주세요', { user });
    expect(textOf(await c.say('01027182818', { user }))).toContain('생년월일을 알려');
    await redis.stop();

    expect(textOf(await c.say('리프레시 교육이 뭐예요?', { user }))).toContain('품질 개선 교육');
    expect(textOf(await c.say('', { user, extra: { intent: 'faq.schedule_change' } }))).toContain('1533-0301');
    const before = Date.now();
    const apology = await c.say('1977-07-07', { user });
    expect(Date.now() - before).toBeLessThan(4000);
    expect(textOf(apology)).toContain('1533-0301');
    expect(textOf(await c.say('이어서 진행', { user, extra: { action: 'dialog.resume' } }))).toContain('1533-0301');
    expect(c.logs()).toContainEqual(expect.objectContaining({ message: 'turn failed', kind: 'store' }));
    expect(c.logText()).not.toContain('1977-07-07');

    await redis.start();
    await waitUntil(async () => textOf(await c.say('비밀번호 재설정 도와주세요', { user: 'after' })).includes('휴대폰 번호를 알려'), 10_000, 'never reconnected');
    expect(textOf(await c.say('01027182818', { user: 'after' }))).toContain('생년월일을 알려');
  });

  it('slow (CLIENT PAUSE): FAQs answered after the store timeout, dialog turns apologise within the budget', async () => {
    const admin = new Redis(redis.url);
    await c.say('첫 로그인 단계별로 따라하고 싶어요', { user: 'slow' });
    await admin.call('CLIENT', 'PAUSE', '2500', 'ALL');
    const t0 = Date.now();
    expect(textOf(await c.say('리프레시 교육이 뭐예요?', { user: 'slow-faq' }))).toContain('품질 개선 교육');
    expect(Date.now() - t0).toBeLessThan(2000);
    const t1 = Date.now();
    expect(textOf(await c.say('다음', { user: 'slow', extra: { action: 'login.next' } }))).toContain('1533-0301');
    expect(Date.now() - t1).toBeLessThan(4000);
    admin.disconnect();
  });
});
