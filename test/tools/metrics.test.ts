/** GET /metrics: Prometheus text with turns by intent and outcome, latency, NLU score, sessions, process metrics. */
import request from 'supertest';
import { makeTestApp, tapOf, type TestApp } from '../helpers/app';

/** The value of one sample line, e.g. `bluebot_turns_total{intent="None",outcome="fallback",route="nlu"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it('counts turns by intent, outcome and route, and observes latency and NLU score', async () => {
    await t.say('리프레시 교육이 뭐예요?', { user: 'm-1' });
    const fallback = await t.say('오늘 날씨 어때요', { user: 'm-2' });
    const tap = tapOf(fallback, '상담원 연결');
    await t.say(tap.text, { user: 'm-3', extra: tap.extra });
    await request(t.admin).post('/simulator/api/turn').send({ userRequest: { utterance: '리프레시 교육이 뭐예요?', user: { id: 'sim-m' } } });

    const res = await request(t.admin).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(sample(text, 'bluebot_turns_total{intent="faq.refresh_training",outcome="answered",route="nlu"}')).toBe(1);
    expect(sample(text, 'bluebot_turns_total{intent="None",outcome="fallback",route="nlu"}')).toBe(1);
    expect(sample(text, 'bluebot_turns_total{intent="handoff",outcome="handoff",route="tap"}')).toBe(1);
    expect(sample(text, 'bluebot_turn_duration_seconds_count{route="nlu"}')).toBe(2);
    expect(sample(text, 'bluebot_turn_duration_seconds_bucket{le="4",route="tap"}')).toBe(1);
    expect(sample(text, 'bluebot_nlu_score_count{outcome="answered"}')).toBe(1);
    expect(sample(text, 'bluebot_nlu_score_count{outcome="fallback"}')).toBe(1);
    expect(text).not.toMatch(/^bluebot_nlu_score_count\{outcome="handoff"\}/m); // taps never reach the classifier
  });

  it('counts guided-dialog outcomes (a dialog started from a tap)', async () => {
    const answer = await t.say('비번 까먹었어요', { user: 'm-dialog' });
    const start = (answer.template.quickReplies ?? []).find((q) => (q.extra as { action?: string } | undefined)?.action);
    expect(start).toBeDefined();
    await t.say(start!.messageText!, { user: 'm-dialog', extra: start!.extra });
    const text = (await request(t.admin).get('/metrics')).text;
    const started = text.split('\n').filter((l) => l.startsWith('bluebot_turns_total{') && l.includes('outcome="dialog_started"'));
    expect(started).toHaveLength(1);
    expect(started[0]).toMatch(/ 1$/);
  });

  it('reports active sessions from the store (the user after a fallback keeps one)', async () => {
    const res = await request(t.admin).get('/metrics');
    expect(sample(res.text, 'bluebot_active_sessions')).toBe(await t.store.size());
    expect(await t.store.size()).toBeGreaterThanOrEqual(1);
  });

  it('includes the default process metrics', async () => {
    const res = await request(t.admin).get('/metrics');
    expect(res.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(res.text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(res.text).toMatch(/^# TYPE nodejs_eventloop_lag_seconds gauge/m);
  });
});

describe('metrics configuration', () => {
  it('METRICS=off removes /metrics', async () => {
    const t = await makeTestApp({ METRICS: 'off' });
    await t.say('리프레시 교육이 뭐예요?');
    expect((await request(t.admin).get('/metrics')).status).toBe(404);
    await t.close();
  });

  it('with ADMIN_PORT=off, /metrics is on PORT', async () => {
    const t = await makeTestApp({ ADMIN_PORT: 'off' });
    await t.say('리프레시 교육이 뭐예요?');
    const res = await request(t.admin).get('/metrics');
    expect(sample(res.text, 'bluebot_turns_total{intent="faq.refresh_training",outcome="answered",route="nlu"}')).toBe(1);
    await t.close();
  });
});
