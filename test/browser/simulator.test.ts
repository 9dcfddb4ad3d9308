/**
 * The web simulator in a real headless Chromium (playwright-core + Debian's chromium): type, read, tap, inspect, at a
 * phone width (390, touch) and a desktop width (1280, mouse).
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { makeTestApp, ROOT, type TestApp } from '../helpers/app';
import { launchChromium, listenLocally } from '../helpers/browser';

const ARTIFACT = path.join(ROOT, 'test-artifacts', 'simulator.png');
/** The README screenshot; rewritten when missing or with UPDATE_SCREENSHOTS=1 (so test runs leave git clean). */
const README_SHOT = path.join(ROOT, 'docs', 'simulator.png');
const README_DESKTOP_SHOT = path.join(ROOT, 'docs', 'simulator-desktop.png');
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'ko-KR', hasTouch: true, isMobile: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'ko-KR' };

let t: TestApp;
let server: Server;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  t = await makeTestApp();
  ({ server, base } = await listenLocally(t.admin));
  browser = await launchChromium();
  page = await (await browser.newContext(PHONE)).newPage();
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
    const phone = page.locator('.card-button.is-phone').last();
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
    keepForReadme(ARTIFACT, README_SHOT);
    expect(fs.statSync(ARTIFACT).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });

  it('card buttons are button-sized (the container rule never reaches a phone button)', async () => {
    expect(await buttonHeights(page)).toEqual(expect.arrayContaining([expect.any(Number)]));
    for (const h of await buttonHeights(page)) expect(h).toBeLessThan(60);
  });

  it('the chips scroll sideways, and the last one can be reached and tapped', async () => {
    await page.locator('#input').fill('메뉴');
    await page.keyboard.press('Enter');
    await page.locator('.quick .chip', { hasText: '상담원 연결' }).waitFor();
    const row = await page.locator('#quick').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, wraps: getComputedStyle(el).flexWrap }));
    expect(row.wraps).toBe('nowrap'); // one row, as in KakaoTalk
    expect(row.scroll).toBeGreaterThan(row.client);
    const last = page.locator('.quick .chip').last();
    await last.scrollIntoViewIfNeeded();
    expect(await insideQuickRow(page, (await page.locator('.quick .chip').count()) - 1)).toBe(true);
  });

  it('has no hover styles on touch (a tapped chip would keep its highlight): every :hover rule needs (hover: hover)', async () => {
    expect(await page.evaluate(() => matchMedia('(hover: hover)').matches)).toBe(false);
    const unguarded = await page.evaluate(() => {
      const out: string[] = [];
      const walk = (rules: CSSRuleList, guarded: boolean) => {
        for (const rule of rules) {
          if (rule instanceof CSSMediaRule) walk(rule.cssRules, guarded || /\(hover:\s*hover\)/.test(rule.conditionText));
          else if (rule instanceof CSSStyleRule && rule.selectorText.includes(':hover') && !guarded) out.push(rule.selectorText);
        }
      };
      for (const sheet of document.styleSheets) walk(sheet.cssRules, false);
      return out;
    });
    expect(unguarded).toEqual([]);
    // and with touch, no chip is drawn highlighted after a tap
    const chip = page.locator('.quick .chip').first();
    await chip.tap();
    await page.locator('.quick .chip').first().waitFor();
    const colours = await page.locator('.quick .chip').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(new Set(colours)).toEqual(new Set(['rgb(255, 255, 255)']));
  });

  it('the inspector draws a backslash as a backslash (a Latin monospace font, not a Korean one)', async () => {
    expect(await backslashFonts(page)).not.toContainEqual(KOREAN_FONT);
    // and never left to the generic `monospace`: for Korean it is NanumGothicCoding (fc-match monospace:lang=ko), where \ is ₩
    for (const family of await monoFamilies(page)) expect(family).toMatch(LATIN_MONO_FIRST);
  });

  it('"새 사용자" starts over with a fresh user id', async () => {
    const before = await page.locator('#user-id').textContent();
    await page.locator('#reset').click();
    await page.locator('.row.bot').first().waitFor();
    expect(await page.locator('#user-id').textContent()).not.toBe(before);
    expect(await page.locator('.row.user').count()).toBe(0);
  });
});

