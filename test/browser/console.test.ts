/**
 * The support console in a real headless Chromium against the real server (temp SQLite event store):
 * log in, charts drawn from turns this test sent, inbox labelling (single and bulk), conversation lookup,
 * a viewer who cannot change anything, and the README screenshots at 390 and 1280 px.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeTestApp, ROOT, type TestApp } from '../helpers/app';
import { DESKTOP_VIEW, launchChromium, listenLocally, PHONE_VIEW } from '../helpers/browser';
import { addUser } from '../../src/console';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PASSWORD = { editor: 'editor-pass-9182', viewer: 'viewer-pass-5521' };
const PHONE = '010-2468-1357';

const DAY_MS = 86_400_000;
/**
 * What this test sends to /skill, by user and by how many days ago (the server's clock is set back for them):
 * answers 3 days ago, fallbacks (one text twice) and two out-of-scope topics yesterday, a finished password reset today.
 */
const TURNS: Array<[daysAgo: number, user: string, text: string]> = [
  [3, 'partner-a', '리프레시 교육이 뭐예요?'],
  [3, 'partner-a', '리프레시 교육은 꼭 들어야 하나요'],
  [3, 'partner-a', '회원가입 해야 하나요?'],
  [1, 'partner-b', '강아지 산책은 몇 분이 좋아요'],
  [1, 'partner-b', '강아지 산책은 몇 분이 좋아요'],
  [1, 'partner-b', '오늘 점심 메뉴 추천해 주세요'],
  [1, 'partner-b', '야구 경기 결과 알려줘'],
  [1, 'partner-b', '주말에 비 오나요'],
  [1, 'partner-d', '수료증 잃어버렸는데 재발급 돼요?'],
  [1, 'partner-d', '교육비 얼마나 내야 돼요'],
  [0, 'partner-c', '비밀번호 재설정 도와주세요'],
  [0, 'partner-c', PHONE],
  [0, 'partner-c', '1979.11.23'],
  [0, 'partner-c', '김민준'],
  [0, 'partner-c', '네 맞아요'],
];
/** The chart's label (M/D) of the KST day `daysAgo` days before now. */
const chartDay = (daysAgo: number) => {
  const [, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(Date.now() - daysAgo * DAY_MS).split('-');
  return `${Number(month)}/${Number(day)}`;
};
const FALLBACKS = ['강아지 산책은 몇 분이 좋아요', '오늘 점심 메뉴 추천해 주세요', '야구 경기 결과 알려줘', '주말에 비 오나요'];
/** Answered as known out-of-scope topics: counted apart from 못 알아들음, listed by topic, in the inbox with the topic as the guess. */
const OUT_OF_SCOPE = ['수료증 잃어버렸는데 재발급 돼요?', '교육비 얼마나 내야 돼요'];

let t: TestApp;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  let behindMs = 0;
  t = await makeTestApp({}, { now: () => Date.now() - behindMs });
  const { db } = await t.events.get();
  await addUser(db, 'kim-editor', 'editor', PASSWORD.editor);
  await addUser(db, 'lee-viewer', 'viewer', PASSWORD.viewer);
  for (const [daysAgo, user, text] of TURNS) {
    behindMs = daysAgo * DAY_MS;
    await t.say(text, { user });
  }
  behindMs = 0;
  await t.recorder!.flush(); // events are written in batches off the turn's path
  ({ server, base } = await listenLocally(t.admin)); // the console lives on the admin listener
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await t?.close();
});


/** A fresh browser context; every page error and console error is collected (the 401 of the first `me` is expected). */
async function open(view: typeof PHONE_VIEW | typeof DESKTOP_VIEW): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...view, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && errors.push(m.text()));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && errors.push(`outside request: ${r.url()}`));
  await page.goto(`${base}/console/`);
  return { context, page, errors };
}

async function logIn(page: Page, name: string, password: string) {
  await page.getByLabel('이름', { exact: true }).fill(name);
  await page.getByLabel('비밀번호', { exact: true }).fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.locator('#app-view').waitFor();
}

