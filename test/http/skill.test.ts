/** POST /skill behaviour: menu, fallback ladder, handoff, taps, bad input and internal errors. */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { expectValidResponse, makeTestApp, quickReplyLabels, tapOf, textOf, type TestApp } from '../helpers/app';
import type { Session } from '../../src/dialog/session';
import type { SessionStore } from '../../src/dialog/stores/store';

/** Log lines are written asynchronously after the response; wait for one (up to 2 s). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 40 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const TOPICS = ['회원가입 필요?', '첫 로그인 방법', '아이디·비번 분실', '교육 일정 변경', '필수 교육 종류', '리프레시 교육', '운행 시작 시기', '기간 내 미수료'];

describe('menu', () => {
  it.each(['처음으로', '메뉴', '시작', '안녕하세요'])('"%s" shows the welcome and the eight topics plus 상담원 연결', async (word) => {
    const res = await t.say(word, { user: `menu-${word}` });
    expect(textOf(res)).toContain('안녕하세요');
    expect(quickReplyLabels(res)).toEqual([...TOPICS, '상담원 연결']);
  });

  it('every menu quick reply leads to a real answer, never the fallback', async () => {
    const menu = await t.say('메뉴', { user: 'menu-walker' });
    for (const label of quickReplyLabels(menu)) {
      const tap = tapOf(menu, label);
      const res = await t.say(tap.text, { user: 'menu-walker', extra: tap.extra });
      expect(textOf(res)).not.toContain('답변드리기 어려워요');
      // and the same text typed (no extra) routes the same way, by exact match
      const typed = await t.say(tap.text, { user: 'menu-typer' });
      expect(textOf(typed)).toBe(textOf(res));
    }
  });

  it('every quick reply carries extra so a tap never depends on the classifier', async () => {
    const menu = await t.say('메뉴');
    for (const qr of menu.template.quickReplies ?? []) expect(qr.extra).toEqual(expect.objectContaining({ intent: expect.any(String) }));
  });
});

describe('fallback and handoff', () => {
  it('an out-of-scope question gets an apology, the topics and a 1533-0301 phone card', async () => {
    const res = await t.say('오늘 점심 뭐 먹을까요', { user: 'fb-1' });
    expect(textOf(res)).toContain('답변드리기 어려워요');
    expect(quickReplyLabels(res)).toEqual(expect.arrayContaining(TOPICS));
    const phone = res.template.outputs.flatMap((o) => ('textCard' in o ? (o.textCard.buttons ?? []) : []));
    expect(phone).toContainEqual(expect.objectContaining({ action: 'phone', phoneNumber: '1533-0301' }));
  });

  it('a second fallback in a row offers the phone line first', async () => {
    await t.say('오늘 점심 뭐 먹을까요', { user: 'fb-2' });
    const res = await t.say('주식 시장 전망 어때요', { user: 'fb-2' });
    const first = res.template.outputs[0];
    expect('textCard' in first && first.textCard.buttons?.[0]).toEqual(expect.objectContaining({ action: 'phone', phoneNumber: '1533-0301' }));
  });

  it('an answer in between resets the fallback ladder', async () => {
    await t.say('오늘 점심 뭐 먹을까요', { user: 'fb-3' });
    await t.say('리프레시 교육이 뭐예요', { user: 'fb-3' });
    const res = await t.say('주식 시장 전망 어때요', { user: 'fb-3' });
    expect(textOf(res)).toContain('답변드리기 어려워요');
  });

  it.each(['상담원 연결해 주세요', '사람이랑 통화하고 싶어요'])('"%s" gets the handoff card directly', async (text) => {
    const res = await t.say(text, { user: `handoff-${text}` });
    expect(textOf(res)).toContain('1533-0301');
    expect(textOf(res)).toContain('파트너교육가이드센터');
  });

  it('the operator button only appears with OPERATOR_BUTTON=true', async () => {
    const plain = await t.say('', { extra: { intent: 'handoff' } });
    const buttons = (r: typeof plain) => r.template.outputs.flatMap((o) => ('textCard' in o ? (o.textCard.buttons ?? []) : []));
    expect(buttons(plain).map((b) => b.action)).not.toContain('operator');
    const withOp = await makeTestApp({ OPERATOR_BUTTON: 'true' });
    const res = await withOp.say('', { extra: { intent: 'handoff' } });
    expect(buttons(res).map((b) => b.action)).toContain('operator');
    await withOp.close();
  });
});

describe('payload shapes', () => {
  const dir = path.join(__dirname, '../fixtures/payloads');
  it.each(fs.readdirSync(dir))('%s is accepted and answered with a valid SkillResponse', async (file) => {
    const body = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const res = await request(t.app).post('/skill').send(body);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expectValidResponse(res.body);
  });

  it('a tap payload routes by clientExtra even when the text says something else', async () => {
    const body = JSON.parse(fs.readFileSync(path.join(dir, 'quick-reply-tap.json'), 'utf8'));
    body.userRequest.utterance = '비밀번호 잊어버렸어요';
    const res = await request(t.app).post('/skill').send(body);
    expect(textOf(expectValidResponse(res.body))).toContain('품질 개선 교육');
  });

  it('clientExtra pointing nowhere falls back to the text', async () => {
    const res = await t.say('리프레시 교육이 뭐예요', { extra: { intent: 'no.such.intent' } });
    expect(textOf(res)).toContain('품질 개선 교육');
  });
});

describe('bad input', () => {
  it('unparseable JSON is a 400 with a JSON error', async () => {
    const res = await request(t.app).post('/skill').set('content-type', 'application/json').send('{"userRequest": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.stringContaining('JSON') });
  });

  it.each([
    [{}, 'userRequest'],
    [{ userRequest: { user: { id: 'x' } } }, 'userRequest.utterance'],
    [{ userRequest: { utterance: 'hi' } }, 'userRequest.user'],
    [{ userRequest: { utterance: 'hi', user: {} } }, 'userRequest.user.id'],
    [{ userRequest: { utterance: 42, user: { id: 'x' } } }, 'userRequest.utterance'],
  ])('%j is a 400 naming %s', async (body, field) => {
    const res = await request(t.app).post('/skill').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(field);
  });

  it('an internal error is answered 200 with an apology and 1533-0301, logged with the request id', async () => {
    const broken: SessionStore<Session> = {
      read: async () => {
        throw new Error('disk on fire');
      },
      write: async () => undefined,
      delete: async () => undefined,
      size: async () => 0,
      close: async () => undefined,
    };
    const b = await makeTestApp({}, { store: broken });
    const res = await request(b.app).post('/skill').set('x-request-id', 'req-broken-1').send({ userRequest: { utterance: '메뉴', user: { id: 'u' } } });
    expect(res.status).toBe(200);
    const body = expectValidResponse(res.body);
    expect(textOf(body)).toContain('1533-0301');
    expect(JSON.stringify(body)).not.toContain('disk on fire');
    await until(() => b.logs().some((l) => l.level === 'error' && l.requestId === 'req-broken-1'));
    expect(b.logs()).toContainEqual(expect.objectContaining({ level: 'error', requestId: 'req-broken-1' }));
    await b.close();
  });
});

describe('logs', () => {
  it('write one JSON line per turn with request id, intent, score, route and latency', async () => {
    await request(t.app).post('/skill').set('x-request-id', 'req-log-1').send({ userRequest: { utterance: '리프레시 교육이 뭐예요', user: { id: 'log-user' } } });
    await until(() => t.logs().some((l) => l.message === 'turn' && l.requestId === 'req-log-1'));
    const line = t.logs().find((l) => l.message === 'turn' && l.requestId === 'req-log-1');
    expect(line).toEqual(expect.objectContaining({ intent: 'faq.refresh_training', route: 'nlu', latencyMs: expect.any(Number), score: expect.any(Number) }));
    expect(JSON.stringify(line)).not.toContain('log-user');
  });

  it('mask phone numbers and birth dates in utterances (LOG_UTTERANCES=masked)', async () => {
    const m = await makeTestApp({ LOG_UTTERANCES: 'masked' });
    await m.say('제 번호 010-2345-6789 이고 생일은 1971년 2월 3일이에요', { user: 'mask-user' });
    await until(() => m.logText().includes('010-****-6789'));
    expect(m.logText()).not.toContain('2345-6789');
    expect(m.logText()).not.toContain('01023456789');
    expect(m.logText()).not.toContain('1971년 2월 3일');
    expect(m.logText()).toContain('010-****-6789');
    await m.close();
  });
});

describe('health', () => {
  it('GET /healthz and /readyz answer 200 once ready', async () => {
    expect((await request(t.app).get('/healthz')).status).toBe(200);
    expect((await request(t.app).get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('POST /nlu/parse returns intent, score, alternatives and the normalized text', async () => {
    const res = await request(t.app).post('/nlu/parse').send({ text: '리프레쉬 교육이 뭐예요?' });
    expect(res.body).toEqual({ intent: 'faq.refresh_training', score: expect.any(Number), alternatives: expect.any(Array), normalized: expect.stringContaining('리프레시') });
  });
});

describe('a phone number spelled out by voice typing', () => {
  it('starts the password reset with the number prefilled, and echoes it only masked', async () => {
    const user = 'spelled-phone-user';
    const first = textOf(await t.say('비번 재설정해 주세요 번호는 공일공 천이백삼십사 오천육백칠십팔', { user }));
    expect(first).toContain('받아 두었어요');
    expect(first).toContain('생년월일을 알려 주세요');
    expect(first).not.toContain('휴대폰 번호를 알려 주세요');
    await t.say('85년 3월 7일', { user });
    const confirm = textOf(await t.say('이서연', { user }));
    expect(confirm).toContain('010-****-5678');
    for (const secret of ['1234', '천이백삼십사', '01012345678', '이서연']) expect(confirm).not.toContain(secret);
  });
});
