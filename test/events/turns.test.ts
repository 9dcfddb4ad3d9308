/** Every /skill turn becomes one event (through the real app); the simulator's do not; a database that is down loses events, never turns. */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { makeTestApp, tapOf, type TestApp } from '../helpers/app';
import { tempDir } from '../tools/helpers';

const PHONE_TEXT = '제 번호 010-1234-5678 인데 오늘 날씨 어때요';
const BIRTH_TEXT = '생일은 1985-03-07 이에요 맛집 추천 좀';

describe('turn events through POST /skill', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  const rows = async () => {
    await t.recorder?.flush();
    const { db } = await t.events.get();
    return db.selectFrom('turn_events').selectAll().orderBy('id').execute();
  };

  it('writes one event per turn, text only for fallbacks (masked), none inside the password-reset dialog', async () => {
    const first = await t.say(PHONE_TEXT, { user: 'ev-1' });
    await t.say(BIRTH_TEXT, { user: 'ev-1' });
    await t.say('리프레시 교육이 뭐예요?', { user: 'ev-2' });
    const tap = tapOf(first, '상담원 연결');
    await t.say(tap.text, { user: 'ev-1', extra: tap.extra });
    await t.say('비밀번호 재설정 도와주세요', { user: 'ev-3' });
    await t.say('010-9876-5432', { user: 'ev-3' });
    await t.say('1990-01-02', { user: 'ev-3' });
    await t.say('김민수', { user: 'ev-3' });
    const events = await rows();
    expect(events).toHaveLength(8);
    expect(events.map((e) => e.outcome)).toEqual(['fallback', 'fallback', 'answered', 'handoff', 'dialog_started', 'dialog_step', 'dialog_step', 'dialog_step']);
    expect(events.map((e) => e.text)).toEqual(['제 번호 010-****-5678 인데 오늘 날씨 어때요', '생일은 ****-**-** 이에요 맛집 추천 좀', null, null, null, null, null, null]);
    expect(events.slice(4).map((e) => e.step)).toEqual(['phone', 'birthdate', 'name', 'confirm']);
    expect(events[4]).toMatchObject({ flow: 'password_reset', route: 'dialog' });
    expect(events[0].model_version).toMatch(/^[0-9a-f]{6,12}$/);
    expect(new Set(events.map((e) => e.user_tag)).size).toBe(3);
    const all = JSON.stringify(events);
    for (const secret of ['1234-5678', '1985-03-07', '9876-5432', '1990-01-02', '김민수', 'ev-1', 'ev-3']) expect(all).not.toContain(secret);
  });

  it('masks a name typed with a space before the copula in the kept text of a fallback', async () => {
    const before = (await rows()).length;
    await t.say('변하율 입니다 오늘 날씨 어때요', { user: 'ev-5' });
    const added = (await rows()).slice(before);
    expect(added).toHaveLength(1);
    expect(['fallback', 'clarified']).toContain(added[0].outcome); // both keep the text (masked)
    expect(added[0].text).toBe('[이름 가림] 입니다 오늘 날씨 어때요');
  });

  it('does not record the simulator (staff test turns)', async () => {
    const before = (await rows()).length;
    const res = await request(t.admin).post('/simulator/api/turn').send({ userRequest: { utterance: '오늘 점심 뭐 먹지', user: { id: 'sim-events' } } });
    expect(res.body.inspect.outcome).toBe('fallback');
    await t.say('주말에 비 온대요', { user: 'ev-4' });
    const after = await rows();
    expect(after).toHaveLength(before + 1);
    expect(after.map((r) => r.text)).not.toContain('오늘 점심 뭐 먹지');
  });

  it('counts written events in /metrics', async () => {
    await rows();
    const metrics = await request(t.admin).get('/metrics');
    expect(metrics.text).toMatch(/bluebot_events_written_total \d+/);
    expect(metrics.text).toMatch(/bluebot_events_dropped_total\{reason="db_error"\} 0|bluebot_events_dropped_total 0|# TYPE bluebot_events_dropped_total counter/);
  });
});

describe('event store unavailable', () => {
  const blocked = () => {
    const blocker = path.join(tempDir('blocked'), 'not-a-dir');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    return { EVENTS_DB: path.join(blocker, 'events.sqlite') };
  };
  it.each([
    ['SQLite file cannot be created', blocked],
    ['PostgreSQL not listening', () => ({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/bluebot' })],
  ])('%s: every turn is still answered and the dropped events are counted', async (_name, env) => {
    const t = await makeTestApp(env());
    try {
      for (let i = 0; i < 5; i++) await t.say(`오늘 날씨 어때요 ${i}`, { user: `down-${i}` });
      await t.recorder?.flush();
      expect(t.recorder?.counts()).toMatchObject({ written: 0, dropped: { db_error: 5, queue_full: 0 } });
      const metrics = await request(t.admin).get('/metrics');
      expect(metrics.text).toContain('bluebot_events_dropped_total{reason="db_error"} 5');
      expect(t.logText()).toContain('event store down, turn events are dropped');
    } finally {
      await t.close();
    }
  });
});
