/** Issue #14's console API through the real app (CONTENT_VERSIONS=on): edit the draft, validate, publish, roll back. */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { copyContent } from '../helpers/content';
import { makeTestApp, textOf, type TestApp } from '../helpers/app';
import { tempDb, waitFor } from '../tools/helpers';
import { addTestUsers, EDITOR, login, snapshot, VIEWER, type Login } from './helpers';

const api = (p: string) => `/console/api/${p}`;
const NEW_TEXT = '콘솔에서 고친 회원가입 답변이에요. 파트너 교육 사이트에서 가입해 주세요.';

let t: TestApp;
let editor: Login;
let viewer: Login;
const as = (who: Login) => ({ cookie: who.cookie });
const change = (who: Login) => ({ cookie: who.cookie, 'x-csrf-token': who.csrf });

beforeAll(async () => {
  const dir = copyContent('content-api');
  fs.cpSync(path.join(__dirname, '../nlu'), path.join(dir, 'test/nlu'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  t = await makeTestApp({ CONTENT_DIR: dir, CONTENT_VERSIONS: 'on', EVENTS_DB: tempDb('content-api') });
  await waitFor(() => t.runtime()?.version, 60_000);
  await addTestUsers((await t.events.get()).db);
  editor = await login(t.admin, EDITOR);
  viewer = await login(t.admin, VIEWER);
}, 120_000);
afterAll(() => t?.close());

const signup = async () => textOf(await t.say('회원가입 꼭 해야 하나요', { user: `u-${Math.random()}` }));

describe('content API', () => {
  it('shows the draft (the live version before any edit)', async () => {
    const res = await request(t.admin).get(api('content')).set(as(viewer));
    expect(res.status).toBe(200);
    expect(res.body.baseVersion).toBe(1);
    expect(res.body.responses['faq.signup'].label).toBe('회원가입 필요?');
    expect(res.body.intents['faq.signup'].length).toBeGreaterThan(10);
    expect(res.body.synonyms).toHaveProperty('비밀번호');
    expect(res.body.facts['fact.site_address'].faqs).toContain('faq.signup');
    expect(res.body.intents).not.toHaveProperty('undefined'); // intents/_facts.yml is not an intent
  });

  it('edits the fact rules whole: a viewer and a missing CSRF header are refused (403); a bad rule is 422 with the field; comments stay', async () => {
    const facts = (await request(t.admin).get(api('content')).set(as(editor))).body.facts;
    const edited = { ...facts, 'fact.site_address': { ...facts['fact.site_address'], unless: [...facts['fact.site_address'].unless, '접속 불가'] } };
    expect((await request(t.admin).put(api('content/facts')).set(change(viewer)).send({ facts: edited })).status).toBe(403);
    expect((await request(t.admin).put(api('content/facts')).set(as(editor)).send({ facts: edited })).status).toBe(403);
    const bad = await request(t.admin).put(api('content/facts')).set(change(editor)).send({ facts: { ...edited, 'fact.site_address': { faqs: [], all: [['사이트']] } } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ file: 'intents/_facts.yml', field: 'facts.fact.site_address.faqs' }));
    const unknown = await request(t.admin).put(api('content/facts')).set(change(editor)).send({ facts: { ...edited, 'fact.site_address': { ...edited['fact.site_address'], faqs: ['faq.nowhere'] } } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ file: 'intents/_facts.yml', field: 'facts.fact.site_address.faqs[0]' }));
    expect((await request(t.admin).get(api('content')).set(as(editor))).body.facts['fact.site_address'].unless).not.toContain('접속 불가');
    const ok = await request(t.admin).put(api('content/facts')).set(change(editor)).send({ facts: edited });
    expect([ok.status, ok.body]).toEqual([200, { ok: true, errors: [] }]);
    const draft = await t.content()!.versions.draft();
    expect(draft!.files['intents/_facts.yml']).toMatch(/^# Facts partners ask on their own/); // the header stays
    expect(draft!.files['intents/_facts.yml']).toContain('접속 불가]');
    expect((await request(t.admin).get(api('content')).set(as(editor))).body.facts['fact.site_address'].unless).toContain('접속 불가');
  });

  it('refuses edits from a viewer (403) and without the CSRF header (403)', async () => {
    const body = { label: '회원가입', bubbles: [{ text: 'x' }] };
    expect((await request(t.admin).put(api('content/responses/faq.signup')).set(change(viewer)).send(body)).status).toBe(403);
    expect((await request(t.admin).put(api('content/responses/faq.signup')).set(as(editor)).send(body)).status).toBe(403);
  });

  it('checks every edit like npm run validate, naming the file and field (422), and saves nothing then', async () => {
    const long = await request(t.admin).put(api('content/responses/faq.signup')).set(change(editor)).send({ label: '열네 글자를 훌쩍 넘는 아주 긴 라벨입니다', bubbles: [{ text: 'x' }] });
    expect(long.status).toBe(422);
    expect(long.body.errors).toContainEqual(expect.objectContaining({ file: 'responses/faq.signup.yml', field: 'faq.signup.label' }));
    const dangling = await request(t.admin).put(api('content/responses/faq.signup')).set(change(editor)).send({ label: '회원가입', bubbles: [{ text: 'x' }], quickReplies: [{ intent: 'faq.nowhere' }] });
    expect(dangling.status).toBe(422);
    expect(dangling.body.errors).toContainEqual(expect.objectContaining({ field: 'faq.signup.quickReplies[0]', message: expect.stringContaining('faq.nowhere') }));
    expect((await request(t.admin).get(api('content')).set(as(editor))).body.responses['faq.signup'].label).toBe('회원가입 필요?');
  });

  it('edits an answer and adds an utterance, then publishes: the bot answers the new text; a stale base is 409', async () => {
    const current = (await request(t.admin).get(api('content')).set(as(editor))).body.responses['faq.signup'];
    const edited = { ...current, bubbles: [{ text: NEW_TEXT }, ...current.bubbles.slice(1)] };
    const put = await request(t.admin).put(api('content/responses/faq.signup')).set(change(editor)).send(edited);
    expect(put.body).toEqual({ ok: true, errors: [] });
    const utt = await request(t.admin).post(api('content/intents/faq.signup/utterances')).set(change(editor)).send({ text: '가입 절차 꼭 밟아야 되나' });
    expect(utt.body).toEqual({ ok: true, errors: [] });
    expect((await request(t.admin).post(api('content/intents/faq.nope/utterances')).set(change(editor)).send({ text: 'x' })).status).toBe(404);
    expect((await request(t.admin).post(api('content/validate')).set(change(editor)).send({})).body).toEqual({ errors: [] });
    expect(await signup()).not.toContain(NEW_TEXT); // a draft is not live

    const pub = await request(t.admin).post(api('publish')).set(change(editor)).send({ summary: '회원가입 답변 수정', baseVersion: 1 });
    expect(pub.status).toBe(200);
    expect(pub.body.version).toBe(2);
    expect(pub.body.eval.passed).toBe(true);
    expect(await signup()).toContain(NEW_TEXT);
    expect((await request(t.app).get('/readyz')).body.version).toBe('v2');
    expect((await request(t.admin).get('/metrics')).text).toMatch(/^bluebot_content_version 2$/m); // /metrics is on the admin app
    await t.say('회원가입 꼭 해야 하나요', { user: 'events-version' });
    await t.recorder?.flush();
    const { db } = await t.events.get();
    const last = await db.selectFrom('turn_events').select(['content_version']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    expect(last?.content_version).toBe('v2'); // on every event

    const versions = (await request(t.admin).get(api('versions')).set(as(viewer))).body;
    expect(versions.live).toBe(2);
    expect(versions.versions.map((v: { version: number; author: string; summary: string }) => [v.version, v.author, v.summary])).toEqual([
      [2, 'mina', '회원가입 답변 수정'],
      [1, 'files', 'imported from the files'],
    ]);
    const stale = await request(t.admin).post(api('publish')).set(change(editor)).send({ summary: 'again', baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await request(t.admin).get(api('publish/status')).set(as(viewer))).body).toEqual({ state: 'idle', progress: 0, startedAt: null });
  }, 120_000);

  it('rolls back in one call without retraining, and audits it', async () => {
    const res = await request(t.admin).post(api('rollback')).set(change(editor)).send({ version: 1 });
    expect(res.body).toEqual({ live: 1 });
    expect(await signup()).not.toContain(NEW_TEXT);
    expect((await request(t.admin).post(api('rollback')).set(change(editor)).send({ version: 9 })).status).toBe(404);
    const auditItems = (await request(t.admin).get(api('audit')).set(as(editor))).body.items.map((i: { action: string }) => i.action);
    expect(auditItems).toEqual(expect.arrayContaining(['content.rollback', 'content.publish', 'content.response', 'content.utterance']));
  }, 60_000);
});

describe('content API with CONTENT_VERSIONS=off', () => {
  it('answers 503 saying how to turn it on', async () => {
    const off = await makeTestApp({ EVENTS_DB: tempDb('content-off') });
    try {
      await addTestUsers((await off.events.get()).db);
      const who = await login(off.admin, EDITOR);
      const res = await request(off.admin).get(api('versions')).set(as(who));
      expect(res.status).toBe(503);
      expect(res.body.error).toMatch(/CONTENT_VERSIONS=on/);
    } finally {
      await off.close();
    }
  }, 60_000);
});

describe('a pending label taken out (빼기)', () => {
  it('goes back to the inbox as a new question, unlabelled, with an audit entry; refusals change nothing', async () => {
    const { db } = await t.events.get();
    const now = Date.now();
    const text = '택시 요금 얼마예요 빼기 시험';
    const { id } = await db
      .insertInto('inbox_groups')
      .values({ key: text, text, count: 2, first_seen: now, last_seen: now, guess_intent: 'faq.signup', guess_score: 0.4, state: 'done', label: 'faq.signup', acted_by: 'mina', acted_at: now, exported_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('inbox_texts').values({ key: text, group_id: id, text, count: 2, last_seen: now }).execute();
    const pendingIds = async () => ((await request(t.admin).get(api('content/pending')).set(as(viewer))).body.items as Array<{ id: number }>).map((p) => p.id);
    expect(await pendingIds()).toContain(id);

    const before = await snapshot(db);
    expect((await request(t.admin).post(api(`inbox/${id}/reopen`)).set(change(viewer)).send({})).status).toBe(403);
    expect((await request(t.admin).post(api(`inbox/${id}/reopen`)).set(as(editor)).send({})).status).toBe(403);
    expect((await request(t.admin).post(api(`inbox/${id}/reopen`)).set(change(editor)).send({ intent: 'x' })).status).toBe(400);
    expect((await request(t.admin).post(api('inbox/999999/reopen')).set(change(editor)).send({})).status).toBe(404);
    expect(await snapshot(db)).toBe(before);

    const res = await request(t.admin).post(api(`inbox/${id}/reopen`)).set(change(editor)).send({});
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({ id, text, count: 2, state: 'new', label: null, actedBy: null, actedAt: null });
    expect(await pendingIds()).not.toContain(id);
    const inbox = (await request(t.admin).get(api('inbox?state=new')).set(as(viewer))).body.items as Array<{ id: number }>;
    expect(inbox.map((i) => i.id)).toContain(id);
    const entry = (await request(t.admin).get(api('audit')).set(as(editor))).body.items[0];
    expect(entry).toMatchObject({ actor: EDITOR.name, action: 'inbox.reopen', target: `inbox:${id}`, detail: { from: 'done', label: 'faq.signup' } });

    const again = await request(t.admin).post(api(`inbox/${id}/reopen`)).set(change(editor)).send({});
    expect([again.status, again.body.error]).toEqual([409, expect.stringContaining('new question already')]);
  });
});
