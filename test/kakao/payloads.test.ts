/**
 * Real Kakao payload shapes through the real app: optional fields sent as null, numeric user ids, photos and files,
 * the welcome block's empty utterance, and 400s that say what is wrong. Every 200 passes our response schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { NOT_A_SKILL_REQUEST, parsePayload } from '../../src/kakao/payload';
import { expectValidResponse, makeTestApp, quickReplyLabels, textOf, type TestApp } from '../helpers/app';

const FIXTURES = path.join(__dirname, '../fixtures/payloads');
const fixture = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const TOPICS = ['회원가입 필요?', '첫 로그인 방법', '아이디·비번 분실', '교육 일정 변경', '필수 교육 종류', '리프레시 교육', '운행 시작 시기', '기간 내 미수료'];

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ LOG_UTTERANCES: 'masked' }); // utterances in the turn log, so it shows a photo's URL is not
});
afterAll(() => t.close());

async function post(body: unknown) {
  return request(t.app).post('/skill').set('content-type', 'application/json').send(JSON.stringify(body));
}

/** The turn log line of a request (written after the response; waits up to 2 s). */
async function turnLog(requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 40; i++) {
    const line = t.logs().find((l) => l.requestId === requestId && l.message === 'turn');
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no turn log line for ${requestId}`);
}

describe('real payload fixtures', () => {
  // What each fixture must be answered with (a phrase of the answer), beyond a valid 200.
  const expected: Record<string, string> = {
    'optional-nulls.json': '품질 개선 교육', // 리프레시 교육이 뭐예요?
    'action-name-id-null.json': '비밀번호',
    'numeric-user-id.json': '일정',
    'bot-test-console.json': '교육', // trailing \n from 봇 테스트, detailParams as bare strings, contexts, bot.id with !
    'image-upload.json': '사진이나 파일은 여기에서 확인할 수 없어요',
    'image-url-utterance.json': '사진이나 파일은 여기에서 확인할 수 없어요',
    'secure-image-plugin.json': '사진이나 파일은 여기에서 확인할 수 없어요', // 이미지 보안전송 플러그인: action.params.secureimage
    'welcome-empty-utterance.json': '안녕하세요, 파트너님',
    'legacy-null-extra.json': '안녕하세요, 파트너님', // lang: null, clientExtra "null"
  };

  it.each(Object.entries(expected))('%s is answered 200 with a valid SkillResponse holding "%s"', async (file, phrase) => {
    const res = await post(fixture(file));
    expect(res.status).toBe(200);
    // the phrase may sit in a quick reply: NLU drift may turn an answer into a "which one?" with FAQ buttons
    const body = expectValidResponse(res.body);
    expect([textOf(body), ...quickReplyLabels(body)].join('\n')).toContain(phrase);
  });

  it('the numeric user id is one user: a dialog started with it continues with it', async () => {
    const body = fixture('numeric-user-id.json') as { userRequest: { utterance: string; user: { id: unknown } } };
    body.userRequest.user.id = 987654321;
    body.userRequest.utterance = '비밀번호 재설정 도와주세요';
    const first = expectValidResponse((await post(body)).body);
    expect(textOf(first)).toContain('휴대폰 번호');
    body.userRequest.utterance = '취소';
    expect(textOf(expectValidResponse((await post(body)).body))).toContain('멈췄어요');
  });
});

describe('photos and files', () => {
  it('get the photo answer: it cannot be read here, the topics and 1533-0301; logged without the URL, never as a fallback', async () => {
    const res = await request(t.app).post('/skill').set('x-request-id', 'photo-1').send(fixture('image-upload.json'));
    const body = expectValidResponse(res.body);
    expect(textOf(body)).toContain('1533-0301');
    expect(quickReplyLabels(body)).toEqual(expect.arrayContaining(TOPICS));
    const phones = body.template.outputs.flatMap((o) => ('textCard' in o ? (o.textCard.buttons ?? []) : []));
    expect(phones).toContainEqual(expect.objectContaining({ action: 'phone', phoneNumber: '1533-0301' }));
    const log = await turnLog('photo-1');
    expect(log).toMatchObject({ intent: 'system.media', outcome: 'answered', text: '[image]' });
    expect(t.logText()).not.toContain('i_0a1b2c3d4e5f');
  });

  it.each([
    ['params.media alone (text utterance)', 'file', { params: { media: { type: 'file', url: 'https://talk.kakaocdn.net/dna/x/y/z.pdf' } }, utterance: '이거 봐주세요' }],
    ['a talk image URL as the utterance', 'image', { utterance: 'http://dn-m.talk.kakao.com/talkm/abc/def/i_123.jpg' }],
    ['a kakaocdn URL as the utterance', 'image', { utterance: ' https://talk.kakaocdn.net/dna/bXyZ/abc/kakaotalk_123.jpeg ' }],
  ])('%s is an %s turn, and the fallback ladder does not move', async (_name, kind, userRequest) => {
    const user = `photo-${kind}-${Math.random()}`;
    const id = `media-${Math.random()}`;
    const res = await request(t.app)
      .post('/skill')
      .set('x-request-id', id)
      .send({ userRequest: { user: { id: user }, ...userRequest } });
    expect(textOf(expectValidResponse(res.body))).toContain('사진이나 파일');
    expect(await turnLog(id)).toMatchObject({ intent: 'system.media', text: `[${kind}]` });
    // a real miss after the photo is the first fallback, not the second (the photo was not counted as one)
    const miss = await t.say('오늘 점심 뭐 먹을까요', { user });
    expect(textOf(miss)).toContain('답변드리기 어려워요');
  });

  it('a link that is not a talk photo is read as text', async () => {
    const res = await t.say('https://example.com/i_1.jpg', { user: 'photo-not' });
    expect(textOf(res)).not.toContain('사진이나 파일');
  });

  it('mid-dialog, a photo gets the answer and the same question again; the dialog stays at its step', async () => {
    const user = 'photo-dialog';
    expect(textOf(await t.say('비밀번호 재설정 도와주세요', { user }))).toContain('휴대폰 번호');
    const res = await request(t.app)
      .post('/skill')
      .send({ userRequest: { utterance: 'http://dn-m.talk.kakao.com/talkm/a/b/i_9.jpg', user: { id: user } } });
    const text = textOf(expectValidResponse(res.body));
    expect(text).toContain('사진이나 파일');
    expect(text).toContain('휴대폰 번호');
    expect(textOf(await t.say('010-1234-5678', { user }))).toContain('생년월일');
  });
});

describe('empty utterance', () => {
  it.each(['', ' ', '\n'])('%j shows the menu with the topics', async (utterance) => {
    const res = await t.say(utterance, { user: `empty-${JSON.stringify(utterance)}` });
    expect(textOf(res)).toContain('안녕하세요');
    expect(quickReplyLabels(res)).toEqual([...TOPICS, '상담원 연결']);
  });
});

describe('400s that say what is wrong', () => {
  it.each([
    [null, NOT_A_SKILL_REQUEST],
    [[], NOT_A_SKILL_REQUEST],
    ['hello', NOT_A_SKILL_REQUEST],
    [42, NOT_A_SKILL_REQUEST],
    [{}, 'missing field userRequest'],
    [{ userRequest: null }, 'missing field userRequest'],
    [{ userRequest: { utterance: 'x', user: { id: null } } }, 'missing field userRequest.user.id'],
    [{ userRequest: { utterance: 'x', user: { id: true } } }, 'wrong type for field userRequest.user.id: expected string, got boolean'],
    [{ userRequest: { utterance: 'x', user: { id: '' } } }, 'invalid field userRequest.user.id: must not be empty'],
    [{ userRequest: { utterance: 42, user: { id: 'x' } } }, 'wrong type for field userRequest.utterance: expected string, got number'],
    [{ userRequest: { utterance: 'x', user: 'me' } }, 'wrong type for field userRequest.user: expected object, got string'],
  ])('%j → 400 %s', async (body, error) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error });
  });

  it('null in any documented-optional field is read as absent', async () => {
    const optional: Array<[string, ...string[]]> = [
      ['userRequest', 'params'], ['userRequest', 'block'], ['userRequest', 'timezone'], ['userRequest', 'callbackUrl'],
      ['userRequest', 'lang'], ['userRequest', 'user', 'type'], ['userRequest', 'user', 'properties'],
      ['bot'], ['intent'], ['action'], ['action', 'name'], ['action', 'id'], ['action', 'params'], ['action', 'detailParams'],
      ['action', 'clientExtra'], ['contexts'], ['flow'], ['flow', 'trigger'], ['flow', 'lastBlock'], ['bot', 'id'], ['intent', 'name'],
    ];
    for (const where of optional) {
      const body = structuredClone(fixture('doc-example.json')) as Record<string, unknown>;
      let node = body;
      for (const key of where.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[where[where.length - 1]] = null;
      const res = await post(body);
      expect([where.join('.'), res.status]).toEqual([where.join('.'), 200]);
      expectValidResponse(res.body);
    }
  });
});

describe('the payload parser (property)', () => {
  it('never throws on any JSON value, and says why when it refuses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parsePayload(value);
        if (!result.ok) expect(result.error).toMatch(/^(missing field|wrong type for field|invalid field|body is not a skill request)/);
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });

  it('any JSON body, skill-shaped or not, is answered 200 (a valid SkillResponse), 400 or 415, never anything else', async () => {
    const userRequest = fc.record(
      { utterance: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })), user: fc.oneof(fc.record({ id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }), fc.jsonValue({ maxDepth: 1 })) },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ userRequest, action: fc.jsonValue({ maxDepth: 2 }), bot: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ['userRequest'] }),
    );
    const type = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded');
    await fc.assert(
      fc.asyncProperty(body, type, async (value, contentType) => {
        const res = await request(t.app).post('/skill').set('content-type', contentType).send(JSON.stringify(value) ?? 'null');
        expect([200, 400, 415]).toContain(res.status);
        if (res.status === 200) expectValidResponse(res.body);
        else expect(res.body).toEqual({ error: expect.any(String) });
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });
});
