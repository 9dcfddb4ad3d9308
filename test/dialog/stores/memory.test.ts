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

describe('withTimeout and MemoryStore', () => {
  it('leaves a plain MemoryStore unwrapped (its calls settle at once) and wraps anything else', async () => {
    const plain = new MemoryStore<Session>();
    expect(withTimeout(plain, 1000)).toBe(plain);
    class Slow extends MemoryStore<Session> {
      override async read(key: string): Promise<Session | undefined> {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return super.read(key);
      }
    }
    const slow = withTimeout(new Slow(), 20);
    expect(slow).not.toBeInstanceOf(Slow);
    await expect(slow.read('a')).rejects.toThrow('session store read took over 20 ms');
  });
});

describe('MemoryStore copies', () => {
  const withDialog = (): Session => ({
    ...initialSession(),
    dialog: { flow: 'password_reset', step: 'name', startedAt: 1, attempts: 0, helps: 0, slots: { phone: '01012345678' } },
  });

  it('is not changed by mutating what was written or read, at any depth', async () => {
    const store = new MemoryStore<Session>();
    const written = withDialog();
    await store.write('a', written, 60_000);
    written.dialog!.slots.phone = 'changed';
    written.fallbacks = 9;
    const read = (await store.read('a'))!;
    expect(read).toEqual(withDialog());
    read.dialog!.slots.birthdate = '1985-03-07';
    read.dialog!.step = 'confirm';
    expect(await store.read('a')).toEqual(withDialog());
    expect(await store.read('a')).not.toBe(await store.read('a'));
  });

  it('refuses a value that is not JSON and keeps the previous one', async () => {
    const store = new MemoryStore<unknown>();
    await store.write('a', { v: 1 }, 60_000);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(store.write('a', cyclic, 60_000)).rejects.toThrow();
    await expect(store.write('a', undefined, 60_000)).rejects.toThrow(TypeError);
    expect(await store.read('a')).toEqual({ v: 1 });
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
