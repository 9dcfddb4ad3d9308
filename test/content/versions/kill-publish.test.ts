/**
 * A publish cut by SIGKILL while it trains (the real server process, SQLite file): after a restart on the same database
 * the live version is unchanged, no half-written version row exists, the bot still answers from the live version, and
 * a new publish then succeeds.
 */
import request from 'supertest';
import { openEventStore, type EventStore } from '../../../src/events';
import { addTestUsers, EDITOR, login, type Login } from '../../console/helpers';
import { copyContent } from '../../helpers/content';
import { spawnServer, type ServerProcess } from '../../helpers/server-process';
import { tempDb } from '../../tools/helpers';

const api = (p: string) => `/console/api/${p}`;
const NEW_TEXT = '죽었다 살아난 서버가 게시한 회원가입 답변이에요. 파트너 교육 사이트에서 먼저 가입해 주세요.';

let dir: string;
let db: string;
const servers: ServerProcess[] = [];

async function start(): Promise<{ server: ServerProcess; admin: string; skill: string }> {
  const server = await spawnServer({ env: { CONTENT_DIR: dir, EVENTS_DB: db, CONTENT_VERSIONS: 'on', LOG_LEVEL: 'info' } });
  servers.push(server);
  await server.waitFor('admin listening (simulator, metrics, console)');
  const adminPort = server.lines.find((l) => l.message === 'admin listening (simulator, metrics, console)')!.port as number;
  return { server, admin: `http://127.0.0.1:${adminPort}`, skill: `http://127.0.0.1:${server.port}` };
}

/** Every content version row and the live pointer, read straight from the database file. */
async function rows(): Promise<{ live: number; versions: Array<{ version: number; artifact: string; artifact_hash: string; files: string }> }> {
  const store: EventStore = await openEventStore({ EVENTS_DB: db, CONTENT_DIR: dir });
  try {
    const state = await store.db.selectFrom('content_state').select('live_version').executeTakeFirstOrThrow();
    const versions = await store.db.selectFrom('content_versions').select(['version', 'artifact', 'artifact_hash', 'files']).orderBy('version').execute();
    return { live: Number(state.live_version), versions: versions.map((v) => ({ ...v, version: Number(v.version) })) };
  } finally {
    await store.close();
  }
}

async function answer(skill: string, user: string): Promise<string> {
  const res = await request(skill).post('/skill').send({ userRequest: { utterance: '회원가입 꼭 해야 하나요', user: { id: user } } });
  expect(res.status).toBe(200);
  return JSON.stringify(res.body);
}

async function editSignup(admin: string, who: Login): Promise<void> {
  const current = (await request(admin).get(api('content')).set('cookie', who.cookie)).body.responses['faq.signup'];
  const edited = { ...current, bubbles: [{ text: NEW_TEXT }, ...current.bubbles.slice(1)] };
  const put = await request(admin).put(api('content/responses/faq.signup')).set('cookie', who.cookie).set('x-csrf-token', who.csrf).send(edited);
  expect(put.body).toMatchObject({ ok: true });
}

beforeAll(async () => {
  dir = copyContent('kill-publish');
  db = tempDb('kill-publish');
  const store = await openEventStore({ EVENTS_DB: db, CONTENT_DIR: dir });
  await addTestUsers(store.db);
  await store.close();
});
afterAll(() => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
});

describe('SIGKILL in the middle of a publish', () => {
  it('leaves the live version and no half version; after a restart a new publish succeeds', async () => {
    const first = await start();
    await first.server.waitFor('content versions synced with the files');
    let editor = await login(first.admin, EDITOR);
    await editSignup(first.admin, editor);
    const before = await rows();
    expect(before.live).toBe(1);
    expect(before.versions.map((v) => v.version)).toEqual([1]);

    // start the publish (its answer never comes: the process dies), then kill while it trains
    const publishing = request(first.admin).post(api('publish')).set('cookie', editor.cookie).set('x-csrf-token', editor.csrf)
      .send({ summary: '학습 중에 죽는 게시', baseVersion: 1 }).then((r) => r.status, (err: Error) => err.message);
    const until = Date.now() + 60_000;
    let state = 'idle';
    while (state !== 'training' && Date.now() < until) {
      state = (await request(first.admin).get(api('publish/status')).set('cookie', editor.cookie)).body.state as string;
      if (state !== 'training') await new Promise((r) => setTimeout(r, 20));
    }
    expect(state).toBe('training');
    first.server.child.kill('SIGKILL');
    expect((await first.server.exited).signal).toBe('SIGKILL');
    expect(String(await publishing)).toMatch(/socket hang up|ECONNRESET|ECONNREFUSED/);

    const after = await rows();
    expect(after.live).toBe(1);
    expect(after.versions.map((v) => v.version)).toEqual([1]); // no version 2, whole or half
    expect(after.versions[0]).toEqual(before.versions[0]); // version 1 untouched

    const second = await start();
    await second.server.waitFor('content versions synced with the files');
    expect(await answer(second.skill, 'k1')).not.toContain(NEW_TEXT); // still the live version's answer
    editor = await login(second.admin, EDITOR); // sessions live in the database, a new login is still the simplest
    const versions = await request(second.admin).get(api('versions')).set('cookie', editor.cookie);
    expect(versions.body.live).toBe(1);
    expect(versions.body.versions).toHaveLength(1);
    expect((await request(second.admin).get(api('publish/status')).set('cookie', editor.cookie)).body.state).toBe('idle');

    // the draft survived the kill (it was saved before the publish); publishing it now works
    expect((await request(second.admin).get(api('content')).set('cookie', editor.cookie)).body.responses['faq.signup'].bubbles[0].text).toBe(NEW_TEXT);
    const publish = await request(second.admin).post(api('publish')).set('cookie', editor.cookie).set('x-csrf-token', editor.csrf)
      .send({ summary: '재시작 뒤 게시', baseVersion: 1 });
    expect(publish.status).toBe(200);
    expect(publish.body.version).toBe(2);
    const done = await rows();
    expect(done.live).toBe(2);
    expect(done.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(done.versions[1].artifact.length).toBeGreaterThan(1000);
    expect(await answer(second.skill, 'k2')).toContain(NEW_TEXT);

    second.server.child.kill('SIGTERM');
    expect((await second.server.exited).code).toBe(0);
  }, 240_000);
});
