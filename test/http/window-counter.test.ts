/** WindowCounter: the console's login throttle counts with it (the webhook's rate limit uses rate-limiter-flexible). */
import { WindowCounter } from '../../src/http/middleware/window-counter';

describe('WindowCounter', () => {
  it('counts hits per key within a window', () => {
    const c = new WindowCounter({ windowMs: 1000 });
    expect([c.hit('a', 0), c.hit('a', 10), c.hit('b', 20), c.hit('a', 999)]).toEqual([1, 2, 1, 3]);
  });

  it('weights the previous window by its overlap (no double burst at a boundary)', () => {
    const c = new WindowCounter({ windowMs: 1000 });
    for (let i = 0; i < 10; i++) c.hit('a', 900);
    expect(c.hit('a', 1100)).toBe(1 + 9); // 90% of the previous 10 still overlap
    expect(c.hit('a', 1900)).toBe(2 + 1);
    expect(c.hit('a', 3500)).toBe(1); // two windows later, all forgotten
  });

  it('holds at most 2 × maxKeys keys however many users arrive', () => {
    const c = new WindowCounter({ windowMs: 1000, maxKeys: 1000 });
    for (let i = 0; i < 50_000; i++) c.hit(`user-${i}`, i % 3000);
    expect(c.size).toBeLessThanOrEqual(2000);
  });

  it('survives a clock that goes backwards', () => {
    const c = new WindowCounter({ windowMs: 1000 });
    c.hit('a', 5000);
    expect(c.hit('a', 1000)).toBe(1);
  });
});
