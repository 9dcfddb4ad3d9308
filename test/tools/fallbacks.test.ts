/** Fallback report: None turns recorded masked and bounded on disk; grouped and ranked by `npm run report:fallbacks`. */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { TurnReport } from '../../src/dialog/conversation';
import type { TurnInput } from '../../src/dialog/types';
import { createFallbackRecorder, FALLBACK_FILE, groupFallbacks, readFallbacks, type FallbackRecord } from '../../src/fallbacks';
import { createLogger } from '../../src/log/logger';
import { makeTestApp, tapOf, type TestApp } from '../helpers/app';
import { runCli, tempDir, waitFor } from './helpers';

const PHONE_TEXT = '제 번호 010-1234-5678 인데 오늘 날씨 어때요';
const BIRTH_TEXT = '생일은 1985-03-07 이에요 맛집 추천 좀';

function readLines(dir: string): FallbackRecord[] {
  const file = path.join(dir, FALLBACK_FILE);
  return fs.existsSync(file) ? readFallbacks(dir).records : [];
}

describe('fallback recorder through POST /skill', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('fallbacks');
    t = await makeTestApp({ FALLBACK_LOG_DIR: dir });
  });
  afterAll(() => t.close());

  it('records only turns that fell to None, with phones and birth dates masked', async () => {
    const first = await t.say(PHONE_TEXT, { user: 'fb-1' });
    await t.say(BIRTH_TEXT, { user: 'fb-1' });
    await t.say('리프레시 교육이 뭐예요?', { user: 'fb-2' });
    const tap = tapOf(first, '상담원 연결');
    await t.say(tap.text, { user: 'fb-1', extra: tap.extra });
    const records = await waitFor(() => {
      const rs = readLines(dir);
      return rs.length >= 2 ? rs : undefined;
    });
    expect(records.map((r) => r.text)).toEqual(['제 번호 010-****-5678 인데 오늘 날씨 어때요', '생일은 ****-**-** 이에요 맛집 추천 좀']);
    expect(records[0]).toMatchObject({ intent: 'None', ts: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const raw = fs.readFileSync(path.join(dir, FALLBACK_FILE), 'utf8');
    expect(raw).not.toContain('1234-5678');
    expect(raw).not.toContain('1985-03-07');
  });

  it('does not record the simulator (staff test turns)', async () => {
    const before = readLines(dir).length;
    const res = await request(t.app)
      .post('/simulator/api/turn')
      .send({ userRequest: { utterance: '오늘 점심 뭐 먹지', user: { id: 'sim-fallback' } } });
    expect(res.body.inspect.outcome).toBe('fallback');
    await t.say('주말에 비 온대요', { user: 'fb-3' });
    const after = await waitFor(() => (readLines(dir).length > before ? readLines(dir) : undefined));
    expect(after.map((r) => r.text)).not.toContain('오늘 점심 뭐 먹지');
    expect(after[after.length - 1].text).toBe('주말에 비 온대요');
  });
});

function fallbackTurn(i: number): [TurnInput, TurnReport] {
  const text = `테스트 발화 ${i} 입니다 ${'가'.repeat(20)}`;
  const turn: TurnInput = { requestId: `r${i}`, userKey: 'u', utterance: text, clientExtra: {}, now: Date.UTC(2025, 0, 1, 0, 0, i) };
  const nlu = { intent: 'None', score: 0.8, alternatives: [{ intent: 'faq.signup', score: 0.2 }], normalized: text };
  const report = {
    response: { version: '2.0', template: { outputs: [{ simpleText: { text: 'x' } }] } },
    result: { replies: [], route: 'nlu', intent: 'None', score: 0.8, nlu, outcome: 'fallback' },
    latencyMs: 1,
    dialogOpen: false,
  } as TurnReport;
  return [turn, report];
}

