/** The recorder's batching, through a sink that holds each write until the test lets it finish. */
import { BatchBuilder, createEventRecorder, EVENT_COLUMNS, factOf, kstDayNumber, pushFacts, sliceBatch, toRow, ValueCodes, type FactBatch } from '../../src/events';
import { userTag } from '../../src/log/logger';
import { fakeTurn } from './fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sink that records each batch's turn count and answers only when `release()` is called. */
function heldSink() {
  const sizes: number[] = [];
  let open: Array<() => void> = [];
  const sink = (batch: FactBatch) => {
    sizes.push(batch.n);
    return new Promise<void>((resolve) => open.push(resolve));
  };
  const release = () => {
    for (const r of open) r();
    open = [];
  };
  const until = async (n: number) => {
    for (let i = 0; i < 400 && sizes.length < n; i++) await sleep(5);
    expect(sizes.length).toBe(n);
  };
  return { sink, sizes, release, until };
}

describe('event recorder batching', () => {
  it('turns queued during a write wait for a full batch, not written as a small batch of their own', async () => {
    const s = heldSink();
    const rec = createEventRecorder({ sink: s.sink, batchSize: 10, flushMs: 60_000 });
    for (let i = 0; i < 10; i++) rec.hook(...fakeTurn());
    await s.until(1);
    for (let i = 0; i < 3; i++) rec.hook(...fakeTurn()); // queued while the first batch is written
    s.release();
    await sleep(50);
    expect(s.sizes).toEqual([10]);
    expect(rec.counts()).toMatchObject({ written: 10, queued: 3 });
    for (let i = 0; i < 7; i++) rec.hook(...fakeTurn());
    await s.until(2);
    expect(s.sizes).toEqual([10, 10]);
    s.release();
    rec.hook(...fakeTurn());
    const flushed = rec.flush();
    await s.until(3);
    s.release();
    await flushed;
    expect(s.sizes).toEqual([10, 10, 1]);
    expect(rec.counts()).toMatchObject({ written: 21, queued: 0 });
  });

  it('a part batch is written when its timer fires, also when that was during a write', async () => {
    const s = heldSink();
    const rec = createEventRecorder({ sink: s.sink, batchSize: 10, flushMs: 20 });
    for (let i = 0; i < 3; i++) rec.hook(...fakeTurn());
    await s.until(1); // the timer's part batch
    for (let i = 0; i < 2; i++) rec.hook(...fakeTurn()); // their timer fires while the first write is held
    await sleep(60);
    expect(s.sizes).toEqual([3]);
    s.release();
    await s.until(2); // written after it, without a further turn
    s.release();
    expect(s.sizes).toEqual([3, 2]);
    await rec.flush();
    expect(rec.counts()).toMatchObject({ written: 5, queued: 0 });
  });

  it('a backlog is written in full batches, then the rest by flush', async () => {
    const s = heldSink();
    const rec = createEventRecorder({ sink: s.sink, batchSize: 10, flushMs: 60_000 });
    for (let i = 0; i < 25; i++) rec.hook(...fakeTurn()); // in one tick: the full batch's timer finds 25 queued
    await s.until(1);
    s.release();
    await s.until(2);
    s.release();
    await sleep(50);
    expect(s.sizes).toEqual([10, 10]);
    const flushed = rec.flush();
    await s.until(3);
    s.release();
    await flushed;
    expect(s.sizes).toEqual([10, 10, 5]);
  });
});

