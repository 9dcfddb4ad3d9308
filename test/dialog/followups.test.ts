/**
 * Follow-ups (src/dialog/followups.ts): the session keeps the FAQ answered last and when, never text; a message after
 * it is read with it. Unit rules here; through the HTTP app (memory and a real redis-server) below; the conversations
 * themselves are scripts in test/conversations/followups.yml.
 */
import Redis from 'ioredis';
import request from 'supertest';
import type { Decision } from '../../src/nlu/decide';
import { afterAnswer, FOLLOWUP_MS, followupOf, FollowupRules, inContext, settles } from '../../src/dialog/followups';
import { initialSession, isEmptySession, upgradeSession, type Session } from '../../src/dialog/session';
import { createNormalizer } from '../../src/nlu/normalize';
import { hasRedisServer, startRedis, type RedisServer } from './stores/redis-server';
import { expectValidResponse, makeTestApp, quickReplyLabels, textOf, type TestApp } from '../helpers/app';

const NOW = Date.parse('2026-12-02T10:00:00+09:00');
const after = (intent: string, msAgo: number): Session => ({ ...initialSession(), answered: { intent, at: NOW - msAgo } });

describe('followupOf: the FAQ a message may follow', () => {
  it('is the FAQ answered last, for 10 minutes', () => {
    expect(followupOf(after('faq.start_driving', 0), NOW)).toBe('faq.start_driving');
    expect(followupOf(after('faq.start_driving', FOLLOWUP_MS), NOW)).toBe('faq.start_driving');
    expect(followupOf(after('faq.start_driving', FOLLOWUP_MS + 1), NOW)).toBeUndefined();
  });

  it('is nothing without an answer, or with an answer from the future (a clock set back)', () => {
    expect(followupOf(initialSession(), NOW)).toBeUndefined();
    expect(followupOf(after('faq.signup', -1000), NOW)).toBeUndefined();
  });
});

describe('afterAnswer: what an answer leaves as context', () => {
  const before = after('faq.signup', 5000);
  it('an FAQ becomes the context; the menu, a handoff or a cancel clears it', () => {
    expect(afterAnswer(before, 'faq.refresh_training', NOW)).toEqual({ intent: 'faq.refresh_training', at: NOW });
    for (const id of ['greeting', 'handoff', 'cancel']) expect(afterAnswer(before, id, NOW)).toBeUndefined();
  });

  it('a fact, a help answer or a topic leaves it as it was', () => {
    for (const id of ['fact.site_address', 'help.login', 'oos.fees', 'thanks.after_answer']) expect(afterAnswer(before, id, NOW)).toEqual(before.answered);
  });
});

describe('settles: which decisions stand without the context', () => {
  const cases: Array<[Decision, boolean]> = [
    [{ kind: 'answer', intent: 'faq.signup', score: 1 }, true],
    [{ kind: 'answer', intent: 'handoff', score: 0.6 }, true],
    [{ kind: 'answer', intent: 'cancel', score: 1 }, false],
    [{ kind: 'none', guess: 'oos.fees', score: 0.9, reason: 'topic', topic: 'oos.fees' }, true],
    [{ kind: 'none', guess: 'None', score: 1, reason: 'classifier' }, false],
    [{ kind: 'none', guess: 'faq.signup', score: 0.4, reason: 'low-score' }, false],
    [{ kind: 'clarify', intents: ['faq.signup', 'faq.first_login'], score: 0.5, reason: 'close' }, true],
    [{ kind: 'clarify', intents: ['faq.signup'], score: 0.9, reason: 'topic', topic: 'oos.fees' }, true],
    [{ kind: 'clarify', intents: ['faq.signup'], score: 1, reason: 'unlike' }, false],
  ];
  it.each(cases)('%j → %s', (decision, expected) => expect(settles(decision)).toBe(expected));

  it('the text read in context is the label, then the message', () => {
    expect(inContext('운행 시작 시기', '그게 언제쯤이에요?')).toBe('운행 시작 시기 그게 언제쯤이에요?');
  });
});