describe('simulator in Chromium (desktop viewport)', () => {
  let desk: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    desk = await (await browser.newContext(DESKTOP)).newPage();
    desk.on('pageerror', (e) => errors.push(String(e)));
    desk.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await desk.goto(`${base}/simulator`);
    await desk.locator('.row.bot').first().waitFor();
  });

  it('shows every menu chip at once, in rows inside the chat (no sideways scrolling needed)', async () => {
    const chips = desk.locator('.quick .chip');
    expect(await chips.count()).toBe(9);
    const row = await desk.locator('#quick').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(row.scroll).toBeLessThanOrEqual(row.client);
    for (let i = 0; i < 9; i++) {
      expect([i, await insideQuickRow(desk, i)]).toEqual([i, true]);
      expect(await chips.nth(i).isVisible()).toBe(true);
    }
    const last = await chips.last().boundingBox();
    expect(last!.y + last!.height).toBeLessThanOrEqual(800); // on screen without scrolling the page
  });

  it('card buttons are button-sized at 1280 px too (phone buttons were 852 px tall)', async () => {
    await desk.locator('#input').fill('상담원 연결해 주세요');
    await desk.keyboard.press('Enter');
    await desk.locator('.card-button.is-phone').last().waitFor();
    const heights = await buttonHeights(desk);
    expect(heights.length).toBeGreaterThan(0);
    for (const h of heights) expect(h).toBeLessThan(60);
  });

  it('hovering a chip highlights it (mouse)', async () => {
    const chip = desk.locator('.quick .chip').first();
    const resting = await chip.evaluate((el) => getComputedStyle(el).backgroundColor);
    await chip.hover();
    expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(resting);
  });

  it('shows the inspector beside the chat, with backslashes drawn in a Latin monospace font', async () => {
    expect(await desk.locator('#inspector').isVisible()).toBe(true);
    expect(await backslashFonts(desk, '#inspector')).not.toContainEqual(KOREAN_FONT);
    for (const family of await monoFamilies(desk)) expect(family).toMatch(LATIN_MONO_FIRST);
  });

  it('looks right on a desktop and saves a screenshot (the menu: every chip in rows)', async () => {
    await desk.locator('#input').fill('리프레시 교육이 뭐예요?');
    await desk.keyboard.press('Enter');
    await desk.locator('.quick .chip', { hasText: '필수 교육 종류' }).waitFor();
    await desk.locator('#input').fill('메뉴');
    await desk.keyboard.press('Enter');
    await desk.locator('.quick .chip', { hasText: '상담원 연결' }).waitFor();
    await desk.locator('#log').evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
    await desk.mouse.move(0, 0);
    const shot = path.join(ROOT, 'test-artifacts', 'simulator-desktop.png');
    await desk.screenshot({ path: shot });
    keepForReadme(shot, README_DESKTOP_SHOT);
    expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    expect(errors).toEqual([]);
  });
});

const KOREAN_FONT = expect.stringMatching(/nanum|gothic|malgun|noto sans kr|d2coding/i);
/** A font stack that names Latin monospace fonts before any generic family. */
const LATIN_MONO_FIRST = /^ui-monospace, "?SFMono-Regular"?, Menlo, Consolas, "DejaVu Sans Mono"/;

/** The computed font-family of every inspector element that shows code: raw JSON, turn summaries, badges, scores. */
function monoFamilies(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll('.raw pre, .inspect > summary, .badge, .alt-score')].map((el) => getComputedStyle(el).fontFamily),
  );
}

/** Heights (px) of every card button on the page. */
function buttonHeights(p: Page): Promise<number[]> {
  return p.locator('.card-button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
}

/** Whether the i-th chip lies wholly inside the quick-reply row's visible box (not clipped). */
function insideQuickRow(p: Page, i: number): Promise<boolean> {
  return p.evaluate((n) => {
    const row = document.getElementById('quick')!.getBoundingClientRect();
    const chip = document.querySelectorAll('#quick .chip')[n].getBoundingClientRect();
    return chip.left >= row.left - 0.5 && chip.right <= row.right + 0.5 && chip.top >= row.top - 0.5 && chip.bottom <= row.bottom + 0.5;
  }, i);
}

/**
 * The fonts Chromium really uses (CDP CSS.getPlatformFontsForNode) to draw `\n` inside the inspector's raw JSON,
 * as it sits in the page (same element, same styles). CDP answers from the probe's layout, and answered with no
 * fonts at all once in CI on a busy machine; so the probe is laid out, the page's fonts ready and two frames drawn
 * before it is asked, and it is asked again (10 times, 100 ms apart) while the answer is empty: one never drawn
 * still fails.
 */
async function backslashFonts(p: Page, scope = '.row.bot'): Promise<string[]> {
  await p.evaluate(async (sel) => {
    const pre = [...document.querySelectorAll(`${sel} .raw pre`)].pop();
    if (!pre) throw new Error('no raw JSON in the inspector');
    for (let d = pre.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true; // drawn, so measured
    const probe = document.createElement('span');
    probe.id = 'backslash-probe';
    probe.textContent = '\\n\\n';
    pre.append(probe);
    if (!probe.getBoundingClientRect().width) throw new Error('the probe has no box'); // forces layout now
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, scope);
  const cdp = await p.context().newCDPSession(p);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    for (let attempt = 0; attempt < 10; attempt++) {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#backslash-probe' });
      if (!nodeId) throw new Error('the probe left the page before it was measured');
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      if (fonts.length) return fonts.map((f) => f.familyName);
      await p.evaluate(() => new Promise((done) => setTimeout(done, 100)));
    }
    throw new Error('the probe was not drawn');
  } finally {
    await p.evaluate(() => document.getElementById('backslash-probe')?.remove());
    await cdp.detach();
  }
}

/** The README screenshots are rewritten when missing or with UPDATE_SCREENSHOTS=1 (so test runs leave git clean). */
function keepForReadme(shot: string, readmeShot: string): void {
  if (fs.existsSync(readmeShot) && process.env.UPDATE_SCREENSHOTS !== '1') return;
  fs.mkdirSync(path.dirname(readmeShot), { recursive: true });
  fs.copyFileSync(shot, readmeShot);
}
