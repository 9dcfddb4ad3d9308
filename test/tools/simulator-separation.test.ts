/**
 * Issue #12, items 4 and 5: the simulator is separated from partners. Its sessions live in their own small store
 * (never evicting a partner's dialog), `sim-` ids are refused on /skill, it has its own rate limit, and its turns
 * are counted in /metrics under their own name. (Where it is served: test/http/security.test.ts.)
 */
import request from 'supertest';
import { makeTestApp, textOf, type TestApp } from '../helpers/app';

const simTurn = (t: TestApp, utterance: string, user: string) =>
  request(t.admin).post('/simulator/api/turn').send({ userRequest: { utterance, user: { id: user } } });

describe('the simulator, separated', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ SESSION_MAX: '10' });
  });
  afterAll(() => t.close());

  it("keeps its sessions out of the partners' store: simulator users never evict a partner's dialog", async () => {
    const partner = 'partner-mid-dialog';
    expect(textOf(await t.say('비밀번호 재설정 도와주세요', { user: partner }))).toContain('휴대폰 번호');
    for (let i = 0; i < 25; i++) expect((await simTurn(t, '오늘 점심 뭐 먹지', `sim-evict-${i}`)).status).toBe(200);
    expect(await t.store.read('sim-evict-0')).toBeUndefined();
    expect((await t.store.read(partner))?.dialog?.step).toBe('phone');
    expect(textOf(await t.say('010-4823-7323', { user: partner }))).toContain('생년월일');
  });

  it('refuses sim- ids on /skill with a 400 naming the field', async () => {
    const res = await request(t.app).post('/skill').send({ userRequest: { utterance: '안녕하세요', user: { id: 'sim-someone' } } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/userRequest\.user\.id.*sim-/);
  });

  it('counts simulator turns under their own name, never as partner turns', async () => {
    await simTurn(t, '리프레시 교육이 뭐예요?', 'sim-metrics');
    const text = (await request(t.admin).get('/metrics')).text;
    expect(text).toMatch(/bluebot_simulator_turns_total\{intent="faq\.refresh_training",outcome="answered",route="nlu"\} 1/);
    expect(text).not.toMatch(/bluebot_turns_total\{intent="faq\.refresh_training"/);
  });

  it('has a rate limit: a flood gets 429 naming the limit, counted in /metrics', async () => {
    const statuses: number[] = [];
    let error = '';
    for (let i = 0; i < 40; i++) {
      const res = await simTurn(t, '안녕하세요', `sim-flood-${i}`);
      statuses.push(res.status);
      if (res.status === 429) error = res.body.error;
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(error).toMatch(/too many simulator turns \(limit \d+ per 10 s per client/);
    const text = (await request(t.admin).get('/metrics')).text;
    expect(text).toMatch(/bluebot_turns_refused_total\{reason="simulator_rate_limited"\} [1-9]/);
  });
});
