/**
 * Console edits keep the YAML comments of the file they rewrite (answers in responses/*.yml, utterances in
 * intents/*.yml), as the synonyms save does: through the console API on a real content copy, the saved draft's file
 * keeps the comments above the entries that were not edited, the file's header, and its anchors' users.
 */
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import request from 'supertest';
import { copyContent } from '../helpers/content';
import { makeTestApp, type TestApp } from '../helpers/app';
import { tempDb, waitFor } from '../tools/helpers';
import { addTestUsers, EDITOR, login, type Login } from './helpers';

const api = (p: string) => `/console/api/${p}`;
const VIDEO_NOTE = '# the video topic: players, sound, progress (support team note)';
const UTTERANCE_NOTE = '  # written from a partner call (support team note)';
const NEW_DESCRIPTION = '죄송해요, 수료증 발급이나 재발급은 여기서는 답변드릴 수 없어요. 파트너교육가이드센터(1533-0301)로 문의해 주세요.';

let t: TestApp;
let dir: string;
let editor: Login;
const change = () => ({ cookie: editor.cookie, 'x-csrf-token': editor.csrf });
const comments = (yaml: string) => yaml.split('\n').filter((l) => l.trim().startsWith('#')).map((l) => l.trim());

/** The draft's text of `file`, as saved by the console. */
async function draftFile(file: string): Promise<string> {
  const row = await (await t.events.get()).db.selectFrom('content_draft').select('files').executeTakeFirstOrThrow();
  return (JSON.parse(row.files) as Record<string, string>)[file];
}

beforeAll(async () => {
  dir = copyContent('content-comments');
  fs.cpSync(path.join(__dirname, '../nlu'), path.join(dir, 'test/nlu'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  const oos = path.join(dir, 'responses/oos.yml');
  fs.writeFileSync(oos, fs.readFileSync(oos, 'utf8').replace(/^oos\.video:/m, `${VIDEO_NOTE}\noos.video:`));
  const signup = path.join(dir, 'intents/faq.signup.yml');
  fs.writeFileSync(signup, fs.readFileSync(signup, 'utf8').replace(/^( {2}- 회원가입은 어디서 하나요)$/m, `${UTTERANCE_NOTE}\n$1`));
  t = await makeTestApp({ CONTENT_DIR: dir, CONTENT_VERSIONS: 'on', EVENTS_DB: tempDb('content-comments') });
  await waitFor(() => t.runtime()?.version, 60_000);
  await addTestUsers((await t.events.get()).db);
  editor = await login(t.admin, EDITOR);
}, 120_000);
afterAll(() => t?.close());

it('an answer edited from the console: the file keeps its comments, other entries and their anchors', async () => {
  const file = 'responses/oos.yml';
  const before = fs.readFileSync(path.join(dir, file), 'utf8');
  expect(before).toContain(`${VIDEO_NOTE}\noos.video:`);
  const current = (await request(t.admin).get(api('content')).set('cookie', editor.cookie)).body.responses['oos.certificate'];
  const edited = { ...current, bubbles: [{ card: { ...current.bubbles[0].card, description: NEW_DESCRIPTION } }] };
  const res = await request(t.admin).put(api('content/responses/oos.certificate')).set(change()).send(edited);
  expect(res.body).toEqual({ ok: true, errors: [] });

  const after = await draftFile(file);
  expect(after).toContain(NEW_DESCRIPTION);
  expect(comments(after)).toEqual(comments(before));
  expect(after).toContain(`${VIDEO_NOTE}\noos.video:`);
  const was = load(before) as Record<string, unknown>;
  const now = load(after) as Record<string, { quickReplies?: unknown }>;
  expect(Object.keys(now)).toEqual(Object.keys(was));
  for (const id of Object.keys(was).filter((k) => k !== 'oos.certificate')) expect([id, now[id]]).toEqual([id, was[id]]);
  expect(now['oos.video'].quickReplies).toEqual([{ intent: 'greeting' }, { intent: 'handoff' }]); // it used oos.certificate's anchor
});

it('an utterance added from the console: the intent file keeps its comments', async () => {
  const file = 'intents/faq.signup.yml';
  const before = fs.readFileSync(path.join(dir, file), 'utf8');
  expect(before).toContain(UTTERANCE_NOTE);
  const text = '교육 사이트 가입 꼭 해야 하는지 궁금해요';
  const res = await request(t.admin).post(api('content/intents/faq.signup/utterances')).set(change()).send({ text });
  expect(res.body).toEqual({ ok: true, errors: [] });

  const after = await draftFile(file);
  expect(comments(after)).toEqual(comments(before));
  expect(after).toContain(`${UTTERANCE_NOTE}\n  - 회원가입은 어디서 하나요`);
  expect((load(after) as { utterances: string[] }).utterances).toEqual([...(load(before) as { utterances: string[] }).utterances, text]);
});

it('the entries not edited keep their lines, flow collections and aliases included', async () => {
  const file = 'responses/oos.yml';
  const before = fs.readFileSync(path.join(dir, file), 'utf8');
  const after = await draftFile(file);
  // oos.certificate (edited above) held the `&more` anchor: its first user holds it now, the others are as they were
  const from = (yaml: string, key: string) => yaml.slice(yaml.indexOf(`\n${key}:`));
  expect(from(after, 'oos.site_error')).toBe(from(before, 'oos.site_error'));
  const video = (yaml: string) => from(yaml, 'oos.video').slice(0, from(yaml, 'oos.video').indexOf('\noos.site_error:'));
  expect(video(after)).toBe(video(before).replace('quickReplies: *more', 'quickReplies: &more\n    - intent: greeting\n    - intent: handoff'));
});
