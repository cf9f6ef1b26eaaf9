import { agentsFor, type StaffingTarget } from '../analytic';
import { meanOverIntervals, requireSingleLine, resolveScenario, soleLine, type ResolvedScenario, type Scenario, type ScenarioClock, type SingleLineScenario } from '../scenario';
import type { Roster } from '../staffing';
import { UsageError } from './errors';
import { intervalHeader, intervalLabel, textTable, thousands } from './format';

/** A staffing target as the command line takes it. */
export interface StaffTarget {
  serviceLevel?: number;
  withinSeconds?: number;
  meanWait?: number;
  abandonment?: number;
}

export interface StaffRow {
  intervalStart: number;
  intervalEnd: number;
  calls: number;
  offeredLoadErlangs: number;
  agents: number;
  squareRootEstimate: number;
  serviceLevel: number;
  meanWaitSeconds: number;
  probAbandon: number;
  occupancy: number;
}

/**
 * The agents each interval of a scenario needs to meet a target, by Erlang C (nobody
 * abandons) or Erlang A (with the scenario's mean patience): each interval taken as if in
 * steady state at its own rate, the standard planning approximation.
 */
export function staffingPlan(scenario: Scenario | ResolvedScenario, target: StaffTarget): StaffRow[] {
  const resolved = resolveScenario(scenario);
  const line = soleLine(resolved, 'Erlang staffing');
  const meanHandleSeconds = meanOverIntervals(line.handleTime);
  const meanPatienceSeconds = line.patience && meanOverIntervals(line.patience);
  const serviceLevelSeconds = target.withinSeconds ?? resolved.serviceLevelSeconds;
  const goal = staffingTarget(target, meanPatienceSeconds !== undefined);
  const { intervalSeconds, perInterval } = line.arrivals;
  return perInterval.map((calls, k) => {
    const arrivalsPerHour = (calls * 3600) / intervalSeconds;
    const load = { arrivalsPerHour, meanHandleSeconds, serviceLevelSeconds };
    const plan =
      arrivalsPerHour === 0
        ? undefined
        : meanPatienceSeconds === undefined
          ? agentsFor({ ...load, target: goal as { serviceLevel: number } | { meanWaitSeconds: number } })
          : agentsFor({ ...load, meanPatienceSeconds, target: goal });
    return {
      intervalStart: k * intervalSeconds,
      intervalEnd: Math.min((k + 1) * intervalSeconds, resolved.durationSeconds),
      calls,
      offeredLoadErlangs: (arrivalsPerHour * meanHandleSeconds) / 3600,
      agents: plan?.agents ?? 0,
      squareRootEstimate: plan?.squareRootEstimate ?? 0,
      serviceLevel: plan?.serviceLevel.fraction ?? 1,
      meanWaitSeconds: plan?.meanWaitSeconds ?? 0,
      probAbandon: (plan as { probAbandon?: number } | undefined)?.probAbandon ?? 0,
      occupancy: plan?.occupancy ?? 0,
    };
  });
}

/** The scenario with the plan's roster, ready to simulate (and to check the plan). */
export function withRoster(scenario: ResolvedScenario, plan: readonly StaffRow[]): SingleLineScenario & { agents: Roster } {
  const line = soleLine(scenario, 'Erlang staffing');
  const single = requireSingleLine(scenario.written, 'Erlang staffing');
  const roster = plan.map((row) => row.agents);
  // The last interval's agents stay until the line drains: at least one.
  roster[roster.length - 1] = Math.max(1, roster.at(-1)!);
  return { ...single, agents: { intervalSeconds: line.arrivals.intervalSeconds, perInterval: roster } };
}

export function staffTable(plan: readonly StaffRow[], withAbandonment: boolean, serviceLevelSeconds: number, scenarioClock?: ScenarioClock): string {
  return textTable([
    [intervalHeader(scenarioClock), 'calls', 'Erlangs', 'agents', 'rule of thumb', `within ${serviceLevelSeconds} s`, 'mean wait (s)', ...(withAbandonment ? ['abandon'] : []), 'occupancy'],
    ...plan.map((row) => [
      intervalLabel(row.intervalStart, row.intervalEnd, scenarioClock),
      thousands(row.calls, 1),
      thousands(row.offeredLoadErlangs, 1),
      String(row.agents),
      String(row.squareRootEstimate),
      `${thousands(100 * row.serviceLevel, 1)}%`,
      thousands(row.meanWaitSeconds, 1),
      ...(withAbandonment ? [`${thousands(100 * row.probAbandon, 1)}%`] : []),
      `${thousands(100 * row.occupancy, 1)}%`,
    ]),
  ]);
}

function staffingTarget(target: StaffTarget, withPatience: boolean): StaffingTarget {
  const given = [target.serviceLevel, target.meanWait, target.abandonment].filter((x) => x !== undefined);
  if (given.length !== 1) {
    throw new UsageError('staff: give exactly one target: --service-level <fraction>, --mean-wait <seconds> or --abandonment <fraction>');
  }
  if (target.serviceLevel !== undefined) return { serviceLevel: target.serviceLevel };
  if (target.meanWait !== undefined) return { meanWaitSeconds: target.meanWait };
  if (!withPatience) throw new UsageError('staff: --abandonment needs a scenario with patience (callers who hang up)');
  return { probAbandon: target.abandonment! };
}
