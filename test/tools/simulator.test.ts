/** /simulator over HTTP: the static page and POST /simulator/api/turn (same conversation as /skill, plus the inspector). */
import request from 'supertest';
import { Inspect } from '../../src/http/routes/simulator';
import { expectValidResponse, makeTestApp, tapOf, textOf, type TestApp } from '../helpers/app';

const turn = (t: TestApp, utterance: string, user = 'sim-test', clientExtra: Record<string, unknown> = {}) =>
  request(t.admin).post('/simulator/api/turn').send({ userRequest: { utterance, user: { id: user } }, action: { clientExtra } });

describe('/simulator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ SKILL_SECRET: 'a-long-shared-secret' });
  });
  afterAll(() => t.close());

  it('serves the page and its script and stylesheet with a CSP that allows only its own files', async () => {
    for (const url of ['/simulator', '/simulator/']) {
      const page = await request(t.admin).get(url);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<script type="module" src="/simulator/assets/app.js"></script>');
      expect(page.text).toContain('새 사용자');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
    const js = await request(t.admin).get('/simulator/assets/app.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.text).toContain("fetch('/simulator/api/turn'");
    expect((await request(t.admin).get('/simulator/assets/render.js')).headers['content-type']).toMatch(/javascript/);
    expect((await request(t.admin).get('/simulator/assets/style.css')).headers['content-type']).toMatch(/^text\/css/);
    expect((await request(t.admin).get('/simulator/assets/nope.js')).status).toBe(404);
  });

  it('answers a typed question with a valid SkillResponse and the inspector view', async () => {
    const res = await turn(t, '리프레시 교육이 뭐예요?');
    expect(res.status).toBe(200);
    expect(textOf(expectValidResponse(res.body.response))).toContain('품질 개선 교육');
    const inspect = Inspect.parse(res.body.inspect);
    expect(inspect).toMatchObject({ intent: 'faq.refresh_training', route: 'nlu', outcome: 'answered', dialog: null });
    expect(inspect.score).toBeGreaterThan(0.5);
    expect(inspect.normalized).toBe('리프레시 교육이 뭐예요');
    expect(Array.isArray(inspect.alternatives)).toBe(true);
  });

  it('names the FAQ a follow-up was read with', async () => {
    const first = Inspect.parse((await turn(t, '입문교육 끝나면 언제부터 운행해요', 'sim-followup')).body.inspect);
    expect(first).toMatchObject({ intent: 'faq.start_driving', context: null });
    const second = Inspect.parse((await turn(t, '그게 언제쯤이에요?', 'sim-followup')).body.inspect);
    expect(second).toMatchObject({ intent: 'faq.start_driving', outcome: 'answered', context: 'faq.start_driving' });
  });

  it('routes a quick-reply tap (messageText + extra as clientExtra) like Kakao', async () => {
    const first = await turn(t, '리프레시 교육이 뭐예요?', 'sim-tap');
    const tap = tapOf(first.body.response, '처음으로');
    const res = await turn(t, tap.text, 'sim-tap', tap.extra);
    expect(res.body.inspect).toMatchObject({ route: 'tap', intent: 'greeting', outcome: 'menu', normalized: null });
  });

  it('keeps the session between turns (the second fallback in a row puts the phone line first)', async () => {
    const one = await turn(t, '오늘 날씨 어때요', 'sim-twice');
    const two = await turn(t, '내일 비 와요?', 'sim-twice');
    expect(one.body.inspect.outcome).toBe('fallback');
    expect(two.body.inspect.outcome).toBe('fallback');
    expect(two.body.response).not.toEqual(one.body.response);
  });

  it('shows a guided dialog as flow and step only, never the slot values typed into it', async () => {
    const answer = await turn(t, '비번 까먹었어요', 'sim-dialog');
    const start = (answer.body.response.template.quickReplies ?? []).find((q: { extra?: { action?: string } }) => q.extra?.action);
    expect(start).toBeDefined();
    const started = await turn(t, start.messageText, 'sim-dialog', start.extra);
    expect(started.body.inspect).toMatchObject({ route: expect.any(String), dialog: { flow: expect.any(String), step: expect.any(String) } });
    const slot = await turn(t, '010-1234-5678', 'sim-dialog');
    expect(slot.body.inspect.dialog).toEqual({ flow: started.body.inspect.dialog.flow, step: expect.any(String) });
    expect(slot.body.inspect.normalized).toBeNull();
    expect(JSON.stringify(slot.body.inspect)).not.toMatch(/1234|5678/);
  });

  it('masks PII in the normalized text it echoes', async () => {
    const res = await turn(t, '제 번호는 010-1234-5678 이에요 날씨 알려줘');
    expect(res.body.inspect.normalized).toContain('010-****-5678');
    expect(JSON.stringify(res.body.inspect)).not.toContain('1234');
  });

  it('works when /skill needs the shared secret, and refuses non-simulator user ids and bad bodies', async () => {
    expect((await request(t.app).post('/skill').send({ userRequest: { utterance: 'hi', user: { id: 'u' } } })).status).toBe(401);
    expect((await turn(t, '안녕하세요')).status).toBe(200);
    const real = await turn(t, '안녕하세요', 'a-real-botUserKey');
    expect(real.status).toBe(400);
    expect(real.body.error).toMatch(/userRequest\.user\.id/);
    const noText = await request(t.admin).post('/simulator/api/turn').send({ userRequest: { user: { id: 'sim-x' } } });
    expect(noText.status).toBe(400);
    expect(noText.body.error).toBe('missing field userRequest.utterance');
  });

  it('SIMULATOR=off removes it', async () => {
    const off = await makeTestApp({ SIMULATOR: 'off' });
    expect((await request(off.admin).get('/simulator')).status).toBe(404);
    expect((await request(off.admin).post('/simulator/api/turn').send({})).status).toBe(404);
    await off.close();
  });
});
