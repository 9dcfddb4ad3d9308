/**
 * Slot values at rest (issue #12): with SESSION_KEY, the Redis value of a session mid-dialog holds no phone number,
 * birth date or name in clear (AES-256-GCM, key id in the record); keys rotate (old keys still open); without a key
 * the Redis store warns at startup. Rate-limit counts are shared through the same Redis.
 */
import crypto from 'node:crypto';
import Redis from 'ioredis';
import { keyringOf, open, seal } from '../../../src/privacy';
import { scanText } from '../../audit/scan';
import { makeTestApp, textOf, type TestApp } from '../../helpers/app';
import { hasRedisServer, startRedis, waitUntil, type RedisServer } from './redis-server';

const OLD_KEY = crypto.randomBytes(32).toString('hex');
const NEW_KEY = crypto.randomBytes(32).toString('base64');

describe('seal/open', () => {
  const ring = keyringOf({ keys: `k2:${NEW_KEY}`, key: OLD_KEY, keyId: 'k1' })!;
  it('seals with the first key, opens with any listed key, refuses tampering and unknown keys', () => {
    const sealed = seal(ring, '{"phone":"01048237323"}');
    expect(sealed.startsWith('k2.')).toBe(true);
    expect(open(ring, sealed)).toBe('{"phone":"01048237323"}');
    expect(open(ring, seal(keyringOf({ key: OLD_KEY, keyId: 'k1' })!, 'old'))).toBe('old');
    expect(open(ring, `${sealed.slice(0, -2)}AA`)).toBeUndefined();
    expect(open(keyringOf({ key: OLD_KEY })!, sealed)).toBeUndefined();
  });
});

(hasRedisServer() ? describe : describe.skip)('sessions in a real Redis', () => {
  let redis: RedisServer;
  let raw: Redis;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    raw = new Redis(redis.url);
  });
  afterAll(async () => {
    raw.disconnect();
    await Promise.all(apps.map((a) => a.close()));
    await redis.stop();
  });

  async function app(env: Record<string, string>): Promise<TestApp> {
    const t = await makeTestApp({ SESSION_STORE: 'redis', REDIS_URL: redis.url, ...env });
    apps.push(t);
    await waitUntil(async () => textOf(await t.say('비밀번호 재설정 도와주세요', { user: 'warm' })).includes('휴대폰 번호를 알려'), 10_000, 'no Redis');
    return t;
  }

  async function toNameStep(t: TestApp, user: string): Promise<string> {
    await t.say('비밀번호 재설정 도와주세요', { user });
    await t.say('010-4823-7323', { user });
    expect(textOf(await t.say('1974-11-22', { user }))).toContain('이름');
    return (await raw.get(`bluebot:s:${user}`)) ?? '';
  }

  it('with SESSION_KEY the stored value holds no phone or birth date in clear', async () => {
    const t = await app({ SESSION_KEY: OLD_KEY, SESSION_KEY_ID: 'k1' });
    const value = await toNameStep(t, 'sealed-user');
    expect(value).toContain('"sealed":"k1.');
    expect(value).not.toContain('48237323');
    expect(value).not.toContain('1974');
    expect(scanText(value)).toEqual([]);
    expect(textOf(await t.say('승하진', { user: 'sealed-user' }))).toContain('010-****-7323'); // the dialog still reads them
  });

  it('keys rotate: an instance with SESSION_KEYS=new,old continues a dialog sealed with the old key', async () => {
    const before = await app({ SESSION_KEY: OLD_KEY, SESSION_KEY_ID: 'k1' });
    await toNameStep(before, 'rotating-user');
    const after = await app({ SESSION_KEYS: `k2:${NEW_KEY},k1:${OLD_KEY}` });
    expect(textOf(await after.say('승하진', { user: 'rotating-user' }))).toContain('010-****-7323');
    await after.say('취소', { user: 'rotating-user' });
    await toNameStep(after, 'rotating-user');
    expect(await raw.get('bluebot:s:rotating-user')).toContain('"sealed":"k2.');
  });

  it('rate limits are shared across instances through Redis (issue #12, item 7)', async () => {
    const a = await app({ RATE_LIMIT_TURNS: '3' });
    const b = await app({ RATE_LIMIT_TURNS: '3' });
    const tap = { intent: 'faq.signup' };
    for (const t of [a, b, a]) expect(textOf(await t.say('회원가입', { user: 'shared-limit', extra: tap }))).toContain('회원가입');
    expect(textOf(await b.say('회원가입', { user: 'shared-limit', extra: tap }))).toContain('잠시 후');
  });

  it('without a key the Redis store warns at startup (and keeps the values in clear)', async () => {
    const t = await app({});
    expect(t.logs().some((l) => l.level === 'warn' && String(l.message).includes('not encrypted') && l.fix === 'set SESSION_KEY')).toBe(true);
    expect(await toNameStep(t, 'clear-user')).toContain('01048237323');
  });
});
