// How much waiting a center credits its priority callers, from the order in which it served them.
import type { CallRecord } from './records';

const DAY = 86_400;
/** A head who left within this many seconds of an answer may have been taken at the same moment by another agent (clocks are to the second). */
const SAME_MOMENT = 2;

interface Waiting {
  arrivedAt: number;
  leftAt: number;
}

/** The credit the order of service shows, with how much of that order it explains. */
export interface CreditEstimate {
  creditSeconds: number;
  /** Answers that bound the credit: a priority caller taken before a regular one who arrived earlier (from below), or the reverse (from above). */
  bounds: number;
  /** The share of those bounds the estimate satisfies. */
  agreement: number;
}

/**
 * Collects, day by day and line by line, the answers that bound a waiting credit: when an agent
 * takes a priority caller who arrived d seconds after the regular caller at the head of the
 * queue, the credit is at least d; when they take a regular caller while a priority caller who
 * arrived d seconds later waits, it is at most d. Records come in time order; a day is read once
 * the next has begun, so memory holds two days of one line's calls.
 */
export class CreditTally {
  private readonly days = new Map<string, { day: number; regular: Waiting[]; priority: Waiting[]; answers: Array<Waiting & { priority: boolean }> }>();
  readonly lower: number[] = [];
  readonly upper: number[] = [];

  add(record: CallRecord): void {
    const leftAt = record.outcome === 'answered' ? record.answeredAt! : record.endedAt;
    if (leftAt === undefined) return;
    const day = Math.floor(record.arrivedAt / DAY);
    let calls = this.days.get(record.line);
    if (calls && calls.day !== day) {
      this.settle(calls);
      calls = undefined;
    }
    if (!calls) this.days.set(record.line, (calls = { day, regular: [], priority: [], answers: [] }));
    const priority = (record.priority ?? 0) > 0;
    const waiting = { arrivedAt: record.arrivedAt, leftAt };
    (priority ? calls.priority : calls.regular).push(waiting);
    if (record.outcome === 'answered' && leftAt > record.arrivedAt) calls.answers.push({ ...waiting, priority });
  }

  /** The credit that satisfies the most bounds (the middle of the best range); undefined without bounds. */
  estimate(): CreditEstimate | undefined {
    for (const calls of this.days.values()) this.settle(calls);
    this.days.clear();
    const bounds = this.lower.length + this.upper.length;
    if (bounds === 0) return undefined;
    const lower = [...this.lower].sort((a, b) => a - b);
    const upper = [...this.upper].sort((a, b) => a - b);
    // Violations at c: lower bounds above c, upper bounds below c. Try 0 and every bound.
    const candidates = [0, ...lower, ...upper].sort((a, b) => a - b);
    let best = Infinity;
    let from = 0;
    let to = 0;
    for (const c of candidates) {
      const violations = lower.length - countAtMost(lower, c) + countBelow(upper, c);
      if (violations < best) [best, from, to] = [violations, c, c];
      else if (violations === best) to = c;
    }
    return { creditSeconds: (from + to) / 2, bounds, agreement: 1 - best / bounds };
  }

  private settle(calls: { regular: Waiting[]; priority: Waiting[]; answers: Array<Waiting & { priority: boolean }> }): void {
    const byArrival = (a: Waiting, b: Waiting) => a.arrivedAt - b.arrivedAt;
    calls.regular.sort(byArrival);
    calls.priority.sort(byArrival);
    for (const taken of calls.answers) {
      const at = taken.leftAt;
      const others = taken.priority ? calls.regular : calls.priority;
      let head: Waiting | undefined;
      for (const other of others) {
        if (other.arrivedAt >= at) break;
        if (other.leftAt > at + SAME_MOMENT) {
          head = other;
          break;
        }
      }
      if (!head) continue;
      if (taken.priority && head.arrivedAt < taken.arrivedAt) this.lower.push(taken.arrivedAt - head.arrivedAt);
      else if (!taken.priority && head.arrivedAt > taken.arrivedAt) this.upper.push(head.arrivedAt - taken.arrivedAt);
    }
  }
}

function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
