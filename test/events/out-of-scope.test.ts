/**
 * A question on a known out-of-scope topic (수료증, 교육비 …) is understood and answered honestly: outcome
 * `out_of_scope` with the topic as the intent in the turn log, /metrics and the event row (not `None`/`fallback`);
 * the console's stats count it as 범위 밖 안내 with the topics by their Korean names; the inbox keeps its masked text
 * with the topic as the guess, which staff confirm or move to an FAQ intent; report:fallbacks no longer lists it.
 */
import request from 'supertest';
import { formatOutOfScope, runReport } from '../../src/cli/report-fallbacks';
import { topicGuess } from '../../src/events/turn-event';
import { makeTestApp, textOf, type TestApp } from '../helpers/app';
import { addTestUsers, EDITOR, login, VIEWER, type Login } from '../console/helpers';

const CERTIFICATE = '수료증 잃어버렸는데 재발급 돼요? 연락처 010-2233-4455';
const CERTIFICATE_AGAIN = '수료증 잃어버렸는데 재발급 돼요?';
const FEES = '교육비 얼마나 내야 돼요';
const MISSED = '오늘 점심 메뉴 추천해 주세요';

let t: TestApp;
let editor: Login;
let viewer: Login;
const api = (p: string) => `/console/api/${p}`;

beforeAll(async () => {
  t = await makeTestApp({ LOG_UTTERANCES: 'masked' });
  await addTestUsers((await t.events.get()).db);
  expect(textOf(await t.say(CERTIFICATE, { user: 'oos-1' }))).toContain('여기서는 답변드릴 수 없어요');
  await t.say(CERTIFICATE_AGAIN, { user: 'oos-2' });
  expect(textOf(await t.say(FEES, { user: 'oos-2' }))).toContain('여기서는 답변드릴 수 없어요');
  await t.say(MISSED, { user: 'oos-3' });
  await t.say('리프레시 교육이 뭐예요?', { user: 'oos-3' });
  await t.recorder?.flush();
  editor = await login(t.admin, EDITOR);
  viewer = await login(t.admin, VIEWER);
});
afterAll(() => t.close());

const rows = async () => (await t.events.get()).db.selectFrom('turn_events').selectAll().orderBy('id').execute();

describe('the outcome out_of_scope names the topic', () => {
  it('in the turn log line', () => {
    const turns = t.logs().filter((l) => l.message === 'turn');
    expect(turns.map((l) => [l.intent, l.outcome])).toEqual([
      ['oos.certificate', 'out_of_scope'],
      ['oos.certificate', 'out_of_scope'],
      ['oos.fees', 'out_of_scope'],
      ['None', 'fallback'],
      ['faq.refresh_training', 'answered'],
    ]);
    expect(turns[0].text).toBe('수료증 잃어버렸는데 재발급 돼요? 연락처 010-****-4455');
  });

  it('in the Prometheus outcome label', async () => {
    const text = (await request(t.admin).get('/metrics')).text;
    expect(text).toMatch(/^bluebot_turns_total\{intent="oos\.certificate",outcome="out_of_scope",route="nlu"\} 2$/m);
    expect(text).toMatch(/^bluebot_turns_total\{intent="oos\.fees",outcome="out_of_scope",route="nlu"\} 1$/m);
    expect(text).toMatch(/^bluebot_turns_total\{intent="None",outcome="fallback",route="nlu"\} 1$/m);
  });

  it('in the event row, with the text kept masked and the topic as the guess', async () => {
    const events = await rows();
    expect(events.map((e) => [e.intent, e.outcome, e.guess_intent])).toEqual([
      ['oos.certificate', 'out_of_scope', 'oos.certificate'],
      ['oos.certificate', 'out_of_scope', 'oos.certificate'],
      ['oos.fees', 'out_of_scope', 'oos.fees'],
      ['None', 'fallback', expect.anything()],
      ['faq.refresh_training', 'answered', null],
    ]);
    expect(events[0].text).toBe('수료증 잃어버렸는데 재발급 돼요? 연락처 010-****-4455');
    expect(events[2].text).toBe(FEES);
    expect(JSON.stringify(events)).not.toContain('2233');
  });
});

