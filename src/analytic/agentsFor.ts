import { erlangAMetrics, type ErlangAResult } from './erlangA';
import { erlangCMetrics, type ErlangCResult } from './erlangC';
import { AnalyticInputError } from './errors';
import { DEFAULT_SERVICE_LEVEL_SECONDS, IssueCollector, MAX_AGENTS, offeredLoad, requireObject } from './inputs';
import { squareRootEstimate, type StaffingProblem, type StaffingTarget } from './squareRootStaffing';

export type { StaffingTarget } from './squareRootStaffing';

interface AgentsForLoad {
  /** Calls offered per hour. */
  readonly arrivalsPerHour: number;
  /** Mean handle time of a call, in seconds. */
  readonly meanHandleSeconds: number;
  /** Answer-time threshold for the service level, in seconds; default 20. */
  readonly serviceLevelSeconds?: number;
}

/** A staffing question for callers who never hang up: answered with Erlang C. */
export interface AgentsForErlangCInput extends AgentsForLoad {
  readonly meanPatienceSeconds?: undefined;
  readonly target: { readonly serviceLevel: number } | { readonly meanWaitSeconds: number };
}

/** A staffing question for callers who hang up after a mean patience: answered with Erlang A. */
export interface AgentsForErlangAInput extends AgentsForLoad {
  /** Mean patience of a caller on hold, in seconds. */
  readonly meanPatienceSeconds: number;
  readonly target: StaffingTarget;
}

export type AgentsForInput = AgentsForErlangCInput | AgentsForErlangAInput;

/** The staffing answer; the model's metrics at `agents` come alongside. */
export interface Staffing {
  /** The smallest number of agents that meets the target. */
  readonly agents: number;
  /** The square-root staffing rule of thumb `ceil(R + β√R)` for the same target. */
  readonly squareRootEstimate: number;
}

/**
 * The smallest number of agents that meets a target: a service level
 * (`{ serviceLevel: 0.8 }` with `serviceLevelSeconds`, default 20), a mean hold
 * (`{ meanWaitSeconds: 30 }`) or, for callers who abandon, an abandonment rate
 * (`{ probAbandon: 0.05 }`). With `meanPatienceSeconds` it plans with {@link erlangA},
 * without it with {@link erlangC}, and returns that model's metrics at the answer, beside the
 * square-root staffing estimate `ceil(R + β√R)` (Halfin–Whitt for Erlang C,
 * Garnett–Mandelbaum–Reiman for Erlang A, β solved for the same target).
 *
 * The search starts at the estimate and gallops, then bisects, relying on every metric being
 * monotone in agents: a handful of exact evaluations even for tens of thousands of agents.
 * Throws an {@link AnalyticInputError} for bad arguments, and for a load or target that would
 * need more than 1,000,000 agents (the largest center the formulas compute).
 *
 * @example
 * ```ts
 * // 80% of calls answered within 20 s, 600 calls an hour of 5 minutes (50 Erlangs)
 * const plan = agentsFor({ arrivalsPerHour: 600, meanHandleSeconds: 300, target: { serviceLevel: 0.8 } });
 * plan.agents;                  // 57
 * plan.squareRootEstimate;      // 56
 * plan.serviceLevel.fraction;   // ≈ 0.845
 *
 * // at most 5% abandon, callers hold 3 minutes on average
 * agentsFor({ arrivalsPerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180, target: { probAbandon: 0.05 } })
 *   .agents;                    // 52
 * ```
 * @see erlangC, erlangA
 */
