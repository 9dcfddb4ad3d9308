/**
 * The inbox in Chromium names a fact rule's answer that NLP.js did not agree with: "봇의 추측: 한 가지 사실: 사이트 주소",
 * so staff see what the rule answered (and can mark the text out of scope, or edit the rule in 답변 편집). Phone width.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { addUser } from '../../src/console';
import { makeTestApp, ROOT, type TestApp } from '../helpers/app';
import { DESKTOP_VIEW, launchChromium, listenLocally, PHONE_VIEW } from '../helpers/browser';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PASSWORD = 'viewer-pass-5521';
const RULED = '사이트 주소 누르니까 이상한 광고가 떠요';

let t: TestApp;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await makeTestApp();
  await addUser((await t.events.get()).db, 'lee-viewer', 'viewer', PASSWORD);
  await t.say(RULED, { user: 'cf-1' });
  await t.say('비밀번호는 얼마나 자주 바꿔야 하나요', { user: 'cf-2' }); // a fact NLP.js agreed with: not in the inbox
  await t.recorder!.flush();
  ({ server, base } = await listenLocally(t.admin));
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
  await t?.close();
});

const VIEWS = [
  ['390', PHONE_VIEW],
  ['1280', DESKTOP_VIEW],
] as const;

it.each(VIEWS)('shows the fact a rule answered as the bot\'s guess, by its label (%s px)', async (width, view) => {
  const context = await browser.newContext({ ...view, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && errors.push(m.text()));
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && errors.push(`outside request: ${r.url()}`));
  await page.goto(`${base}/console/`);
  await page.getByLabel('이름', { exact: true }).fill('lee-viewer');
  await page.getByLabel('비밀번호', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.locator('#app-view').waitFor();
  await page.getByRole('link', { name: '놓친 질문' }).click();
  const row = page.locator('#inbox-list > li', { has: page.locator('.item-text', { hasText: RULED }) });
  await row.waitFor();
  expect(await page.locator('#inbox-list > li').count()).toBe(1);
  expect(await row.locator('.guess').textContent()).toMatch(/^봇의 추측: 한 가지 사실: 사이트 주소$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(Number(width)); // nothing overflows sideways
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `console-inbox-fact-${width}.png`) });
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);
