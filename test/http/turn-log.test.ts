/**
 * Issue #12, item 2: the turn log carries no utterance by default (`LOG_UTTERANCES=masked` opts in, masked and cut
 * to 300 characters), a turn whose user had a dialog open is never logged with text, whatever happened to the turn,
 * and a failure is logged once.
 */
import { MemoryStore } from '../../src/dialog/stores/memory';
import type { Session } from '../../src/dialog/session';
import { makeTestApp, textOf, type TestApp } from '../helpers/app';

const turnLines = (t: TestApp) => t.logs().filter((l) => l.message === 'turn');
/** Log lines are written after the answer is sent: wait until `n` turn lines are there. */
const settle = async (t: TestApp, n: number) => {
  for (let i = 0; i < 40 && turnLines(t).length < n; i++) await new Promise((r) => setTimeout(r, 25));
};

/** A memory store whose writes hang while `hang` is set (a Redis stall in the middle of a turn). */
class StallingStore extends MemoryStore<Session> {
  hang = false;
  override async write(key: string, value: Session, ttlMs: number): Promise<void> {
    if (this.hang) return new Promise(() => undefined);
    return super.write(key, value, ttlMs);
  }
}

describe('turn log, by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it('has intent, route, outcome and a pseudonym, never the utterance', async () => {
    await t.say('리프레시 교육이 뭐예요?', { user: 'log-default' });
    await t.say('교육비 환급 되나요 제 번호는 010-4823-7323', { user: 'log-default' });
    await settle(t, 2);
    const lines = turnLines(t);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).not.toHaveProperty('text');
      expect(line).toEqual(expect.objectContaining({ intent: expect.any(String), route: expect.any(String), outcome: expect.any(String), user: expect.any(String) }));
    }
    expect(t.logText()).not.toContain('환급');
  });
});

describe('turn log with LOG_UTTERANCES=masked', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ LOG_UTTERANCES: 'masked' });
  });
  afterAll(() => t.close());

  it('keeps the text masked and at most 300 characters', async () => {
    await t.say('제 이름은 탄시율입니다 교육비 환급 되나요', { user: 'log-masked' });
    await t.say(`교육비 ${'환급 '.repeat(400)}`, { user: 'log-masked-long' });
    await settle(t, 2);
    const texts = turnLines(t).map((l) => String(l.text ?? ''));
    expect(texts[0]).toContain('[이름 가림]');
    expect(texts[0]).not.toContain('탄시율');
    expect(Math.max(...texts.map((x) => x.length))).toBeLessThanOrEqual(300);
    expect(texts[1].length).toBeGreaterThan(100);
  });

  it('never logs the text of a turn whose user had a dialog open, and logs a failed turn once', async () => {
    const store = new StallingStore();
    const d = await makeTestApp({ LOG_UTTERANCES: 'masked', TURN_BUDGET_MS: '300', STORE_TIMEOUT_MS: '800' }, { store });
    const user = 'log-dialog';
    let res = await d.say('비밀번호 재설정 도와주세요', { user });
    for (const answer of ['010-4823-7323', '1974-11-22']) res = await d.say(answer, { user });
    expect(textOf(res)).toContain('이름');
    store.hang = true; // the name answer's session write stalls: the turn runs out of budget
    res = await d.say('승하진', { user });
    expect(textOf(res)).toContain('1533-0301');
    await new Promise((r) => setTimeout(r, 1200)); // past the store timeout of the stalled write
    store.hang = false;
    const lastTurn = turnLines(d).at(-1) as Record<string, unknown>;
    expect(lastTurn.outcome).toBe('error');
    expect(lastTurn).not.toHaveProperty('text');
    expect(d.logText()).not.toContain('승하진');
    const failures = d.logs().filter((l) => l.requestId === lastTurn.requestId && l.level === 'error');
    expect(failures).toHaveLength(1);
    await d.close();
  });
});
