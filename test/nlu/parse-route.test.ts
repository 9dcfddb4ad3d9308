/** POST /nlu/parse through the real app: the final decision as `intent`, raw top 3 kept, bad input handled. */
import request from 'supertest';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const parse = (text: unknown) => request(t.app).post('/nlu/parse').send({ text });

describe('POST /nlu/parse', () => {
  it('answers {intent, score, alternatives (top 3), normalized} for a partner-style question', async () => {
    const res = await parse('비번까먹엇어요 어케해요');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['alternatives', 'intent', 'normalized', 'score']);
    expect(res.body.intent).toBe('faq.forgot_credentials');
    expect(res.body.normalized).toContain('비밀번호');
    expect(res.body.alternatives.length).toBeGreaterThanOrEqual(1);
    expect(res.body.alternatives.length).toBeLessThanOrEqual(3);
    expect(res.body.alternatives[0]).toEqual({ intent: 'faq.forgot_credentials', score: res.body.score });
  });

  it('reports out-of-scope questions as None, with the raw guesses still in alternatives', async () => {
    const res = await parse('정산 금액이 왜 이렇게 적어요');
    expect(res.body.intent).toBe('None');
    expect(res.body.score).toBeGreaterThan(0);
    expect(Array.isArray(res.body.alternatives)).toBe(true);
  });

  it('reports a fact asked on its own with its FAQ as the intent and the fact named', async () => {
    const res = await parse('사이트 주소 알려주세요');
    expect(res.body).toMatchObject({ intent: 'faq.signup', score: 1, fact: 'fact.site_address' });
    expect(res.body.topic).toBeUndefined();
    expect((await parse('비밀번호 몇 자리예요')).body).toMatchObject({ fact: 'fact.password_rule' });
    expect((await parse('사이트 주소 쳤는데 안 열려요')).body.fact).toBeUndefined();
  });

  it('reports an out-of-scope topic as None with the topic named', async () => {
    const res = await parse('수료증 잃어버렸는데 재발급 돼요?');
    expect(res.body).toMatchObject({ intent: 'None', topic: 'oos.certificate' });
    expect((await parse('리프레시 교육 영상이 재생이 안 돼요')).body).toMatchObject({ intent: 'None', topic: 'oos.video' });
  });

  it('decides on the question clause: "A 말고 B" is B, a person asked at the end is handoff', async () => {
    expect((await parse('가입 말고 로그인은 어떻게 해요')).body.intent).toBe('faq.first_login');
    expect((await parse('ARS 말고 사람이랑 통화하고 싶어요')).body.intent).toBe('handoff');
    expect((await parse('비번 물어보려는데 그냥 상담원 연결해 주세요')).body.intent).toBe('handoff');
  });

  it('offers the likely FAQs for a one-word message, as clarify, the first as intent', async () => {
    const res = await parse('재교육');
    expect(res.body.clarify).toEqual(expect.arrayContaining(['faq.refresh_training', 'faq.incomplete_training']));
    expect(res.body.intent).toBe(res.body.clarify[0]);
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['emoji only', '🙏🙏🙏'],
    ['binary-looking', '\u0000\u0001\u0002\u0003\uFFFD\uFFFD'],
  ])('%s text → 200 None', async (_name, text) => {
    const res = await parse(text);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ intent: 'None' });
  });

  it('truncates a 1000+ character text for the classifier instead of failing', async () => {
    const res = await parse('교육 일정 변경하고 싶어요 '.repeat(100));
    expect(res.status).toBe(200);
    expect(res.body.normalized.length).toBeLessThanOrEqual(300);
    expect(res.body.intent).toBe('faq.schedule_change');
  });

  it('refuses a body without a text string with 400', async () => {
    expect((await parse(42)).status).toBe(400);
    expect((await request(t.app).post('/nlu/parse').send({})).status).toBe(400);
  });
});

describe('POST /nlu/parse with numbers spelled out (voice typing)', () => {
  it.each([
    ['비번 재설정해 주세요 번호는 공일공 천이백삼십사 오천육백칠십팔', '비번 재설정해 주세요 번호는 010 1234 5678'],
    ['비밀번호 재설정 도와주세요 제 번호는 공일공 일이삼사 오육칠팔', '비밀번호 재설정 도와주세요 제 번호는 010 1234 5678'],
    ['아이디를 잊어버렸어요 번호 공일공 구팔칠육 오사삼이', '아이디를 잊어버렸어요 번호 010 9876 5432'],
    ['인증번호가 안 와요 번호는 공일공 사오육칠 팔구공일이에요', '인증번호가 안 와요 번호는 010 4567 8901이에요'],
    ['교육 일정 바꾸고 싶어요 연락처 공일공 삼삼사사 오오육육', '교육 일정 바꾸고 싶어요 연락처 010 3344 5566'],
  ])('"%s" gets the intent of its digit form', async (spelled, digits) => {
    const [a, b] = await Promise.all([parse(spelled), parse(digits)]);
    expect(a.body.normalized).toBe(b.body.normalized);
    expect({ intent: a.body.intent, topic: a.body.topic }).toEqual({ intent: b.body.intent, topic: b.body.topic });
  });

  it('the bug sentence is the password reset, not the out-of-scope other-app topic', async () => {
    const res = await parse('비번 재설정해 주세요 번호는 공일공 천이백삼십사 오천육백칠십팔');
    expect(res.body.topic).not.toBe('oos.other_app');
    expect(res.body.intent).toBe((await parse('비번 재설정해 주세요 번호는 010 1234 5678')).body.intent);
    expect(res.body.intent).not.toBe('None');
  });
});