describe('createFallbackRecorder', () => {
  it('rotates past maxBytes and keeps at most `keep` old files', async () => {
    const dir = tempDir('rotate');
    const recorder = createFallbackRecorder({ dir, maxBytes: 600, keep: 2 });
    for (let i = 0; i < 40; i++) recorder(...fallbackTurn(i));
    await recorder.flush();
    expect(fs.readdirSync(dir).sort()).toEqual([FALLBACK_FILE, `${FALLBACK_FILE}.1`, `${FALLBACK_FILE}.2`]);
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(600);
    const { records } = readFallbacks(dir);
    expect(records[records.length - 1].text).toContain('테스트 발화 39 입니다');
    const seconds = records.map((r) => new Date(r.ts).getUTCSeconds());
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b)); // oldest first, across rotations
    expect(records[0]).toMatchObject({ guess: 'faq.signup', guessScore: 0.2 });
  });

  it('skips turns inside a guided dialog (a slot answer may be a name) and turns that were not fallbacks', async () => {
    const dir = tempDir('dialog');
    const recorder = createFallbackRecorder({ dir, maxBytes: 10_000 });
    const [turn, report] = fallbackTurn(1);
    recorder(turn, { ...report, result: { ...report.result!, route: 'dialog' } });
    recorder(turn, { ...report, result: { ...report.result!, dialog: { flow: 'password_reset', step: 'name' } } });
    recorder(turn, { ...report, result: { ...report.result!, outcome: 'answered', intent: 'faq.signup' } });
    recorder(turn, { ...report, result: null });
    recorder(turn, { ...report, dialogOpen: true }); // the user had a dialog open before the turn (issue #12)
    recorder(turn, { ...report, dialogOpen: undefined }); // the session could not be read: it may have held one
    await recorder.flush();
    expect(fs.existsSync(path.join(dir, FALLBACK_FILE))).toBe(false);
    recorder(turn, report);
    await recorder.flush();
    expect(readFallbacks(dir).records).toHaveLength(1);
  });

  it('never throws when the disk fails, and warns once', async () => {
    const blocker = path.join(tempDir('blocked'), 'not-a-dir');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', stream: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }) });
    const recorder = createFallbackRecorder({ dir: blocker, maxBytes: 1000, logger });
    expect(() => {
      for (let i = 0; i < 3; i++) recorder(...fallbackTurn(i));
    }).not.toThrow();
    await recorder.flush();
    await waitFor(() => (lines.length ? true : undefined));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('fallback log write failed');
  });
});

describe('grouping and npm run report:fallbacks', () => {
  const rec = (text: string, guess: string | null = null, ts = '2025-01-01T00:00:00.000Z'): FallbackRecord => ({
    ts,
    text,
    intent: 'None',
    score: 0.9,
    guess,
    guessScore: guess ? 0.3 : null,
  });
  const records = [
    ...Array(3).fill(rec('오늘 날씨 어때요', 'greeting')),
    ...Array(2).fill(rec('오늘 날씨 어때?')),
    rec('날씨 어때요', 'greeting', '2025-02-01T00:00:00.000Z'),
    ...Array(2).fill(rec('주차는 어디에 하나요', 'faq.start_driving')),
    rec('주차는 어디에 해요', 'faq.start_driving'),
    rec('완전히 다른 이야기'),
  ];

  it('groups similar texts, biggest first, with the guess NLP.js made most often', () => {
    const groups = groupFallbacks(records);
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ['오늘 날씨 어때요', 6],
      ['주차는 어디에 하나요', 3],
      ['완전히 다른 이야기', 1],
    ]);
    expect(groups[0].variants).toEqual([
      { text: '오늘 날씨 어때?', count: 2 },
      { text: '날씨 어때요', count: 1 },
    ]);
    expect(groups[0].guess).toEqual({ intent: 'greeting', score: 0.3, count: 4 });
    expect(groups[0].lastSeen).toBe('2025-02-01T00:00:00.000Z');
    expect(groups[2].guess).toBeNull();
  });

  it('prints the top groups from --dir, as text or --json', async () => {
    const dir = tempDir('report');
    fs.writeFileSync(path.join(dir, `${FALLBACK_FILE}.1`), records.slice(0, 5).map((r) => JSON.stringify(r)).join('\n') + '\n');
    fs.writeFileSync(path.join(dir, FALLBACK_FILE), [...records.slice(5).map((r) => JSON.stringify(r)), 'not json'].join('\n') + '\n');
    const json = await runCli('src/cli/report-fallbacks.ts', ['--dir', dir, '--top', '2', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ records: 10, skipped: 1, files: [`${FALLBACK_FILE}.1`, FALLBACK_FILE] });
    expect(parsed.groups.map((g: { count: number }) => g.count)).toEqual([6, 3]);
    const text = await runCli('src/cli/report-fallbacks.ts', ['--dir', dir]);
    expect(text.stdout).toContain('10 fallbacks in 2 file(s)');
    expect(text.stdout).toMatch(/ 1\.\s+6×\s+"오늘 날씨 어때요"\s+guess: greeting 0\.30 \(4\/6\)/);
  });
});