describe('a batch of turns (numbers in one typed array, strings apart)', () => {
  const at = Date.UTC(2026, 11, 1, 3);
  const turns = [
    fakeTurn({ user: 'a', text: '교육 어디서 들어요', at }),
    fakeTurn({ user: 'b', outcome: 'answered', intent: 'faq.signup', score: 0.93, at: at + 1 }),
    fakeTurn({ user: 'a', text: '비번 까먹었어요', guess: { intent: 'faq.password', score: 0.41 }, at: at + 2 }),
    fakeTurn({ user: 'c', failed: true, at: at + 3 }),
  ];
  const codes = new ValueCodes();
  const b = new BatchBuilder(10);
  for (const [turn, report] of turns) pushFacts(b, turn, report, { model: 'm1', content: null }, codes);

  it('reads back each value as it is bound: null for none, the pseudonym and the kept text as strings', () => {
    const rows = [0, 1, 2, 3].map((i) => Object.fromEntries(EVENT_COLUMNS.map((c, k) => [c, factOf(b.batch, i, k)])));
    const code = (v: string) => codes.values.indexOf(v);
    expect(b.batch.n).toBe(4);
    expect(b.batch.users).toEqual([userTag('a'), userTag('b'), userTag('c')]);
    expect(rows[0]).toMatchObject({ at, day: kstDayNumber(at), user_tag: userTag('a'), route: code('nlu'), intent: code('None'), outcome: code('fallback'), flow: null, step: null, latency_ms: 3, model_version: code('m1'), content_version: null, text: '교육 어디서 들어요' });
    expect(rows[1]).toMatchObject({ user_tag: userTag('b'), intent: code('faq.signup'), score: 0.93, outcome: code('answered'), text: null, guess_intent: null, guess_score: null });
    expect(rows[2]).toMatchObject({ user_tag: userTag('a'), text: '비번 까먹었어요', guess_intent: code('faq.password'), guess_score: 0.41 });
    expect(rows[3]).toMatchObject({ user_tag: userTag('c'), route: code('error'), intent: null, score: null, outcome: code('error'), text: null });
    // as stored (migration 006): the coded columns are the row's shape
    expect(toRow(b.batch, 2, 7)).toEqual({ at: at + 2, day: kstDayNumber(at + 2), user_tag: userTag('a'), shape: 7, score: 0.8, latency_ms: 3, text: '비번 까먹었어요', guess_score: 0.41 });
  });

  it('numbers each turn with the versions it was answered with, also after the batch was read', () => {
    const c = new ValueCodes();
    const one = new BatchBuilder(4);
    pushFacts(one, ...turns[0], { model: 'm1', content: 'v1' }, c);
    pushFacts(one, ...turns[1], { model: 'm1', content: 'v1' }, c);
    expect(factOf(one.batch, 1, EVENT_COLUMNS.indexOf('intent'))).toBe(c.values.indexOf('faq.signup'));
    pushFacts(one, ...turns[2], { model: 'm2', content: 'v2' }, c);
    const code = (i: number, col: (typeof EVENT_COLUMNS)[number]) => {
      const v = factOf(one.batch, i, EVENT_COLUMNS.indexOf(col));
      return v === null ? null : c.values[v as number];
    };
    expect([0, 1, 2].map((i) => [code(i, 'intent'), code(i, 'outcome'), code(i, 'model_version'), code(i, 'content_version'), code(i, 'guess_intent')])).toEqual([
      ['None', 'fallback', 'm1', 'v1', null],
      ['faq.signup', 'answered', 'm1', 'v1', null],
      ['None', 'fallback', 'm2', 'v2', 'faq.password'],
    ]);
  });

  it('two batches filled one after the other keep their own values', () => {
    const c = new ValueCodes();
    const first = new BatchBuilder(2);
    pushFacts(first, ...turns[1], { model: 'm1', content: null }, c);
    pushFacts(first, ...turns[3], { model: 'm1', content: null }, c);
    const before = Array.from(first.batch.nums);
    const second = new BatchBuilder(2);
    pushFacts(second, ...turns[0], { model: 'm9', content: 'v9' }, c);
    expect(Array.from(first.batch.nums)).toEqual(before);
    const values = (b: FactBatch, i: number) => EVENT_COLUMNS.map((_, k) => factOf(b, i, k));
    expect(values(second.batch, 0)[EVENT_COLUMNS.indexOf('model_version')]).toBe(c.values.indexOf('m9'));
    expect(values(second.batch, 0)[EVENT_COLUMNS.indexOf('intent')]).toBe(c.values.indexOf('None'));
    expect(values(first.batch, 0)[EVENT_COLUMNS.indexOf('intent')]).toBe(c.values.indexOf('faq.signup'));
    expect(values(first.batch, 1)[EVENT_COLUMNS.indexOf('route')]).toBe(c.values.indexOf('error'));
  });

  it('a slice holds the same values, with its own string lists', () => {
    const part: FactBatch = sliceBatch(b.batch, 1, 3);
    expect(part.n).toBe(2);
    expect(part.users).toEqual([userTag('b'), userTag('a')]);
    expect(part.texts).toEqual(['비번 까먹었어요']);
    for (let k = 0; k < EVENT_COLUMNS.length; k++) {
      expect(factOf(part, 0, k)).toEqual(factOf(b.batch, 1, k));
      expect(factOf(part, 1, k)).toEqual(factOf(b.batch, 2, k));
    }
  });
});
