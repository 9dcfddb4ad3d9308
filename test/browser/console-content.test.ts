/**
 * 답변 편집 in a real headless Chromium against the real server (CONTENT_VERSIONS=on, temp content and database):
 * edit an answer, see it in the KakaoTalk-style preview, a field error named and marked, save, publish with the eval
 * comparison, and the bot answers the new text; a rollback from the versions list. Screenshots at 390 and 1280 px.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/console';
import { copyContent } from '../helpers/content';
import { makeTestApp, ROOT, textOf, type TestApp } from '../helpers/app';
import { launchChromium, listenLocally } from '../helpers/browser';
import { tempDb, waitFor } from '../tools/helpers';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PASSWORD = 'editor-pass-7731';
const NEW_TEXT = '브라우저에서 고친 회원가입 답변이에요. 파트너 교육 사이트에서 먼저 가입해 주세요.';

let t: TestApp;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const dir = copyContent('console-content');
  fs.cpSync(path.join(ROOT, 'test/nlu'), path.join(dir, 'test/nlu'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
  t = await makeTestApp({ CONTENT_DIR: dir, CONTENT_VERSIONS: 'on', EVENTS_DB: tempDb('console-content') });
  await waitFor(() => t.runtime()?.version, 60_000);
  await addUser((await t.events.get()).db, 'kim-editor', 'editor', PASSWORD);
  await addUser((await t.events.get()).db, 'lee-viewer', 'viewer', PASSWORD);
  ({ server, base } = await listenLocally(t.admin)); // the console and the simulator's renderer live on the admin listener
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
  await t?.close();
});

async function openEditor(width: number, user = 'kim-editor'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul', ...(width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/status of (401|422)/.test(m.text()) && errors.push(m.text()));
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && errors.push(`outside request: ${r.url()}`));
  await page.goto(`${base}/console/`);
  await page.getByLabel('이름', { exact: true }).fill(user);
  await page.getByLabel('비밀번호', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.locator('#app-view').waitFor();
  await page.getByRole('link', { name: '답변 편집' }).click();
  await page.locator('#editor').waitFor({ timeout: 15_000 }).catch((err: Error) => {
    throw new Error(`${err.message}\npage errors: ${errors.join('\n')}`);
  });
  await page.locator('#preview .bubble').first().waitFor();
  return { page, errors };
}

async function screenshot(page: Page, name: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const doc = path.join(ROOT, 'docs', `${name}.png`);
  if (!fs.existsSync(doc) || process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(path.join(ARTIFACTS, `${name}.png`), doc);
}

describe('답변 편집 (Chromium)', () => {
  it('edit → live preview → field error → save → publish → the bot answers the new text; then roll back', async () => {
    const { page, errors } = await openEditor(1280);
    await page.locator('#response-id').selectOption('faq.signup');
    const text = page.locator('[data-field="faq.signup.bubbles[0].text"]');
    await text.fill(NEW_TEXT);
    await page.locator('#preview .bubble', { hasText: NEW_TEXT }).waitFor(); // the preview, drawn by the simulator's renderer
    expect(await page.locator('#preview-chips .chip').count()).toBeGreaterThan(0);

    const label = page.locator('[data-field="faq.signup.label"]');
    await label.fill('열네 글자를 훌쩍 넘는 아주 긴 라벨');
    await page.locator('#save-errors', { hasText: 'faq.signup.label' }).waitFor();
    expect(await label.getAttribute('aria-invalid')).toBe('true');
    await label.fill('회원가입 필요?');
    await page.locator('#save-errors').waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '저장 (초안)', exact: true }).click();
    await page.getByRole('button', { name: '저장했어요 ✓' }).waitFor();
    expect(textOf(await t.say('회원가입 꼭 해야 하나요', { user: 'b1' }))).not.toContain(NEW_TEXT); // a draft is not live

    await page.getByLabel('무엇을 바꿨나요').fill('회원가입 답변 문구 수정');
    await page.getByRole('button', { name: '검사 후 게시' }).click();
    await page.locator('#publish-result', { hasText: '버전 2을 게시했어요' }).waitFor({ timeout: 90_000 });
    await page.locator('#publish-result', { hasText: '정확도: 새 버전' }).waitFor();
    expect(textOf(await t.say('회원가입 꼭 해야 하나요', { user: 'b2' }))).toContain(NEW_TEXT);
    await page.locator('#versions', { hasText: '회원가입 답변 문구 수정' }).waitFor();
    await screenshot(page, 'console-content-1280');

    await page.getByRole('button', { name: '이 버전으로 되돌리기' }).click();
    await page.locator('#live', { hasText: '게시 중: v1' }).waitFor();
    expect(textOf(await t.say('회원가입 꼭 해야 하나요', { user: 'b3' }))).not.toContain(NEW_TEXT);
    expect(errors).toEqual([]);
  }, 150_000);

  it('pending labels: listed as the inbox labelled them; moved, taken out; a publish adds exactly the list', async () => {
    const { db } = await t.events.get();
    const now = Date.now();
    const seed = async (text: string, label: string) => {
      const g = await db
        .insertInto('inbox_groups')
        .values({ key: text, text, count: 1, first_seen: now, last_seen: now, guess_intent: null, guess_score: null, state: 'done', label, acted_by: 'kim-editor', acted_at: now, exported_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('inbox_texts').values({ key: text, group_id: g.id, text, count: 1, last_seen: now }).execute();
      return g.id;
    };
    const keep = await seed('교육비 돌려받는 방법 있나요', 'faq.incomplete_training');
    const move = await seed('처음 접속할 때 뭘 눌러요', 'faq.signup');
    const drop = await seed('택시 요금 얼마예요', 'faq.signup');

    const { page, errors } = await openEditor(1280);
    const rows = page.locator('#pending tr');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    await expect(rows.nth(0).textContent()).resolves.toContain('kim-editor');
    // a publish that names another list than the server's pending labels is refused
    const stale = await page.evaluate(async () => {
      const me = await (await fetch('/console/api/me')).json();
      const res = await fetch('/console/api/publish', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ summary: 'x', baseVersion: 1, pending: [] }) });
      return res.status;
    });
    expect(stale).toBe(409);

    await page.locator(`#pending tr[data-id="${move}"] select`).selectOption('faq.first_login');
    await page.locator(`#pending tr[data-id="${move}"] select`).waitFor(); // redrawn
    const reopened = page.waitForRequest((r) => r.url().endsWith(`/console/api/inbox/${drop}/reopen`));
    await page.locator(`#pending tr[data-id="${drop}"]`).getByRole('button', { name: '빼기' }).click();
    await reopened;
    await page.locator(`#pending tr[data-id="${drop}"]`).waitFor({ state: 'detached' });
    expect(await page.locator(`#pending tr[data-id="${move}"] select`).inputValue()).toBe('faq.first_login');
    await page.locator('section[aria-labelledby="h-pending"]').screenshot({ path: path.join(ARTIFACTS, 'console-content-pending-1280.png') });
    const viewer = await openEditor(390, 'lee-viewer'); // reads the list, cannot change it
    await viewer.page.locator(`#pending tr[data-id="${move}"]`, { hasText: 'faq.first_login' }).waitFor();
    expect(await viewer.page.locator('#pending select, #pending button').count()).toBe(0);
    await viewer.page.locator('section[aria-labelledby="h-pending"]').screenshot({ path: path.join(ARTIFACTS, 'console-content-pending-390-viewer.png') });
    expect(viewer.errors).toEqual([]);

    const live = (await page.evaluate(async () => (await fetch('/console/api/versions')).json())).live as number;
    await page.getByLabel('무엇을 바꿨나요').fill('받은 문장함 라벨 반영');
    await page.getByRole('button', { name: '검사 후 게시' }).click();
    await page.locator('#publish-result', { hasText: '게시했어요' }).waitFor({ timeout: 90_000 });
    const after = await page.evaluate(async () => ({ content: await (await fetch('/console/api/content')).json(), versions: await (await fetch('/console/api/versions')).json() }));
    expect(after.versions.live).toBeGreaterThan(live);
    expect(after.content.intents['faq.incomplete_training']).toContain('교육비 돌려받는 방법 있나요');
    expect(after.content.intents['faq.first_login']).toContain('처음 접속할 때 뭘 눌러요');
    expect(after.content.intents['faq.signup']).not.toContain('처음 접속할 때 뭘 눌러요');
    expect(Object.values(after.content.intents as Record<string, string[]>).flat()).not.toContain('택시 요금 얼마예요');
    await page.locator('#pending-empty').waitFor(); // published: nothing pending any more
    const groups = await db.selectFrom('inbox_groups').select(['id', 'state', 'label', 'exported_at']).where('id', 'in', [keep, move, drop]).orderBy('id').execute();
    // the one taken out (빼기) is back in the inbox as a new question, unlabelled
    expect(groups.map((g) => [g.state, g.label, g.exported_at !== null])).toEqual([['done', 'faq.incomplete_training', true], ['done', 'faq.first_login', true], ['new', null, false]]);
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]); // the deliberately stale publish above
  }, 150_000);

  it('synonyms: an editor adds a word with its variants and saves them into the draft; a viewer only reads them', async () => {
    const { page, errors } = await openEditor(1280);
    const rows = page.locator('#synonyms .ct-syn');
    const before = await rows.count();
    expect(before).toBeGreaterThan(0); // the content's own synonyms are listed
    await page.getByRole('button', { name: '+ 동의어' }).click();
    await rows.nth(before).getByLabel('기준어').fill('환급');
    await rows.nth(before).getByLabel('같은 뜻으로 쓰는 말').fill('환불 , 돌려받기,  ');
    await page.getByRole('button', { name: '동의어 저장 (초안)' }).click();
    await page.locator('#synonym-save', { hasText: '저장했어요 ✓' }).waitFor();
    const draft = await page.evaluate(async () => (await fetch('/console/api/content')).json());
    expect(draft.synonyms['환급']).toEqual(['환불', '돌려받기']);
    expect(Object.keys(draft.synonyms)).toHaveLength(before + 1); // nothing else lost
    await page.locator('#synonyms').scrollIntoViewIfNeeded();
    await page.locator('section[aria-labelledby="h-synonyms"]').screenshot({ path: path.join(ARTIFACTS, 'console-content-synonyms-1280.png') });

    // a variant over 50 characters is refused with the field named, and the draft keeps what was saved
    await rows.nth(before).getByLabel('같은 뜻으로 쓰는 말').fill(`환불, ${'돌려받'.repeat(20)}`);
    await page.getByRole('button', { name: '동의어 저장 (초안)' }).click();
    await page.locator('#synonym-errors', { hasText: '입력을 확인해 주세요' }).waitFor();
    expect(await page.locator('#synonym-errors').textContent()).toContain('synonyms');
    expect((await page.evaluate(async () => (await fetch('/console/api/content')).json())).synonyms['환급']).toEqual(['환불', '돌려받기']);

    const viewer = await openEditor(390, 'lee-viewer');
    await viewer.page.locator('#synonyms .ct-syn').first().waitFor();
    expect(await viewer.page.locator('#synonyms input:not([disabled])').count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: '동의어 저장 (초안)' }).isVisible()).toBe(false);
    expect(await viewer.page.locator('#synonyms').getByRole('button', { name: '삭제' }).count()).toBe(0);
    await viewer.page.locator('section[aria-labelledby="h-synonyms"]').screenshot({ path: path.join(ARTIFACTS, 'console-content-synonyms-390-viewer.png') });
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]); // the refused save's 400 is the browser's own log line
    expect(viewer.errors).toEqual([]);
  }, 90_000);

  it('facts: an editor adds a phrase to a rule, a rule without its answer is refused with the field named, a publish makes the bot answer it; a viewer only reads', async () => {
    const asked = '교육 홈페이지 뭐라고 쳐야돼요';
    expect(textOf(await t.say(asked, { user: 'f1' }))).not.toContain('partner.kakaomobility.com'); // not a phrase of the rule yet
    const { page, errors } = await openEditor(1280);
    const rules = page.locator('#facts .ct-fact');
    await rules.first().waitFor();
    const count = await rules.count();
    expect(count).toBeGreaterThanOrEqual(5); // the content's own rules are listed
    const site = rules.first(); // in the file's order
    expect(await site.getByLabel('이름 (fact.…)').inputValue()).toBe('fact.site_address');
    const groups = site.getByLabel('조건 (한 줄에 한 묶음, 쉼표로 나눠요)');
    const lines = (await groups.inputValue()).split('\n');
    await groups.fill([lines[0], `${lines[1]}, 뭐라고 쳐`].join('\n'));

    // a new rule without an answer of its own is refused: the file and the field are named, the draft is not changed
    await page.getByRole('button', { name: '+ 규칙' }).click();
    const added = rules.nth(count);
    await added.getByLabel('이름 (fact.…)').fill('fact.no_answer');
    await added.getByLabel('이 사실이 든 FAQ').fill('faq.signup');
    await added.getByLabel('조건 (한 줄에 한 묶음, 쉼표로 나눠요)').fill('가나다');
    await page.getByRole('button', { name: '규칙 저장 (초안)' }).click();
    await page.locator('#fact-errors', { hasText: 'has no response "fact.no_answer"' }).waitFor();
    expect(await page.locator('#fact-errors').textContent()).toContain('intents/_facts.yml');
    expect(Object.keys((await page.evaluate(async () => (await fetch('/console/api/content')).json())).facts)).not.toContain('fact.no_answer');
    // a bad id is refused by the schema, the field named
    await added.getByLabel('이름 (fact.…)').fill('사이트');
    await page.getByRole('button', { name: '규칙 저장 (초안)' }).click();
    await page.locator('#fact-errors', { hasText: 'fact ids are fact.<name>' }).waitFor();

    await added.getByRole('button', { name: '삭제' }).click();
    await page.getByRole('button', { name: '규칙 저장 (초안)' }).click();
    await page.locator('#fact-save', { hasText: '저장했어요 ✓' }).waitFor();
    const draft = await page.evaluate(async () => (await fetch('/console/api/content')).json());
    expect(draft.facts['fact.site_address'].all[1]).toContain('뭐라고 쳐');
    expect(Object.keys(draft.facts)).toHaveLength(count); // nothing else lost
    expect(draft.intents).not.toHaveProperty('undefined'); // the rules' file is not an intent
    await page.locator('section[aria-labelledby="h-facts"]').screenshot({ path: path.join(ARTIFACTS, 'console-content-facts-1280.png') });

    await page.getByLabel('무엇을 바꿨나요').fill('사이트 주소 규칙에 "뭐라고 쳐" 추가');
    await page.getByRole('button', { name: '검사 후 게시' }).click();
    await page.locator('#publish-result', { hasText: '게시했어요' }).waitFor({ timeout: 90_000 });
    expect(textOf(await t.say(asked, { user: 'f2' }))).toContain('partner.kakaomobility.com');

    const viewer = await openEditor(390, 'lee-viewer');
    await viewer.page.locator('#facts .ct-fact').first().waitFor();
    expect(await viewer.page.locator('#facts input:not([disabled]), #facts textarea:not([disabled])').count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: '규칙 저장 (초안)' }).isVisible()).toBe(false);
    expect(await viewer.page.locator('#facts').getByRole('button', { name: '삭제' }).count()).toBe(0);
    await viewer.page.locator('section[aria-labelledby="h-facts"]').screenshot({ path: path.join(ARTIFACTS, 'console-content-facts-390-viewer.png') });
    expect(errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
  }, 150_000);

  it('fits a phone screen', async () => {
    const { page, errors } = await openEditor(390);
    await screenshot(page, 'console-content-390');
    expect(errors).toEqual([]);
  }, 60_000);
});
