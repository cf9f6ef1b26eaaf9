/**
 * A forecast's share of the service's default budget when other requests wait: with `inPool`
 * requests in the pool (running or waiting) on `threads` threads, each gets `threads / inPool`
 * of it, so the queue drains in about one budget's time however long it is, and an answer's
 * latency stays near the budget plus the requests' fixed costs. The answer still says how many
 * futures it ran and how precise it is. One request per thread or fewer: the whole budget.
 *
 * @example
 * budgetShare(10, 2, 20); // 1: twenty requests on two threads get a millisecond each
 */
export function budgetShare(milliseconds: number, threads: number, inPool: number): number {
  return (milliseconds * threads) / Math.max(threads, inPool);
}