/** The data a chart was drawn with, read from Chart.js's own instance on the canvas. */
function chartData(page: Page, canvasId: string) {
  return page.evaluate((id) => {
    const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { labels: string[]; datasets: Array<{ label?: string; data: Array<number | null> }> } } | undefined } }).Chart.getChart(
      document.getElementById(id) as HTMLCanvasElement,
    );
    return chart ? { labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) } : null;
  }, canvasId);
}

/** How many pixels of a canvas are painted (not transparent): a drawn chart has many. */
function paintedPixels(page: Page, canvasId: string) {
  return page.evaluate((id) => {
    const canvas = document.getElementById(id) as HTMLCanvasElement;
    const pixels = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return painted;
  }, canvasId);
}

/** Save a screenshot under test-artifacts/, and as the README's docs/ copy when missing or with UPDATE_SCREENSHOTS=1. */
async function screenshot(page: Page, name: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width); // nothing overflows sideways
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const artifact = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: artifact, fullPage: true });
  expect(fs.statSync(artifact).size).toBeGreaterThan(20_000);
  const doc = path.join(ROOT, 'docs', `${name}.png`);
  if (!fs.existsSync(doc) || process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(artifact, doc);
}

const inboxRow = (page: Page, text: string) => page.locator('#inbox-list > li', { has: page.locator('.item-text', { hasText: text }) });

