/**
 * Console API bodies are read by the shared reader (src/http/body.ts), as /skill, /nlu/parse and the simulator read
 * theirs: 415 for another media type or any content-encoding, 413 over 16 KB, 400 for bad JSON, each a JSON error,
 * on every route that takes a body (the content routes included), and before the session is even looked at: a
 * refused body changes no row.
 */
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import request from 'supertest';
import type { Database } from '../../src/events';
import { makeTestApp, type TestApp } from '../helpers/app';
import { addTestUsers, EDITOR, login, snapshot, type Login } from './helpers';

let t: TestApp;
let db: Kysely<Database>;
let editor: Login;

beforeAll(async () => {
  t = await makeTestApp();
  db = (await t.events.get()).db;
  await addTestUsers(db);
  await t.say('교육비 환급 되나요', { user: 'bodies-1' });
  await t.recorder?.flush();
  editor = await login(t.admin, EDITOR);
});
afterAll(() => t.close());

/** Every console API route that takes a body, with a body it would accept. */
const ROUTES: Array<['post' | 'put', string, object]> = [
  ['post', 'login', EDITOR],
  ['post', 'logout', {}],
  ['post', 'inbox/1/label', { intent: 'faq.signup' }],
  ['post', 'inbox/1/out-of-scope', {}],
  ['post', 'inbox/1/ignore', {}],
  ['post', 'inbox/bulk', { ids: [1], action: 'ignore' }],
  ['put', 'content/responses/faq.signup', { label: '회원가입', bubbles: [{ text: '가입해 주세요' }] }],
  ['post', 'content/intents/faq.signup/utterances', { text: '가입은 어디서 하나요' }],
  ['put', 'content/synonyms', { synonyms: { 비밀번호: ['비번'] } }],
  ['put', 'content/facts', { facts: { 'fact.site_address': { faqs: ['faq.signup'], all: [['사이트'], ['주소']] } } }],
  ['post', 'content/preview/faq.signup', { label: '회원가입', bubbles: [{ text: '가입해 주세요' }] }],
  ['post', 'content/validate', {}],
  ['post', 'publish', { summary: '고침', baseVersion: 1 }],
  ['post', 'rollback', { version: 1 }],
];

const send = (method: 'post' | 'put', path: string, headers: Record<string, string>, body: string | Buffer) =>
  request(t.admin)[method](`/console/api/${path}`).set({ cookie: editor.cookie, 'x-csrf-token': editor.csrf, ...headers }).send(body);

describe.each(ROUTES)('%s %s', (method, path, body) => {
  const json = JSON.stringify(body);
  const cases: Array<[string, Record<string, string>, string | Buffer, number, string]> = [
    ['a gzip body', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, zlib.gzipSync(json), 415, 'unsupported content encoding'],
    ['a deflate body', { 'content-type': 'application/json', 'content-encoding': 'deflate' }, zlib.deflateSync(json), 415, 'unsupported content encoding'],
    ['text/plain', { 'content-type': 'text/plain' }, json, 415, 'content-type must be application/json'],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'intent=faq.signup', 415, 'content-type must be application/json'],
    ['over 16 KB', { 'content-type': 'application/json' }, JSON.stringify({ ...body, pad: 'x'.repeat(17 * 1024) }), 413, 'request body is too large (limit 16 KB)'],
    ['bad JSON', { 'content-type': 'application/json' }, '{"intent": ', 400, 'request body is not valid JSON'],
  ];

  it.each(cases)('refuses %s with a JSON error and changes no row', async (_name, headers, payload, status, error) => {
    const before = await snapshot(db);
    const res = await send(method, path, headers, payload);
    expect([res.status, res.body]).toEqual([status, { error }]);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(await snapshot(db)).toBe(before);
  });
});

describe('what is still accepted', () => {
  it('a change with no body at all, and JSON with a charset', async () => {
    const items = (await request(t.admin).get('/console/api/inbox').set('cookie', editor.cookie)).body.items as Array<{ id: number }>;
    expect(items.length).toBeGreaterThan(0);
    const ignored = await request(t.admin).post(`/console/api/inbox/${items[0].id}/ignore`).set({ cookie: editor.cookie, 'x-csrf-token': editor.csrf });
    expect(ignored.status).toBe(200);
    const label = await send('post', `inbox/${items[0].id}/label`, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ intent: 'faq.signup' }));
    expect([label.status, label.body.item.state]).toEqual([200, 'done']);
    const other = await login(t.admin, EDITOR);
    expect((await request(t.admin).post('/console/api/logout').set({ cookie: other.cookie, 'x-csrf-token': other.csrf })).status).toBe(204);
  });
});
