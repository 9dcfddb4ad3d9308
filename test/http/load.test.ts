/**
 * Issue #12, items 6 and 8: a global in-flight limit sheds load with a fast polite 200 (system.busy) instead of an
 * unbounded queue; utterances are cut to 1,000 characters before anything reads them. (Slow clients and the
 * connection cap: test/http/slowloris.test.ts.)
 */
import request from 'supertest';
import type { Session } from '../../src/dialog/session';
import { MemoryStore } from '../../src/dialog/stores/memory';
import type { TurnInput } from '../../src/dialog/types';
import { MAX_UTTERANCE_CHARS } from '../../src/http/turn-input';
import { expectValidResponse, makeTestApp, textOf } from '../helpers/app';

class SlowStore extends MemoryStore<Session> {
  override async read(key: string): Promise<Session | undefined> {
    await new Promise((r) => setTimeout(r, 800));
    return super.read(key);
  }
}

describe('global in-flight limit (MAX_IN_FLIGHT)', () => {
  it('answers turns over the limit at once with system.busy, counted in /metrics', async () => {
    const t = await makeTestApp({ MAX_IN_FLIGHT: '2' }, { store: new SlowStore() });
    const send = async (i: number) => {
      const started = Date.now();
      const res = await request(t.app).post('/skill').send({ userRequest: { utterance: '리프레시 교육이 뭐예요?', user: { id: `busy-${i}` } } });
      expect(res.status).toBe(200);
      return { text: textOf(expectValidResponse(res.body)), ms: Date.now() - started };
    };
    const answers = await Promise.all([0, 1, 2, 3, 4, 5].map(send));
    const busy = answers.filter((a) => a.text.includes('지금 문의가 많아요'));
    expect(busy.length).toBeGreaterThanOrEqual(3);
    for (const a of busy) expect(a.ms).toBeLessThan(500);
    expect(answers.filter((a) => a.text.includes('리프레시 교육은')).length).toBeGreaterThanOrEqual(1);
    const metrics = (await request(t.admin).get('/metrics')).text;
    expect(Number(/bluebot_turns_refused_total\{reason="shed_in_flight"\} (\d+)/.exec(metrics)?.[1])).toBe(busy.length);
    await t.close();
  });
});

describe('utterance length', () => {
  it(`cuts an utterance to ${MAX_UTTERANCE_CHARS} characters before the password check, masking and classification`, async () => {
    const seen: TurnInput[] = [];
    const t = await makeTestApp({}, { hooks: [(turn) => seen.push(turn)] });
    const long = `${'리프레시 교육이 뭐예요 '.repeat(200)}Blue1234!`; // the password-like tail lies past the cut
    const text = textOf(await t.say(long, { user: 'long-utterance' }));
    expect(seen.at(-1)?.utterance.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
    expect(text).toContain('리프레시 교육은');
    await t.close();
  });
});
