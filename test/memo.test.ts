import { BoundedMemo } from '../src/memo';

describe('BoundedMemo', () => {
  it('computes a key once, and starts over when it holds max keys', () => {
    const memo = new BoundedMemo<number>(2);
    let computed = 0;
    const square = (n: number) => memo.get(String(n), () => (computed++, n * n));
    expect([square(3), square(3), square(4), square(3)]).toEqual([9, 9, 16, 9]);
    expect(computed).toBe(2);
    square(5); // a third key: the two held are dropped
    square(3);
    expect(computed).toBe(4);
  });
});
