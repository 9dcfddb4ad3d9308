/** The contract every SessionStore keeps; memory.test.ts and redis.test.ts run it against their store. */
import { initialSession, type Session } from '../../../src/dialog/session';
import type { SessionStore } from '../../../src/dialog/stores';

export interface ContractOptions {
  /** Cases this store does not run, each with its reason (shown in the test name). */
  skip?: Partial<Record<'lock', string>>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Sleep until `Date.now()` has reached `at` (a timer may fire a millisecond early). */
async function sleepUntil(at: number): Promise<void> {
  while (Date.now() < at) await sleep(at - Date.now() + 1);
}

function sessionWith(step: string): Session {
  return {
    ...initialSession(),
    dialog: { flow: 'password_reset', step, startedAt: 1, attempts: 0, helps: 0, slots: { phone: '01012345678' } },
  };
}

/**
 * Register the store contract in the current describe block. `makeStore` gives a fresh, empty store per test.
 * @example runStoreContract(() => new MemoryStore<Session>())
 */
export function runStoreContract(makeStore: () => SessionStore<Session> | Promise<SessionStore<Session>>, { skip = {} }: ContractOptions = {}): void {
  let store: SessionStore<Session>;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(() => store.close());

  it('reads nothing for an unknown user', async () => {
    expect(await store.read('nobody')).toBeUndefined();
  });

  it('reads back what was written, as a copy', async () => {
    const session = sessionWith('phone');
    await store.write('u1', session, 60_000);
    const read = await store.read('u1');
    expect(read).toEqual(session);
    expect(read).not.toBe(session);
    (read as Session).fallbacks = 5;
    expect((await store.read('u1'))?.fallbacks).toBe(0);
  });

  it('a write replaces the session; users never see each other', async () => {
    await store.write('u1', sessionWith('phone'), 60_000);
    await store.write('u2', sessionWith('name'), 60_000);
    await store.write('u1', sessionWith('birthdate'), 60_000);
    expect((await store.read('u1'))?.dialog?.step).toBe('birthdate');
    expect((await store.read('u2'))?.dialog?.step).toBe('name');
  });

  it('delete removes the session (and deleting nothing is fine)', async () => {
    await store.write('u1', sessionWith('phone'), 60_000);
    await store.delete('u1');
    await store.delete('never-there');
    expect(await store.read('u1')).toBeUndefined();
  });

  /**
   * Judged on times measured around each call, not on fixed sleeps: a session is gone once its TTL has passed since
   * its write returned; one written again is there while its TTL has not passed since that write began. A round whose
   * reads came too late to tell (a loaded machine) runs again with TTLs twice as long; no round that could tell is
   * ever skipped, and if none could, the test fails.
   */
  it('a session expires after its idle TTL, and every write starts the TTL again', async () => {
    const rounds: string[] = [];
    for (let ttl = 300; ttl <= 4800; ttl *= 2) {
      await store.write(`short-${ttl}`, sessionWith('phone'), ttl / 2);
      await store.write(`kept-${ttl}`, sessionWith('phone'), ttl);
      const firstWritten = Date.now();
      await sleep(ttl * 0.6);
      const rewriting = Date.now();
      await store.write(`kept-${ttl}`, sessionWith('name'), ttl);
      await sleepUntil(firstWritten + ttl + 20); // both first writes' TTLs are over
      const short = await store.read(`short-${ttl}`);
      const kept = await store.read(`kept-${ttl}`);
      const readDone = Date.now();
      expect(short).toBeUndefined();
      if (readDone < rewriting + ttl) {
        expect(kept?.dialog?.step).toBe('name');
        return;
      }
      rounds.push(`TTL ${ttl} ms: read ${readDone - rewriting} ms after the second write began`);
    }
    throw new Error(`no round could tell whether a write restarts the TTL (the machine was too slow): ${rounds.join('; ')}`);
  });

  it('counts the sessions it holds', async () => {
    await store.write('a', sessionWith('phone'), 60_000);
    await store.write('b', sessionWith('phone'), 60_000);
    expect(await store.size()).toBe(2);
  });

  const lockCase = skip.lock ? it.skip : it;
  lockCase(`lock: one holder per user at a time, released in order${skip.lock ? ` (skipped: ${skip.lock})` : ''}`, async () => {
    const lock = store.lock?.bind(store);
    if (!lock) throw new Error('this store has no lock; skip the case with a reason');
    const order: string[] = [];
    const release1 = await lock('u1', { ttlMs: 5000, waitMs: 2000 });
    const second = lock('u1', { ttlMs: 5000, waitMs: 2000 }).then((release) => (order.push('second'), release));
    const other = await lock('u2', { ttlMs: 5000, waitMs: 100 }); // another user is never held up
    await sleep(100);
    order.push('first done');
    await release1();
    await (await second)();
    await other();
    expect(order).toEqual(['first done', 'second']);
  });

  lockCase(`lock: gives up after waitMs and frees itself after ttlMs${skip.lock ? ` (skipped: ${skip.lock})` : ''}`, async () => {
    const lock = store.lock?.bind(store);
    if (!lock) throw new Error('this store has no lock; skip the case with a reason');
    await lock('u1', { ttlMs: 300, waitMs: 10 });
    await expect(lock('u1', { ttlMs: 300, waitMs: 50 })).rejects.toThrow(/held/);
    const later = await lock('u1', { ttlMs: 300, waitMs: 1000 }); // the dead holder's lock expired
    await later();
  });
}
