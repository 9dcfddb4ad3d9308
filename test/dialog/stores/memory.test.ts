/** MemoryStore: the store contract, plus its own bound (LRU). */
import type { Session } from '../../../src/dialog/session';
import { MemoryStore, withTimeout } from '../../../src/dialog/stores';
import { initialSession } from '../../../src/dialog/session';
import { runStoreContract } from './store.case';

describe('MemoryStore contract', () => {
  runStoreContract(() => new MemoryStore<Session>(), {
    skip: { lock: 'one process only: Conversation already orders turns per user with its in-process KeyedQueue' },
  });
});

describe('MemoryStore contract behind withTimeout (as the server uses it)', () => {
  runStoreContract(() => withTimeout(new MemoryStore<Session>(), 1000), {
    skip: { lock: 'one process only: Conversation already orders turns per user with its in-process KeyedQueue' },
  });
});

describe('MemoryStore bound', () => {
  const s = (fallbacks: number): Session => ({ ...initialSession(), fallbacks });

  it('evicts the least recently used session past max', async () => {
    const store = new MemoryStore<Session>({ max: 3 });
    for (const key of ['a', 'b', 'c']) await store.write(key, s(1), 60_000);
    await store.read('a'); // a is now the most recent
    await store.write('d', s(1), 60_000);
    expect(await store.read('b')).toBeUndefined();
    expect(await store.read('a')).toBeDefined();
    expect(await store.size()).toBe(3);
  });

  it('expires on its own clock (injectable)', async () => {
    let now = 0;
    const store = new MemoryStore<Session>({ now: () => now });
    await store.write('a', s(1), 600_000);
    now = 599_999;
    expect(await store.read('a')).toBeDefined();
    now = 1_200_000;
    expect(await store.read('a')).toBeUndefined();
  });
});