describe('FollowupRules', () => {
  const normalize = createNormalizer({ 비밀번호: ['비번'] });
  /** What the bot passes: the message as the classifier normalized it, and as typed. */
  const find = (text: string, faq: string) => rules.find([normalize(text), text], faq);
  const rules = new FollowupRules(
    {
      'help.login': { after: ['faq.first_login'], all: [['그래도 안', '비밀번호 오류']], unless: ['잊어'] },
      'thanks.after_answer': { after: ['faq.first_login', 'faq.signup'], all: [['감사']] },
    },
    normalize,
  );

  it('matches only after the FAQs a rule follows, spaces ignored, as normalized or as typed', () => {
    expect(rules.find(['그래도안되네요'], 'faq.first_login')).toBe('help.login');
    expect(rules.find(['그래도 안돼요'], 'faq.signup')).toBeUndefined();
    expect(rules.find(['감사합니다'], 'faq.signup')).toBe('thanks.after_answer');
    expect(rules.find(['감사합니다'], 'faq.refresh_training')).toBeUndefined();
  });

  it('reads a rule phrase with the synonyms, and keeps out its unless phrases', () => {
    expect(find('비번 오류 나요', 'faq.first_login')).toBe('help.login');
    expect(rules.find(['비번 오류 나요'], 'faq.first_login')).toBeUndefined(); // as typed only: 비번 is not 비밀번호
    expect(find('비번 잊어서 그래도 안돼요', 'faq.first_login')).toBeUndefined();
  });

  it('of content without rules finds nothing', () => {
    expect(FollowupRules.of({ synonyms: {} }).find(['그래도 안돼요'], 'faq.first_login')).toBeUndefined();
  });
});

describe('the session', () => {
  it('keeps the answered FAQ through a store round trip, and drops a malformed one with the session', () => {
    const s = after('faq.signup', 0);
    expect(upgradeSession(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(isEmptySession(s)).toBe(false);
    expect(upgradeSession({ ...s, answered: { intent: '', at: 'x' } })).toEqual(initialSession());
  });
});

/** Two turns of one user through the app; the second answer's text and quick replies. */
async function twoTurns(t: TestApp, user: string, first: string, second: string): Promise<{ text: string; labels: string[] }> {
  await t.say(first, { user });
  const res = expectValidResponse(await t.say(second, { user }));
  return { text: textOf(res), labels: quickReplyLabels(res) };
}

describe('through POST /skill (memory sessions)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it('a question back after an answer offers the FAQ answered before first', async () => {
    const { text, labels } = await twoTurns(t, 'fu-order', '리프레시 교육이 뭐에요', '안 들으면 어떻게 돼요?');
    expect(text).toContain('어떤 내용이 궁금하신가요');
    expect(labels.slice(0, 2)).toEqual(['리프레시 교육', '기간 내 미수료']);
    const other = await twoTurns(t, 'fu-order-2', '입문교육 기간내 수료를 못했어요', '안 들으면 어떻게 돼요?');
    expect(other.labels.slice(0, 2)).toEqual(['기간 내 미수료', '리프레시 교육']);
  });

  it('each user has their own context', async () => {
    await t.say('입문교육 끝나면 언제부터 운행해요', { user: 'fu-a' });
    const other = expectValidResponse(await t.say('그게 언제쯤이에요?', { user: 'fu-b' }));
    expect(textOf(other)).not.toContain('담당부서에서');
  });

  it('the turn log says what a follow-up followed', async () => {
    await twoTurns(t, 'fu-log', '입문교육 끝나면 언제부터 운행해요', '그게 언제쯤이에요?');
    const followed = () => t.logs().find((l) => l.message === 'turn' && l.context === 'faq.start_driving');
    for (let i = 0; i < 50 && !followed(); i++) await new Promise((r) => setTimeout(r, 20)); // the turn is logged after it is answered
    expect(followed()).toMatchObject({ intent: 'faq.start_driving', outcome: 'answered', context: 'faq.start_driving' });
  });
});

(hasRedisServer() ? describe : describe.skip)('through POST /skill with Redis sessions (a real redis-server)', () => {
  let redis: RedisServer;
  let t: TestApp;
  let client: Redis;
  beforeAll(async () => {
    redis = await startRedis();
    t = await makeTestApp({ SESSION_STORE: 'redis', REDIS_URL: redis.url });
    client = new Redis(redis.url);
    // until the store has connected, turns are answered without a session (and /readyz says 503)
    for (let i = 0; i < 100 && (await request(t.app).get('/readyz')).status !== 200; i++) await new Promise((r) => setTimeout(r, 20));
  });
  afterAll(async () => {
    client.disconnect();
    await t.close();
    await redis.stop();
  });

  it('the context crosses turns in Redis, and the stored session holds the FAQ and a time, no text', async () => {
    const { text } = await twoTurns(t, 'fu-redis', '처음 로그인하는데 비밀번호 설정을 어떻게 해요 제 번호 010-2468-1357', '그래도 안돼요');
    expect(text).toContain('주변에 휴대폰 사용이 익숙한 분');
    const keys = await client.keys('bluebot:s:*');
    const stored = await Promise.all(keys.map((k) => client.get(k)));
    const mine = stored.filter((v): v is string => !!v && v.includes('faq.first_login'));
    expect(mine).toHaveLength(1);
    expect(Object.keys(JSON.parse(mine[0]) as object).sort()).toEqual(['answered', 'fallbacks', 'v']);
    for (const v of stored) {
      expect(v).not.toContain('2468');
      expect(v).not.toContain('그래도');
    }
  });
});
