/**
 * A follow-up answered with the answer before (test/conversations/followups.yml) is an answer in the event store, and
 * its text is not kept for the inbox: "그게 언제쯤이에요?" means what it means only after the answer before. The same text
 * from a user with nothing to follow falls back and is kept, masked, as any fallback.
 */
import request from 'supertest';
import { makeTestApp, textOf, type TestApp } from '../helpers/app';
import { addTestUsers, login, VIEWER } from '../console/helpers';

/** 지역본부 (a word of the answers) before 인데요 is no name; 변하율 is. */
const KNOWN_WORDS = '어디가 지역본부인데요 몰라서요 저는 변하율인데요';

describe('follow-ups in the event store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    await addTestUsers((await t.events.get()).db);
    await t.say('입문교육 끝나면 언제부터 운행해요', { user: 'fe-1' });
    expect(textOf(await t.say('그게 언제쯤이에요? 010-1357-2468', { user: 'fe-1' }))).toContain('담당부서에서');
    await t.say('처음 로그인하는데 비밀번호 설정을 어떻게 해요', { user: 'fe-2' });
    expect(textOf(await t.say('그래도 안돼요', { user: 'fe-2' }))).toContain('주변에 휴대폰 사용이 익숙한 분');
    await t.say('그게 언제쯤이에요? 010-1357-2468', { user: 'fe-3' });
    await t.say(KNOWN_WORDS, { user: 'fe-4' });
    await t.recorder?.flush();
  });
  afterAll(() => t.close());

  it('records each follow-up as an answer without its text; the same text with nothing to follow is a kept fallback, masked as the turn log masks (the event thread knows the bot\'s words)', async () => {
    const rows = await (await t.events.get()).db.selectFrom('turn_events').select(['intent', 'outcome', 'text']).orderBy('id').execute();
    expect(rows).toEqual([
      { intent: 'faq.start_driving', outcome: 'answered', text: null },
      { intent: 'faq.start_driving', outcome: 'answered', text: null },
      { intent: 'faq.first_login', outcome: 'answered', text: null },
      { intent: 'help.login', outcome: 'answered', text: null },
      { intent: 'None', outcome: 'fallback', text: '그게 언제쯤이에요? 010-****-2468' },
      expect.objectContaining({ text: '어디가 지역본부인데요 몰라서요 저는 [이름 가림]인데요' }),
    ]);
  });

  it('the overview names a follow-up rule\'s answer by its label', async () => {
    const viewer = await login(t.admin, VIEWER);
    const stats = await request(t.admin).get('/console/api/stats').set('cookie', viewer.cookie);
    expect(stats.body.topIntents).toEqual(expect.arrayContaining([expect.objectContaining({ intent: 'help.login', label: '로그인이 안 될 때' })]));
  });
});