describe('console as an editor (desktop)', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];

  beforeAll(async () => ({ page, context, errors } = await open(DESKTOP_VIEW)));
  afterAll(async () => context?.close());

  it('refuses a wrong password, then logs in and opens the overview', async () => {
    await page.locator('#login-view').waitFor();
    await page.getByLabel('이름', { exact: true }).fill('kim-editor');
    await page.getByLabel('비밀번호', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('alert').filter({ hasText: '이름 또는 비밀번호가 맞지 않아요' }).waitFor();
    expect(await page.locator('#app-view').isHidden()).toBe(true);
    await logIn(page, 'kim-editor', PASSWORD.editor);
    expect(await page.locator('#me-name').textContent()).toBe('kim-editor');
    expect(await page.locator('#me-role').textContent()).toBe('편집');
    await page.locator('#view-overview').waitFor();
  });

  it('draws the overview charts from the turns this test sent', async () => {
    await page.locator('#kpis .kpi').first().waitFor();
    await page.waitForFunction(() => Boolean((window as unknown as { Chart: { getChart(c: Element): unknown } }).Chart.getChart(document.getElementById('chart-latency')!)));

    const days = await chartData(page, 'chart-days');
    const buckets = days!.datasets.map((d) => d.label);
    expect(buckets).toEqual(['답변', '되묻기', '못 알아들음', '범위 밖 안내', '상담 연결', '기타']);
    /** The turns of one day in one bucket, as the chart was drawn. */
    const drawn = (daysAgo: number, bucket: string) => days!.datasets[buckets.indexOf(bucket)].data[days!.labels.indexOf(chartDay(daysAgo))];
    expect(days!.labels).toHaveLength(14); // the default range: the last 14 KST days
    expect(drawn(3, '답변')).toBe(3);
    expect(drawn(1, '못 알아들음')).toBe(FALLBACKS.length + 1); // one text was sent twice
    expect(drawn(1, '범위 밖 안내')).toBe(OUT_OF_SCOPE.length);
    expect(drawn(0, '기타')).toBe(5); // the dialog's turns
    expect([drawn(2, '답변'), drawn(2, '못 알아들음'), drawn(2, '기타')]).toEqual([0, 0, 0]);
    const perBucket = days!.datasets.map((d) => d.data.reduce<number>((n, v) => n + (v ?? 0), 0));
    expect(perBucket.reduce((a, b) => a + b, 0)).toBe(TURNS.length);
    expect(await page.locator('[data-kpi=turns] strong').textContent()).toBe(String(TURNS.length));
    expect(await page.locator('[data-kpi=out_of_scope] .muted').textContent()).toBe(`${OUT_OF_SCOPE.length}턴`);

    const shares = await chartData(page, 'chart-shares');
    expect(shares!.datasets[0].data).toEqual(perBucket);

    const intents = await chartData(page, 'chart-intents');
    expect(intents!.labels).toContain('리프레시 교육');
    expect(intents!.datasets[0].data[intents!.labels.indexOf('리프레시 교육')]).toBe(2);

    const topics = await chartData(page, 'chart-topics'); // what the FAQ does not cover, by the topics' Korean names
    expect(topics!.labels).toEqual(expect.arrayContaining(['수료증 문의']));
    expect(topics!.labels).toHaveLength(OUT_OF_SCOPE.length);
    expect(topics!.datasets[0].data).toEqual([1, 1]);

    const funnel = await chartData(page, 'chart-funnel');
    expect(funnel!.labels).toEqual(['시작', '휴대폰 번호', '생년월일', '이름', '확인', '완료', '중단', '상담 연결']);
    const funnelCount = (label: string) => funnel!.datasets[0].data[funnel!.labels.indexOf(label)];
    expect(funnelCount('시작')).toBe(1);
    expect(funnelCount('완료')).toBe(1);
    expect(funnelCount('중단')).toBe(0);

    const latency = await chartData(page, 'chart-latency');
    const p95 = (daysAgo: number) => latency!.datasets[0].data[latency!.labels.indexOf(chartDay(daysAgo))];
    for (const daysAgo of [3, 1, 0]) expect(p95(daysAgo)).toEqual(expect.any(Number));
    expect(p95(2)).toBeNull(); // a day without turns has no latency

    for (const id of ['chart-days', 'chart-shares', 'chart-intents', 'chart-topics', 'chart-funnel', 'chart-latency']) {
      expect(await paintedPixels(page, id)).toBeGreaterThan(2_000);
      expect(await page.locator(`#${id}`).getAttribute('aria-label')).toBeTruthy();
    }
    // the accessible twin: the table under the funnel holds the same numbers
    await page.locator('#chart-funnel').locator('xpath=ancestor::figure').getByText('표로 보기').click();
    const completedRow = page.locator('#chart-funnel').locator('xpath=ancestor::figure').locator('tr', { hasText: '완료' });
    expect(await completedRow.locator('td').first().textContent()).toBe('1');
  });

  it('changes the date range: a range without turns draws empty charts', async () => {
    await page.getByLabel('시작일').fill('2020-01-01');
    await page.getByLabel('종료일').fill('2020-01-03');
    await page.getByRole('button', { name: '조회' }).click();
    await page.locator('#range-label', { hasText: '2020-01-01 ~ 2020-01-03 (한국 시간) · 이 기간에는 대화가 없어요.' }).waitFor();
    const days = await chartData(page, 'chart-days');
    expect(days!.datasets.flatMap((d) => d.data).every((v) => !v)).toBe(true);
    await page.getByRole('button', { name: '14일' }).click();
    await page.locator('[data-kpi=turns] strong', { hasText: String(TURNS.length) }).waitFor();
    await screenshot(page, 'console-overview-1280');
  });

  it('labels one inbox item with an intent and it leaves the "new" list', async () => {
    await page.getByRole('link', { name: '놓친 질문' }).click();
    const row = inboxRow(page, FALLBACKS[0]);
    await row.waitFor();
    expect(await row.locator('.count').textContent()).toBe('2회');
    await screenshot(page, 'console-inbox-1280');
    const labelled = page.waitForRequest((r) => /\/console\/api\/inbox\/\d+\/label$/.test(r.url()));
    await row.getByLabel('이 질문을 보낼 곳').selectOption('intent:faq.incomplete_training');
    await row.getByRole('button', { name: '적용' }).click();
    const request = await labelled;
    expect(request.headers()['x-csrf-token']).toMatch(/.{16,}/);
    expect(request.postDataJSON()).toEqual({ intent: 'faq.incomplete_training' });
    await row.waitFor({ state: 'detached' });

    await page.getByLabel('상태').selectOption('done');
    const done = inboxRow(page, FALLBACKS[0]);
    await done.waitFor();
    expect(await done.locator('.acted').textContent()).toContain('kim-editor');
    expect(await done.locator('.badge').last().textContent()).toBe('처리함');
  });

  it('searches the inbox, and marks one item out of scope', async () => {
    await page.getByLabel('상태').selectOption('new');
    await page.getByRole('searchbox', { name: '검색' }).fill('비 오나');
    await page.getByRole('button', { name: '검색' }).click();
    await page.locator('#inbox-summary', { hasText: '새 질문 1개' }).waitFor();
    const row = inboxRow(page, FALLBACKS[3]);
    expect(await page.locator('#inbox-list > li').count()).toBe(1);
    const marked = page.waitForRequest((r) => /\/console\/api\/inbox\/\d+\/out-of-scope$/.test(r.url()));
    await row.getByLabel('이 질문을 보낼 곳').selectOption('oos:');
    await row.getByRole('button', { name: '적용' }).click();
    expect((await marked).postDataJSON()).toEqual({});
    await row.waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: '검색' }).fill('');
    await page.getByLabel('상태').selectOption('done');
    await inboxRow(page, FALLBACKS[3]).locator('.acted', { hasText: '범위 밖으로 표시' }).waitFor();
  });

  it('shows an out-of-scope answer with its topic as the guess, chosen already: one click confirms it', async () => {
    await page.getByLabel('상태').selectOption('new');
    const row = inboxRow(page, OUT_OF_SCOPE[0]);
    await row.waitFor();
    expect(await row.locator('.guess').textContent()).toMatch(/^봇의 추측: 범위 밖: 수료증 문의/);
    expect(await row.getByLabel('이 질문을 보낼 곳').inputValue()).toBe('oos:oos.certificate');
    const marked = page.waitForRequest((r) => /\/console\/api\/inbox\/\d+\/out-of-scope$/.test(r.url()));
    await row.getByRole('button', { name: '적용' }).click();
    expect((await marked).postDataJSON()).toEqual({ topic: 'oos.certificate' });
    await row.waitFor({ state: 'detached' });
    // the other topic's row can still go to an FAQ intent instead
    const other = inboxRow(page, OUT_OF_SCOPE[1]);
    expect(await other.getByLabel('이 질문을 보낼 곳').inputValue()).toMatch(/^oos:oos\./);
  });

  it('ignores two items at once with the checkboxes', async () => {
    await page.getByLabel('상태').selectOption('new');
    const rows = FALLBACKS.slice(1, 3).map((text) => inboxRow(page, text));
    for (const row of rows) await row.getByRole('checkbox').check();
    expect(await page.locator('#selected-count').textContent()).toBe('2개 선택');
    await page.locator('#bulk').getByRole('button', { name: '무시' }).click();
    for (const row of rows) await row.waitFor({ state: 'detached' });
    await page.getByLabel('상태').selectOption('ignored');
    for (const text of FALLBACKS.slice(1, 3)) await inboxRow(page, text).waitFor();
  });

  it('puts an ignored item back among the new questions', async () => {
    const row = inboxRow(page, FALLBACKS[2]);
    const reopened = page.waitForRequest((r) => /\/console\/api\/inbox\/\d+\/reopen$/.test(r.url()));
    await row.getByRole('button', { name: '새 질문으로' }).click();
    await reopened;
    await row.waitFor({ state: 'detached' });
    await page.getByLabel('상태').selectOption('new');
    const back = inboxRow(page, FALLBACKS[2]);
    await back.waitFor();
    expect(await back.locator('.acted').count()).toBe(0); // nobody has acted on it now
    expect(await back.getByRole('button', { name: '새 질문으로' }).count()).toBe(0);
  });

  it('looks up one user by raw id and shows their turns, masked', async () => {
    await page.getByRole('link', { name: '대화 조회' }).click();
    await page.getByLabel('사용자 (가명 또는 카카오 사용자 ID)').fill('partner-b');
    await page.locator('#conv-form').getByRole('button', { name: '조회' }).click();
    const rows = page.locator('.turns tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    expect(await page.locator('.turns tbody tr[data-outcome=fallback]').count()).toBe(5);
    expect(await page.locator('.turns').textContent()).toContain(FALLBACKS[0]);
    // the same user by the pseudonym the page shows (as in logs and events), never the raw id
    const pseudonym = ((await page.locator('#conv-status').textContent()) ?? '').split(':')[0];
    expect(pseudonym).not.toContain('partner-b');
    await page.getByLabel('사용자 (가명 또는 카카오 사용자 ID)').fill(pseudonym);
    await page.locator('#conv-form').getByRole('button', { name: '조회' }).click();
    await page.locator('#conv-status', { hasText: `${pseudonym}: 최근 5턴` }).waitFor();

    await page.getByLabel('사용자 (가명 또는 카카오 사용자 ID)').fill('partner-c');
    await page.locator('#conv-form').getByRole('button', { name: '조회' }).click();
    await page.locator('.turns tbody tr', { hasText: 'password_reset' }).first().waitFor();
    expect(await page.locator('body').textContent()).not.toContain('2468');
    expect(await page.locator('body').textContent()).not.toContain('김민준');
  });

  it('logs out: back to the login form, and the API answers 401', async () => {
    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.locator('#login-view').waitFor();
    const status = await page.evaluate(async () => (await fetch('/console/api/me')).status);
    expect(status).toBe(401);
    expect(errors).toEqual([]);
  });
});

