/** Issue 10 through the real HTTP app: "did you mean" on an unknown head noun, offers for a one-word message. */
import request from 'supertest';
import { makeTestApp, quickReplyLabels, textOf, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const parse = (text: string) => request(t.app).post('/nlu/parse').send({ text });

function expectKakaoLimits(labels: string[]): void {
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.length).toBeLessThanOrEqual(10);
  for (const l of labels) expect([...l].length).toBeLessThanOrEqual(14);
}

describe('an FAQ term next to a head noun the bot does not know', () => {
  it('/nlu/parse reports None with the FAQ as the clarify candidate', async () => {
    const res = await parse('리프레시 교육 보험 적용되나요');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ intent: 'None', clarify: ['faq.refresh_training'] });
  });

  it('/skill asks "혹시 … 말씀이신가요?" with the FAQ and 상담원 연결 instead of answering it', async () => {
    const res = await t.say('교육 일정 바꾸면 위약금 있어요?', { user: 'unknown-head' });
    expect(textOf(res)).toContain('말씀이신가요');
    const labels = quickReplyLabels(res);
    expectKakaoLimits(labels);
    expect(labels).toEqual(expect.arrayContaining(['상담원 연결']));
    expect(labels.length).toBeGreaterThanOrEqual(2);
  });
});

describe('a one-word message that does not decide', () => {
  it.each(['교육', '로그인', '비번'])('/nlu/parse offers 2–3 FAQs for "%s", the first as intent', async (word) => {
    const res = await parse(word);
    expect(res.body.clarify.length).toBeGreaterThanOrEqual(2);
    expect(res.body.clarify.length).toBeLessThanOrEqual(3);
    expect(res.body.intent).toBe(res.body.clarify[0]);
  });

  it('"기한" belongs to one FAQ in the training data: that FAQ is answered or offered first', async () => {
    expect((await parse('기한')).body.intent).toBe('faq.incomplete_training');
  });

  it('a word one FAQ owns is answered', async () => {
    expect((await parse('회원가입')).body).toMatchObject({ intent: 'faq.signup' });
    expect((await parse('회원가입')).body.clarify).toBeUndefined();
  });

  it('/skill shows the offers as quick replies within Kakao limits, with 상담원 연결', async () => {
    const res = await t.say('로그인', { user: 'short-word' });
    const labels = quickReplyLabels(res);
    expectKakaoLimits(labels);
    expect(labels).toEqual(expect.arrayContaining(['상담원 연결']));
    expect(labels.length).toBeGreaterThanOrEqual(4);
  });
});

it('a 2,000-character message with no punctuation is answered (no throw) on /skill and /nlu/parse', async () => {
  const text = '교육 일정 변경 비밀번호 로그인 보험 '.repeat(120).slice(0, 2000);
  expect((await parse(text)).status).toBe(200);
  await t.say(text, { user: 'long-text' });
});
