import { IssueCollector, offeredLoad, requireObject } from './inputs';

/** A load offered to a group of agents with no queue. */
export interface ErlangBInput {
  /** Calls offered per hour. */
  readonly arrivalsPerHour: number;
  /** Mean handle time of a call, in seconds. */
  readonly meanHandleSeconds: number;
  /** Agents (or lines): a positive integer, at most 1,000,000. */
  readonly agents: number;
}

/**
 * Erlang B: the probability that a call finds every agent busy and is lost, in a center
 * without a queue (M/M/n/n; by insensitivity, any handle-time distribution with this mean).
 *
 * Computed by the recurrence `B(k) = a B(k-1) / (k + a B(k-1))`, which only adds and divides
 * positive numbers: exact to rounding for any size, O(agents), no factorials.
 *
 * @example
 * ```ts
 * // 5 Erlangs (100 calls an hour of 3 minutes) on 10 lines
 * erlangB({ arrivalsPerHour: 100, meanHandleSeconds: 180, agents: 10 }); // ≈ 0.018385
 * ```
 * @see erlangC for the same load with a queue
 */
export function erlangB(input: ErlangBInput): number {
  const { arrivalsPerHour, meanHandleSeconds, agents } = requireObject('erlangB', input);
  const issues = new IssueCollector('erlangB');
  issues.nonNegative('arrivalsPerHour', arrivalsPerHour);
  issues.positive('meanHandleSeconds', meanHandleSeconds);
  issues.agentCount('agents', agents);
  issues.throwIfAny();
  return blockingProbability(agents as number, offeredLoad(arrivalsPerHour as number, meanHandleSeconds as number));
}

/** Erlang B for `agents` servers and `load` Erlangs, arguments already checked. */
export function blockingProbability(agents: number, load: number): number {
  let blocking = 1;
  for (let k = 1; k <= agents; k++) {
    const carried = load * blocking;
    blocking = carried / (k + carried);
  }
  return blocking;
}
