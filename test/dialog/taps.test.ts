/**
 * Issue #12, item 9: `clientExtra.intent` may only name answerable intents (FAQs, out-of-scope topics, the public
 * control intents and what our own buttons tap), `clientExtra.action` only actions a flow defines; anything else is
 * read as the text it came with.
 */
import request from 'supertest';
import { makeTestApp, textOf, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const metricsText = async () => (await request(t.admin).get('/metrics')).text;

describe('taps naming internal response ids are read as text', () => {
  it.each(['reset.confirm', 'reset.give_up', 'system.error', 'system.rate_limited', 'dialog.resume', 'None.again'])('%s', async (intent) => {
    const text = textOf(await t.say('리프레시 교육이 뭐예요?', { user: `tap-${intent}`, extra: { intent } }));
    expect(text).not.toMatch(/\{(phone|birthdate|name)\}/);
    expect(text).not.toContain('입력하신 정보는 지웠어요');
    expect(text).toContain('리프레시 교육은'); // the text it came with was answered
  });

  it('system.error cannot be tapped to inflate the error metric', async () => {
    await t.say('리프레시 교육이 뭐예요?', { user: 'tap-error-metric', extra: { intent: 'system.error' } });
    expect(await metricsText()).not.toMatch(/bluebot_turns_total\{intent="system\.error"/);
  });

  it('an action no flow defines is read as text', async () => {
    const text = textOf(await t.say('리프레시 교육이 뭐예요?', { user: 'tap-bad-action', extra: { action: 'reset.nowhere' } }));
    expect(text).toContain('리프레시 교육은');
  });

  it('answerable intents and our own buttons still work by tap', async () => {
    expect(textOf(await t.say('아무 글자', { user: 'tap-ok-1', extra: { intent: 'faq.signup' } }))).toContain('회원가입');
    expect(textOf(await t.say('아무 글자', { user: 'tap-ok-2', extra: { intent: 'handoff' } }))).toContain('1533-0301');
    expect(textOf(await t.say('스피커폰', { user: 'tap-ok-3', extra: { intent: 'login.help.speaker' } }))).toContain('스피커');
  });
});
