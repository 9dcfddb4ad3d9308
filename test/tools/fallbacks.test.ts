/** Fallback report: `npm run report:fallbacks` groups and ranks the fallback events of the event store. */
import { createEventRecorder, groupFallbacks, openEventStore, type FallbackRecord } from '../../src/events';
import { fakeTurn } from '../events/fixtures';
import { runCli, tempDb } from './helpers';

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

  it('prints the top groups from the event store (--db), as text or --json; answered turns are not fallbacks', async () => {
    const file = tempDb('report');
    const store = await openEventStore({ EVENTS_DB: file, CONTENT_DIR: '.' });
    const recorder = createEventRecorder({ store: async () => store });
    for (const r of records) recorder.hook(...fakeTurn({ text: r.text, at: Date.parse(r.ts), ...(r.guess ? { guess: { intent: r.guess, score: 0.3 } } : {}) }));
    recorder.hook(...fakeTurn({ text: '리프레시 교육', outcome: 'answered', score: 0.9 }));
    await recorder.flush();
    await store.close();
    const json = await runCli('src/cli/report-fallbacks.ts', ['--db', file, '--top', '2', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ records: 10, dialect: 'sqlite', store: file });
    expect(parsed.groups.map((g: { count: number }) => g.count)).toEqual([6, 3]);
    const text = await runCli('src/cli/report-fallbacks.ts', ['--db', file]);
    expect(text.stdout).toContain(`10 fallbacks in ${file}; top 3 groups:`);
    expect(text.stdout).toMatch(/ 1\.\s+6×\s+"오늘 날씨 어때요"\s+guess: greeting 0\.30 \(4\/6\)/);
    const recent = await runCli('src/cli/report-fallbacks.ts', ['--db', file, '--days', '3']);
    expect(recent.stdout).toContain('no fallbacks recorded'); // the records are from 2025
    const bad = await runCli('src/cli/report-fallbacks.ts', ['--db', file, '--top', 'x']);
    expect(bad.code).toBe(2);
  });
});