describe('the console', () => {
  it('stats: a 범위 밖 안내 share apart from 못 알아들음, and the top topics by their Korean names', async () => {
    const res = await request(t.admin).get(api('stats')).set('cookie', viewer.cookie);
    expect(res.status).toBe(200);
    expect(res.body.totals).toMatchObject({ turns: 5, answered: 1, fallback: 1, out_of_scope: 3 });
    const today = res.body.days[res.body.days.length - 1];
    expect(today).toMatchObject({ turns: 5, fallback: 1, out_of_scope: 3 });
    expect(res.body.topTopics).toEqual([
      { topic: 'oos.certificate', label: '수료증 문의', count: 2 },
      { topic: 'oos.fees', label: expect.stringMatching(/[가-힣]/), count: 1 },
    ]);
    expect(res.body.topIntents).toEqual([{ intent: 'faq.refresh_training', label: expect.any(String), count: 1 }]);
  });

  it('inbox: the out-of-scope texts are there, masked, with the topic as the guess', async () => {
    const res = await request(t.admin).get(api('inbox')).set('cookie', viewer.cookie);
    const byText = new Map((res.body.items as Array<{ text: string; guess: { intent: string } | null; count: number }>).map((i) => [i.text, i]));
    const certificates = [...byText.values()].filter((i) => i.text.startsWith('수료증'));
    expect(certificates.reduce((n, i) => n + i.count, 0)).toBe(2);
    for (const item of certificates) expect(item).toMatchObject({ guess: { intent: 'oos.certificate' } });
    expect(byText.get(FEES)).toMatchObject({ guess: { intent: 'oos.fees' } });
    expect(byText.get(MISSED)).toBeDefined();
    expect(JSON.stringify(res.body)).not.toContain('2233');
  });

  it('inbox: staff confirm a topic (mark out of scope), or move a text the topic check got wrong to an FAQ intent', async () => {
    const items = (await request(t.admin).get(api('inbox')).set('cookie', editor.cookie)).body.items as Array<{ id: number; text: string; guess: { intent: string } }>;
    const certificate = items.find((i) => i.text.startsWith('수료증'))!;
    const confirmed = await request(t.admin)
      .post(api(`inbox/${certificate.id}/out-of-scope`))
      .set({ cookie: editor.cookie, 'x-csrf-token': editor.csrf })
      .send({ topic: certificate.guess.intent });
    expect(confirmed.body.item).toMatchObject({ state: 'done', label: 'oos.certificate', actedBy: EDITOR.name });
    const fees = items.find((i) => i.text === FEES)!;
    const moved = await request(t.admin).post(api(`inbox/${fees.id}/label`)).set({ cookie: editor.cookie, 'x-csrf-token': editor.csrf }).send({ intent: 'faq.required_courses' });
    expect(moved.body.item).toMatchObject({ state: 'done', label: 'faq.required_courses' });
  });
});

describe('npm run report:fallbacks', () => {
  it('lists fallbacks only, and says how many turns were answered as out of scope, by topic', async () => {
    const lines: string[] = [];
    expect(await runReport(['--db', t.config.EVENTS_DB as string], (l) => lines.push(l))).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain(`1 fallbacks in ${t.config.EVENTS_DB}`);
    expect(text).toContain(MISSED);
    expect(text).not.toContain('수료증 잃어버렸는데');
    expect(text).toContain('not counted as fallbacks: 3 answered as out of scope (oos.certificate 2, oos.fees 1)');
    const json: string[] = [];
    await runReport(['--db', t.config.EVENTS_DB as string, '--json'], (l) => json.push(l));
    expect(JSON.parse(json.join('\n'))).toMatchObject({ records: 1, outOfScope: [{ topic: 'oos.certificate', count: 2 }, { topic: 'oos.fees', count: 1 }] });
    expect(formatOutOfScope([{ topic: 'oos.video', count: 1 }])).toBe('not counted as fallbacks: 1 answered as out of scope (oos.video 1)');
  });
});

describe('topicGuess', () => {
  it("takes the classifier's score for the topic, wherever it ranked it; none when the topic came from its head noun alone", () => {
    expect(topicGuess('oos.video', { intent: 'faq.refresh_training', score: 0.51, alternatives: [{ intent: 'oos.video', score: 0.49 }] })).toEqual({ intent: 'oos.video', score: 0.49 });
    expect(topicGuess('oos.quiz', { intent: 'oos.quiz', score: 1, alternatives: [] })).toEqual({ intent: 'oos.quiz', score: 1 });
    expect(topicGuess('oos.certificate', { intent: 'None', score: 0.8, alternatives: [] })).toEqual({ intent: 'oos.certificate', score: null });
    expect(topicGuess('oos.certificate')).toEqual({ intent: 'oos.certificate', score: null });
  });
});
