/** The recorder's batching, through a sink that holds each write until the test lets it finish. */
import { createEventRecorder, FACTS, type FactBatch } from '../../src/events';
import { fakeTurn } from './fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sink that records each batch's turn count and answers only when `release()` is called. */
function heldSink() {
  const sizes: number[] = [];
  let open: Array<() => void> = [];
  const sink = (batch: FactBatch) => {
    sizes.push(batch.length / FACTS);
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
