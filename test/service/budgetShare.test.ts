import { describe, expect, it } from 'vitest';
import { budgetShare } from '../../src/node/service/budgetShare';

describe('budgetShare', () => {
  it('gives each of n requests in the pool threads / n of the budget, and the whole budget while a thread is free', () => {
    // 10 ms on 2 threads: 20 requests in the pool get 1 ms each (20 x 1 ms / 2 threads = 10 ms
    // to drain them all); 2 or fewer, a thread each, 10 ms.
    expect(budgetShare(10, 2, 20)).toBe(1);
    expect(budgetShare(10, 2, 5)).toBe(4);
    expect(budgetShare(10, 2, 2)).toBe(10);
    expect(budgetShare(10, 2, 1)).toBe(10);
    expect(budgetShare(10, 2, 0)).toBe(10);
  });
});