export function agentsFor(input: AgentsForErlangAInput): Staffing & ErlangAResult;
export function agentsFor(input: AgentsForErlangCInput): Staffing & ErlangCResult;
export function agentsFor(input: AgentsForInput): Staffing & (ErlangAResult | ErlangCResult);
export function agentsFor(input: AgentsForInput): Staffing & (ErlangAResult | ErlangCResult) {
  const problem = checkedProblem(input);
  const { load, meanHandleSeconds, meanPatienceSeconds, serviceLevelSeconds, target } = problem;
  const arrivalsPerHour = input.arrivalsPerHour;
  const metricsAt = (agents: number): ErlangAResult | ErlangCResult =>
    meanPatienceSeconds === undefined
      ? erlangCMetrics(load, meanHandleSeconds, agents, serviceLevelSeconds)
      : erlangAMetrics(arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds, agents, serviceLevelSeconds);
  const meets = (agents: number): boolean => meetsTarget(metricsAt(agents), target);
  const fewestAgents = meanPatienceSeconds === undefined ? Math.floor(load) + 1 : 1;
  const estimate = squareRootEstimate(problem);

  // Invariant: `met` meets the target, `missed` does not (fewestAgents - 1 stands for "none").
  const start = Math.min(estimate, MAX_AGENTS);
  let met: number;
  let missed: number;
  if (meets(start)) {
    met = start;
    missed = fewestAgents - 1;
    for (let step = 1; met > fewestAgents; step *= 2) {
      const candidate = Math.max(fewestAgents, met - step);
      if (!meets(candidate)) {
        missed = candidate;
        break;
      }
      met = candidate;
    }
  } else {
    missed = start;
    for (let step = 1; ; step *= 2) {
      if (missed >= MAX_AGENTS) throw beyondLargestCenter(target);
      const candidate = Math.min(missed + step, MAX_AGENTS);
      if (meets(candidate)) {
        met = candidate;
        break;
      }
      missed = candidate;
    }
  }
  while (met - missed > 1) {
    const middle = Math.floor((met + missed) / 2);
    if (meets(middle)) met = middle;
    else missed = middle;
  }
  return { agents: met, squareRootEstimate: estimate, ...metricsAt(met) };
}

function beyondLargestCenter(target: StaffingTarget): AnalyticInputError {
  return new AnalyticInputError([
    { function: 'agentsFor', argument: 'target', expected: `a target that at most ${MAX_AGENTS} agents can meet`, received: target },
  ]);
}

function meetsTarget(metrics: ErlangAResult | ErlangCResult, target: StaffingTarget): boolean {
  if ('serviceLevel' in target) return metrics.serviceLevel.fraction >= target.serviceLevel;
  if ('meanWaitSeconds' in target) return metrics.meanWaitSeconds <= target.meanWaitSeconds;
  return 'probAbandon' in metrics && metrics.probAbandon <= target.probAbandon;
}

const TARGET_KEYS = ['serviceLevel', 'meanWaitSeconds', 'probAbandon'] as const;

function checkedProblem(input: AgentsForInput): StaffingProblem {
  const fields = requireObject('agentsFor', input);
  const { arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds, serviceLevelSeconds, target } = fields;
  const issues = new IssueCollector('agentsFor');
  issues.nonNegative('arrivalsPerHour', arrivalsPerHour);
  issues.positive('meanHandleSeconds', meanHandleSeconds);
  if (meanPatienceSeconds !== undefined) issues.positive('meanPatienceSeconds', meanPatienceSeconds);
  issues.optionalNonNegative('serviceLevelSeconds', serviceLevelSeconds);
  const given =
    typeof target === 'object' && target !== null
      ? TARGET_KEYS.filter((key) => (target as Record<string, unknown>)[key] !== undefined)
      : [];
  if (given.length !== 1) {
    issues.add('target', 'an object with exactly one of serviceLevel, meanWaitSeconds, probAbandon', target);
  } else {
    const value = (target as Record<string, unknown>)[given[0] as string];
    if (given[0] === 'serviceLevel' && !(typeof value === 'number' && value >= 0 && value < 1)) {
      issues.add('target.serviceLevel', 'a fraction in [0, 1) (answering every caller within a finite time is never certain)', value);
    }
    if (given[0] === 'meanWaitSeconds') issues.positive('target.meanWaitSeconds', value);
    if (given[0] === 'probAbandon') {
      if (!(typeof value === 'number' && value > 0 && value <= 1)) {
        issues.add('target.probAbandon', 'a fraction in (0, 1]', value);
      }
      if (meanPatienceSeconds === undefined) {
        issues.add('meanPatienceSeconds', 'a positive finite number for a probAbandon target (without patience nobody abandons)', meanPatienceSeconds);
      }
    }
  }
  const load = offeredLoad(arrivalsPerHour as number, meanHandleSeconds as number);
  if (typeof arrivalsPerHour === 'number' && typeof meanHandleSeconds === 'number' && load >= MAX_AGENTS) {
    issues.add('arrivalsPerHour', `an offered load below ${MAX_AGENTS} Erlangs (the largest center these formulas compute)`, arrivalsPerHour);
  }
  issues.throwIfAny();
  return {
    load,
    meanHandleSeconds: meanHandleSeconds as number,
    meanPatienceSeconds: meanPatienceSeconds as number | undefined,
    serviceLevelSeconds: (serviceLevelSeconds as number | undefined) ?? DEFAULT_SERVICE_LEVEL_SECONDS,
    target: target as StaffingTarget,
  };
}
