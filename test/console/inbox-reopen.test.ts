/**
 * An inbox item sent back to the inbox (`POST inbox/:id/reopen`, the content page's 빼기) counts new similar
 * utterances again, through the real app: in the process that wrote it, on another instance sharing the store, and
 * after a restart. The writer's similarity index keeps every group it holds, whatever its state, and reads the state
 * from the database when it places a text (src/events/inbox.ts).
 */
import request from 'supertest';
import { bigrams, groupKey, jaccard, MERGE_THRESHOLD } from '../../src/events';
import { createNormalizer } from '../../src/nlu/normalize';
import { loadContent } from '../../src/content';
import { makeTestApp, ROOT, type TestApp } from '../helpers/app';
import { describePg, freshPgDatabase } from '../events/pg';
import { tempDb } from '../tools/helpers';
import { addTestUsers, EDITOR, login, type Login } from './helpers';

/** Three fallbacks, each similar to the first: the second is written while the first is labelled. */
const FIRST = '오늘 점심 메뉴 추천해 줄 수 있어';
const WHILE_DONE = '오늘 점심 메뉴 추천해 줄 수 있어 혹시';
const AFTER_REOPEN = '혹시 오늘 점심 메뉴 추천해 줄 수 있니';
const UNRELATED = '주말에 볼 만한 영화 추천 좀';

const api = (p: string) => `/console/api/${p}`;
interface Item {
  id: number;
  text: string;
  count: number;
  state: string;
  examples: string[];
}

class Instance {
  private constructor(readonly t: TestApp, readonly editor: Login) {}

  static async start(env: Record<string, string>, users = false): Promise<Instance> {
    const t = await makeTestApp(env);
    if (users) await addTestUsers((await t.events.get()).db);
    return new Instance(t, await login(t.admin, EDITOR));
  }

  /** Say `text` as a new user and wait until its event and the inbox counts are written. */
  async miss(text: string): Promise<void> {
    await this.t.say(text, { user: `reopen-${Math.random()}` });
    await this.t.recorder?.flush();
  }

  async items(state: 'new' | 'done' | 'ignored' = 'new'): Promise<Item[]> {
    const res = await request(this.t.admin).get(api(`inbox?state=${state}`)).set('cookie', this.editor.cookie);
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  }

  async act(id: number, action: 'label' | 'ignore' | 'reopen'): Promise<Item> {
    const res = await request(this.t.admin)
      .post(api(`inbox/${id}/${action}`))
      .set({ cookie: this.editor.cookie, 'x-csrf-token': this.editor.csrf })
      .send(action === 'label' ? { intent: 'faq.signup' } : {});
    expect([action, res.status]).toEqual([action, 200]);
    return res.body.item as Item;
  }

  close(): Promise<void> {
    return this.t.close();
  }
}

/** Item of the group holding `text` (as its sample or an example), in any state. */
async function groupOf(at: Instance, text: string): Promise<Item | undefined> {
  for (const state of ['new', 'done', 'ignored'] as const) {
    const hit = (await at.items(state)).find((i) => i.text === text || i.examples.includes(text));
    if (hit) return hit;
  }
  return undefined;
}

test('the three texts group together by the writer measure (else the tests below prove nothing)', async () => {
  const content = loadContent(ROOT);
  const normalize = createNormalizer(content.synonyms);
  const grams = (s: string) => bigrams(groupKey(s, normalize));
  expect(jaccard(grams(FIRST), grams(WHILE_DONE))).toBeGreaterThanOrEqual(MERGE_THRESHOLD);
  expect(jaccard(grams(FIRST), grams(AFTER_REOPEN))).toBeGreaterThanOrEqual(MERGE_THRESHOLD);
  expect(new Set([FIRST, WHILE_DONE, AFTER_REOPEN].map((s) => groupKey(s, normalize))).size).toBe(3);
});

/**
 * `writer` says the texts, `console` acts: FIRST makes a group, which is labelled; WHILE_DONE comes while it is done and
 * founds its own group (ignored at once, so that it is no candidate); FIRST's group is reopened; AFTER_REOPEN must count
 * into it, not found a third group.
 */
async function reopenScenario(writer: Instance, console: Instance): Promise<void> {
  await writer.miss(FIRST);
  const first = await groupOf(console, FIRST);
  expect(first).toMatchObject({ text: FIRST, count: 1, state: 'new' });
  await console.act(first!.id, 'label');
  await writer.miss(WHILE_DONE);
  const second = await groupOf(console, WHILE_DONE);
  expect(second).toMatchObject({ text: WHILE_DONE, state: 'new' });
  expect(second!.id).not.toBe(first!.id);
  await console.act(second!.id, 'ignore');

  expect(await console.act(first!.id, 'reopen')).toMatchObject({ id: first!.id, state: 'new', count: 1 });
  await writer.miss(AFTER_REOPEN);
  const after = await groupOf(console, AFTER_REOPEN);
  expect(after).toMatchObject({ id: first!.id, text: FIRST, count: 2, state: 'new', examples: [AFTER_REOPEN] });
  expect((await console.items('new')).map((i) => i.text)).toEqual([FIRST]);
}

describe('a reopened inbox item counts new similar utterances (SQLite)', () => {
  it('in the process that wrote it', async () => {
    const one = await Instance.start({ EVENTS_DB: tempDb('reopen-one') }, true);
    try {
      await reopenScenario(one, one);
    } finally {
      await one.close();
    }
  }, 120_000);

  it('when another instance sharing the store reopens it', async () => {
    const db = tempDb('reopen-two');
    const a = await Instance.start({ EVENTS_DB: db }, true);
    const b = await Instance.start({ EVENTS_DB: db });
    try {
      await reopenScenario(a, b);
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);

  it('when it was labelled before a restart and reopened after it', async () => {
    const db = tempDb('reopen-restart');
    const before = await Instance.start({ EVENTS_DB: db }, true);
    await before.miss(FIRST);
    const first = (await groupOf(before, FIRST))!;
    await before.act(first.id, 'label');
    await before.close();

    const after = await Instance.start({ EVENTS_DB: db });
    try {
      await after.miss(UNRELATED); // the index loads with this write, while FIRST's group is done
      expect(await groupOf(after, UNRELATED)).toMatchObject({ count: 1, state: 'new' });
      await after.act(first.id, 'reopen');
      await after.miss(AFTER_REOPEN);
      expect(await groupOf(after, AFTER_REOPEN)).toMatchObject({ id: first.id, count: 2, state: 'new' });
    } finally {
      await after.close();
    }
  }, 120_000);
});

describePg('a reopened inbox item counts new similar utterances (PostgreSQL, two instances)', () => {
  it('when another instance reopens it', async () => {
    const pg = await freshPgDatabase();
    const a = await Instance.start({ DATABASE_URL: pg.url }, true);
    const b = await Instance.start({ DATABASE_URL: pg.url });
    try {
      await reopenScenario(a, b);
    } finally {
      await a.close();
      await b.close();
      await pg.drop();
    }
  }, 120_000);
});
