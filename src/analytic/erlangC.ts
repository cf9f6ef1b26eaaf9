import { blockingProbability } from './erlangB';
import { AnalyticInputError } from './errors';
import {
  DEFAULT_SERVICE_LEVEL_SECONDS,
  IssueCollector,
  formatQuantity,
  offeredLoad,
  requireObject,
} from './inputs';

/** A load offered to agents with an unlimited hold queue and callers who never hang up. */
export interface ErlangCInput {
  /** Calls offered per hour. */
  readonly arrivalsPerHour: number;
  /** Mean handle time of a call, in seconds. */
  readonly meanHandleSeconds: number;
  /** Agents: a positive integer (at most 1,000,000), more than the offered load in Erlangs. */
  readonly agents: number;
  /** Answer-time threshold for the service level, in seconds; default 20. */
  readonly serviceLevelSeconds?: number;
}

/** Steady-state performance of an Erlang C (M/M/n) center. */
export interface ErlangCResult {
  /** Probability that a caller waits at all (finds every agent busy). */
  readonly probWait: number;
  /** Mean hold time over all callers, those answered at once included, in seconds. */
  readonly meanWaitSeconds: number;
  /** Fraction of callers answered within `seconds`. */
  readonly serviceLevel: { readonly seconds: number; readonly fraction: number };
  /** Fraction of agent time spent on calls: offered load / agents. */
  readonly occupancy: number;
  /** Mean number of callers on hold. */
  readonly meanQueueLength: number;
}

/**
 * Erlang C: waiting probability, mean wait, service level, occupancy and queue length of a
 * center whose callers wait as long as it takes (M/M/n, FIFO, Poisson arrivals, exponential
 * handle times).
 *
 * Built on the Erlang B recurrence, so it is exact to rounding for tens of thousands of agents.
 * A load of at least as many Erlangs as agents has no steady state (the queue grows without
 * bound): that throws an {@link AnalyticInputError} saying so; use {@link erlangA} there.
 *
 * @example
 * ```ts
 * // 5 Erlangs on 6 agents: 100 calls an hour of 3 minutes
 * const c = erlangC({ arrivalsPerHour: 100, meanHandleSeconds: 180, agents: 6 });
 * c.probWait;                   // ≈ 0.5875
 * c.meanWaitSeconds;            // ≈ 105.8
 * c.serviceLevel;               // { seconds: 20, fraction: ≈ 0.4743 }
 * ```
 * @see erlangA for callers who abandon, erlangB for no queue, agentsFor for staffing
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  const fields = requireObject('erlangC', input);
  const { arrivalsPerHour, meanHandleSeconds, agents, serviceLevelSeconds } = fields;
  const issues = new IssueCollector('erlangC');
  issues.nonNegative('arrivalsPerHour', arrivalsPerHour);
  issues.positive('meanHandleSeconds', meanHandleSeconds);
  issues.agentCount('agents', agents);
  issues.optionalNonNegative('serviceLevelSeconds', serviceLevelSeconds);
  issues.throwIfAny();
  const load = offeredLoad(arrivalsPerHour as number, meanHandleSeconds as number);
  if (load >= (agents as number)) {
    throw new AnalyticInputError(
      [{ function: 'erlangC', argument: 'agents', expected: `more than the offered load of ${formatQuantity(load)} Erlangs`, received: agents }],
      `erlangC: unstable: offered load ${formatQuantity(load)} Erlangs is at or above ${String(agents)} agents; ` +
        'waits grow without bound (use erlangA with patience, or more agents)',
    );
  }
  return erlangCMetrics(
    load,
    meanHandleSeconds as number,
    agents as number,
    (serviceLevelSeconds as number | undefined) ?? DEFAULT_SERVICE_LEVEL_SECONDS,
  );
}

/** Erlang C for a checked, stable load (`load < agents`). */
export function erlangCMetrics(
  load: number,
  meanHandleSeconds: number,
  agents: number,
  serviceLevelSeconds: number,
): ErlangCResult {
  const blocking = blockingProbability(agents, load);
  const spare = agents - load;
  // C = B / (1 - ρ(1 - B)), with the denominator regrouped so that ρ near 1 loses no digits.
  const probWait = (agents * blocking) / (spare + load * blocking);
  return {
    probWait,
    meanWaitSeconds: (probWait * meanHandleSeconds) / spare,
    serviceLevel: {
      seconds: serviceLevelSeconds,
      fraction: 1 - probWait * Math.exp((-spare * serviceLevelSeconds) / meanHandleSeconds),
    },
    occupancy: load / agents,
    meanQueueLength: (probWait * load) / spare,
  };
}
