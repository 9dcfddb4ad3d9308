/** The web simulator in a real headless Chromium (playwright-core + Debian's chromium): type, read, tap, inspect. */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import http, { type Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeTestApp, ROOT, type TestApp } from '../helpers/app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACT = path.join(ROOT, 'test-artifacts', 'simulator.png');
/** The README screenshot; rewritten when missing or with UPDATE_SCREENSHOTS=1 (so test runs leave git clean). */
const README_SHOT = path.join(ROOT, 'docs', 'simulator.png');

let t: TestApp;
let server: Server;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-nanum (.ci/run does)`);
  t = await makeTestApp();
  server = http.createServer(t.admin).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'ko-KR', hasTouch: true, isMobile: true });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await t?.close();
});

const botBubbles = () => page.locator('.row.bot .body');

describe('simulator in Chromium (phone viewport)', () => {
  const errors: string[] = [];

  it('opens with the welcome menu and quick-reply chips', async () => {
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${base}/simulator`);
    await page.locator('.row.bot').first().waitFor();
    expect(await page.locator('#user-id').textContent()).toMatch(/^sim-[0-9a-f]{12}$/);
    expect(await page.locator('.quick .chip').count()).toBeGreaterThan(3);
  });

  it('answers a typed question and shows the intent in the inspector', async () => {
    await page.locator('#input').fill('리프레시 교육이 뭐예요?');
    await page.keyboard.press('Enter');
    await page.locator('.row.user .bubble', { hasText: '리프레시 교육이 뭐예요?' }).waitFor();
    const answer = botBubbles().nth(1);
    await answer.getByText('품질 개선 교육', { exact: false }).first().waitFor();
    const summary = answer.locator('details.inspect > summary');
    expect(await summary.textContent()).toMatch(/^nlu · faq\.refresh_training [01]\.\d\d · answered$/);
    await summary.click();
    await answer.locator('.inspect-body', { hasText: '리프레시 교육이 뭐예요' }).waitFor();
    expect(await answer.locator('.inspect-body .badge').allTextContents()).toEqual(['nlu', 'answered']);
  });

  it('taps a quick reply: sends its messageText and extra, and shows the next answer', async () => {
    const chip = page.locator('.quick .chip').first();
    const label = (await chip.textContent()) ?? '';
    const sent = page.waitForRequest((r) => r.url().endsWith('/simulator/api/turn') && r.method() === 'POST');
    await chip.click();
    const body = (await sent).postDataJSON();
    expect(body.userRequest.utterance).toBe(label);
    expect(body.action.clientExtra).toEqual({ intent: expect.stringMatching(/^[\w.]+$/) });
    await page.locator('.row.user .bubble', { hasText: label }).waitFor();
    const next = botBubbles().nth(2);
    await next.locator('details.inspect > summary').waitFor();
    expect(await next.locator('details.inspect > summary').textContent()).toContain(`tap · ${body.action.clientExtra.intent}`);
    expect(await next.locator('.bubble').count()).toBeGreaterThan(0);
  });

  it('shows the number of a phone button instead of dialling', async () => {
    await page.locator('#input').fill('상담원 연결해 주세요');
    await page.locator('#send').click();
    const phone = page.locator('.card-button.phone').last();
    await phone.waitFor();
    await phone.click();
    await page.locator('#toast', { hasText: '1533-0301' }).waitFor();
  });

  it('looks right on a phone and saves a screenshot', async () => {
    await page.locator('#toast').evaluate((el) => ((el as HTMLElement).hidden = true));
    // For the picture: only the last turn's inspector open, scrolled to the end.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = false)));
    await page.locator('details.inspect > summary').last().click();
    await page.locator('#log').evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390); // nothing overflows sideways
    fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    await page.screenshot({ path: ARTIFACT });
    if (!fs.existsSync(README_SHOT) || process.env.UPDATE_SCREENSHOTS === '1') {
      fs.mkdirSync(path.dirname(README_SHOT), { recursive: true });
      fs.copyFileSync(ARTIFACT, README_SHOT);
    }
    expect(fs.statSync(ARTIFACT).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });

  it('"새 사용자" starts over with a fresh user id', async () => {
    const before = await page.locator('#user-id').textContent();
    await page.locator('#reset').click();
    await page.locator('.row.bot').first().waitFor();
    expect(await page.locator('#user-id').textContent()).not.toBe(before);
    expect(await page.locator('.row.user').count()).toBe(0);
  });
});
