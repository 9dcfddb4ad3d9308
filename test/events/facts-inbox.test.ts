/**
 * The support team sees what the fact rules decided: a rule's answer that NLP.js did not agree with is kept for the
 * inbox (masked, like any low-confidence answer) with the fact it answered as the bot's guess, named by its label in
 * the console; one NLP.js agreed with is not kept. A text staff mark out of scope, once in the training data (a
 * publish), stops the rule for that question.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { makeTestApp, textOf, type TestApp } from '../helpers/app';
import { copyContent } from '../helpers/content';
import { addTestUsers, login, VIEWER } from '../console/helpers';

const OVERRULED = '사이트 주소 누르니까 이상한 광고가 떠요 제 번호 010-3344-5566'; // NLP.js alone: not an answer of the site's FAQs
const MASKED = '사이트 주소 누르니까 이상한 광고가 떠요 제 번호 010-****-5566';
const AGREED = '비밀번호는 얼마나 자주 바꿔야 하나요'; // NLP.js alone: first_login 0.84, an FAQ that holds the fact
const MARKED = '사이트 주소 누르니까 이상한 광고가 떠요';

describe('a fact rule that overruled NLP.js', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    await addTestUsers((await t.events.get()).db);
    expect(textOf(await t.say(OVERRULED, { user: 'fi-1' }))).toContain('partner.kakaomobility.com');
    expect(textOf(await t.say(AGREED, { user: 'fi-2' }))).toContain('6개월(180일)');
    await t.recorder?.flush();
  });
  afterAll(() => t.close());

  it('is kept masked for the inbox, with the fact as the guess; an answer NLP.js agreed with is not kept', async () => {
    const rows = await (await t.events.get()).db.selectFrom('turn_events').select(['intent', 'outcome', 'text', 'guess_intent', 'guess_score', 'score']).orderBy('id').execute();
    expect(rows).toEqual([
      { intent: 'fact.site_address', outcome: 'answered', text: MASKED, guess_intent: 'fact.site_address', guess_score: null, score: 1 },
      { intent: 'fact.password_period', outcome: 'answered', text: null, guess_intent: null, guess_score: null, score: 1 },
    ]);
    const viewer = await login(t.admin, VIEWER);
    const inbox = await request(t.admin).get('/console/api/inbox').set('cookie', viewer.cookie);
    expect(inbox.body.items).toEqual([expect.objectContaining({ text: MASKED, count: 1, guess: { intent: 'fact.site_address', score: null } })]);
    const stats = await request(t.admin).get('/console/api/stats').set('cookie', viewer.cookie);
    expect(stats.body.topIntents).toEqual(expect.arrayContaining([expect.objectContaining({ intent: 'fact.site_address', label: '사이트 주소' })]));
  });
});

/** The app on a copy of the content whose intent file `intent` has one more utterance (what a publish of an inbox label writes). */
function withUtterance(intent: string, text: string): () => TestApp {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = copyContent('facts-labelled');
    fs.appendFileSync(path.join(dir, 'intents', `${intent}.yml`), `  - ${text}\n`);
    t = await makeTestApp({ CONTENT_DIR: dir });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => t;
}

describe('the same text once marked out of scope (in intents/None.yml, as a publish of the inbox label writes it)', () => {
  const app = withUtterance('None', MARKED);

  it('is no longer answered by the rule; other questions of the rule still are', async () => {
    expect(textOf(await app().say(MARKED, { user: 'fm-1' }))).not.toContain('partner.kakaomobility.com');
    expect(textOf(await app().say('사이트 주소 알려주세요', { user: 'fm-2' }))).toContain('partner.kakaomobility.com');
  });
});

describe('a right fact answer confirmed by labelling its text to one of the fact\'s FAQs (in intents/, as a publish writes it)', () => {
  const CONFIRMED = '사이트 주소 알려주세요';
  const app = withUtterance('faq.signup', CONFIRMED);

  it('is still answered with the fact, and no longer kept for the inbox (NLP.js now agrees)', async () => {
    expect(textOf(await app().say(CONFIRMED, { user: 'fc-1' }))).toContain('partner.kakaomobility.com');
    await app().recorder?.flush();
    const rows = await (await app().events.get()).db.selectFrom('turn_events').select(['intent', 'text']).execute();
    expect(rows).toEqual([{ intent: 'fact.site_address', text: null }]);
  });
});