// The phone and viewer runs read what the editor did above (jest runs a file's tests in order).
describe('console on a phone (390 px)', () => {
  it('logs in and shows the overview and the inbox without sideways overflow', async () => {
    const { context, page, errors } = await open(PHONE_VIEW);
    await logIn(page, 'kim-editor', PASSWORD.editor);
    await page.locator('[data-kpi=turns] strong', { hasText: String(TURNS.length) }).waitFor();
    await page.waitForFunction(() => Boolean((window as unknown as { Chart: { getChart(c: Element): unknown } }).Chart.getChart(document.getElementById('chart-latency')!)));
    await screenshot(page, 'console-overview-390');
    await page.getByRole('link', { name: '놓친 질문' }).click();
    await page.getByLabel('상태').selectOption('done'); // the items acted on above, with who acted
    await page.locator('#inbox-list > li .acted').first().waitFor();
    await screenshot(page, 'console-inbox-390');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('console as a viewer', () => {
  it('shows no change control, and a forced change gets 403 and changes nothing', async () => {
    const { context, page, errors } = await open(PHONE_VIEW);
    await logIn(page, 'lee-viewer', PASSWORD.viewer);
    expect(await page.locator('#me-role').textContent()).toBe('보기 전용');
    await page.getByRole('link', { name: '놓친 질문' }).click();
    await page.getByLabel('상태').selectOption('ignored');
    const row = inboxRow(page, FALLBACKS[1]);
    await row.waitFor();
    await page.locator('#viewer-note').waitFor();
    expect(await page.locator('#bulk').isVisible()).toBe(false);
    expect(await page.locator('#inbox-list input[type=checkbox], #inbox-list select, #inbox-list button').count()).toBe(0);

    const id = Number(await row.getAttribute('data-id'));
    const forced = await page.evaluate(async (itemId) => {
      const me = await (await fetch('/console/api/me')).json();
      const res = await fetch(`/console/api/inbox/${itemId}/label`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ intent: 'faq.signup' }),
      });
      return { status: res.status, body: await res.json() };
    }, id);
    expect(forced.status).toBe(403);
    expect(forced.body.error).toEqual(expect.any(String));
    await page.getByRole('button', { name: '검색' }).click(); // reload the list: still ignored, untouched
    await inboxRow(page, FALLBACKS[1]).locator('.badge', { hasText: '무시함' }).waitFor();
    expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    await context.close();
  });
});
