// Staffing when the export has none: the agents seen serving, times an availability fitted by
// simulation so that the simulated waits are the observed ones.
import { OptionsError } from '../errors';
import { replicateReports, runnerProblems, type ReplicationRunner } from '../experiment';
import { validateScenario, type Scenario } from '../scenario';
import { DEFAULT_GROUP } from './callTally';
import { typedRecord, type FittedDayType } from './dayTypeFit';
import { newTally } from './fitScenario';
import type { CallRecord } from './records';

/** The availability searched: from a fifth of the agents seen to half again as many. */
const LOWEST = 0.2;
const HIGHEST = 1.5;
/** Bisection steps: the availability to 1.3 / 2⁹ ≈ 0.003, finer than a roster's rounding. */
const STEPS = 9;

/** The staffing fitted to one day type. */
export interface StaffingEstimate {
  /** Effective agents = round(availability × agents seen serving), interval by interval. */
  availability: number;
  /** The availabilities at which the simulated mean wait is the observed one ± two standard errors (over the days): how uncertain it is. */
  low: number;
  high: number;
  observedMeanWaitSeconds: number;
  simulatedMeanWaitSeconds: number;
  observedAbandonment: number;
  simulatedAbandonment: number;
}

/** Options of `fitStaffing`. */
export interface FitStaffingOptions {
  /** Simulated days per trial availability; default 16. */
  replications?: number;
  seed?: number;
  /** Where the simulated days run, as `replicate()` takes it; default `inProcess()`. */
  runner?: ReplicationRunner;
}

/**
 * Each group's agents seen serving in each interval of the fitted day (the roster `fitScenario`
 * fits from the records), as the scenario holds them.
 */
export function seenAgents(scenario: Scenario): Record<string, number[]> {
  if ('lines' in scenario) {
    return Object.fromEntries(scenario.groups.map((g) => [g.name, typeof g.agents === 'number' ? [g.agents] : [...g.agents.perInterval]]));
  }
  return { [DEFAULT_GROUP]: typeof scenario.agents === 'number' ? [scenario.agents] : [...scenario.agents.perInterval] };
}

/**
 * The scenario with each group's roster `round(availability × agents)`, the last interval kept
 * at one agent at least (the queue drains). Groups not in `agents` keep their roster.
 */
export function withStaffing(scenario: Scenario, agents: Readonly<Record<string, readonly number[]>>, availability: number, intervalSeconds: number): Scenario {
  const roster = (seen: readonly number[]) => {
    const perInterval = seen.map((n) => Math.round(availability * n));
    perInterval[perInterval.length - 1] = Math.max(1, perInterval.at(-1)!);
    return { intervalSeconds, perInterval };
  };
  if ('lines' in scenario) {
    return validateScenario({ ...scenario, groups: scenario.groups.map((g) => (agents[g.name] ? { ...g, agents: roster(agents[g.name]!) } : g)) });
  }
  const seen = agents[DEFAULT_GROUP] ?? Object.values(agents)[0];
  return seen ? validateScenario({ ...scenario, agents: roster(seen) }) : scenario;
}

/**
 * Fits the availability of the agents seen serving by simulation (DESIGN.md, "Calibration"):
 * agents seen serving in an interval are not all taking calls for all of it (breaks,
 * other work), so the effective staffing is `availability × seen`, with the availability found
 * by bisection so that the simulated mean wait of the calls that held (every line, mean over the
 * simulated days) is the observed one. Its uncertainty: the availabilities that give the observed
 * mean ± two standard errors of the daily means.
 *
 * @example
 * const { scenario, staffing } = await fitStaffing(fitted.dayTypes[0]);
 * staffing.availability; // 0.62: 62% of the agents seen serving were there for the calls
 */
export async function fitStaffing(type: Pick<FittedDayType, 'scenario' | 'observed' | 'diagnostics'> & { agentsSeen?: Record<string, number[]> }, options: FitStaffingOptions = {}): Promise<{ scenario: Scenario; staffing: StaffingEstimate }> {
  const { replications = 16 } = options;
  const problems = runnerProblems(options.runner, undefined);
  if (!(Number.isInteger(replications) && replications >= 2)) problems.unshift({ path: 'replications', expected: 'an integer >= 2', received: replications });
  if (problems.length > 0) throw new OptionsError('fitStaffing', problems);
  const seen = type.agentsSeen ?? seenAgents(type.scenario);
  const interval = type.diagnostics.intervalSeconds;
  const trial = async (availability: number) => {
    const scenario = withStaffing(type.scenario, seen, availability, interval);
    const { reports } = await replicateReports(scenario, { replications, ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.runner ? { runner: options.runner } : {}) });
    const mean = (f: (r: (typeof reports)[number]) => number) => reports.reduce((s, r) => s + f(r), 0) / reports.length;
    return { scenario, wait: mean((r) => r.hold.meanSeconds), abandonment: mean((r) => r.abandonment.fraction) };
  };
  // More agents, shorter waits: bisection on the availability (common seeds keep each trial's days the same).
  const solve = async (target: number) => {
    let [lo, hi] = [LOWEST, HIGHEST];
    for (let i = 0; i < STEPS; i++) {
      const mid = (lo + hi) / 2;
      if ((await trial(mid)).wait > target) lo = mid;
      else hi = mid;
    }
    return Math.round(((lo + hi) / 2) * 1000) / 1000;
  };
  const { meanWaitSeconds, sdSeconds, days, abandonment } = type.observed;
  const standardError = days > 1 ? sdSeconds / Math.sqrt(days) : 0;
  const availability = await solve(meanWaitSeconds);
  const [high, low] = [await solve(Math.max(0, meanWaitSeconds - 2 * standardError)), await solve(meanWaitSeconds + 2 * standardError)];
  const fitted = await trial(availability);
  return {
    scenario: fitted.scenario,
    staffing: {
      availability,
      low,
      high,
      observedMeanWaitSeconds: meanWaitSeconds,
      simulatedMeanWaitSeconds: fitted.wait,
      observedAbandonment: abandonment,
      simulatedAbandonment: fitted.abandonment,
    },
  };
}

/** What the records tested show of a fitted day: the agents seen serving and the first calls, interval by interval. */
export interface RecordedDay {
  /** Per group: agents seen serving, time-averaged over the days, unrounded. */
  agents: Record<string, number[]>;
  /** Per line: first calls (not redials), mean over the days. */
  arrivals: Record<string, number[]>;
}

/**
 * The agents seen serving and the first calls in records, per group or line and interval of a
 * fitted day (from `openAtSeconds`, `slots` intervals), means over the days, by the estimators the
 * fit uses (`CallTally`): what `backtest` with the roster (times the fitted availability) or the
 * arrivals from the records runs on.
 */
export function recordedDay(
  records: Iterable<CallRecord>,
  day: { intervalSeconds: number; openAtSeconds: number; slots: number; teams?: Readonly<Record<string, string>> | undefined; breakBelowSeconds?: number | undefined },
): RecordedDay {
  const tally = newTally({ intervalSeconds: day.intervalSeconds, ...(day.breakBelowSeconds === undefined ? {} : { breakBelowSeconds: day.breakBelowSeconds }) });
  for (const record of records) tally.add(typedRecord(record, day.teams));
  if (tally.records === 0) return { agents: {}, arrivals: {} };
  const days = tally.firstCallsByDay.size;
  const first = Math.floor(day.openAtSeconds / day.intervalSeconds);
  const perSlot = (counts: Float64Array | undefined) => Array.from({ length: day.slots }, (_, k) => Math.round(((counts?.[first + k] ?? 0) / days) * 100) / 100);
  tally.foldShifts();
  const arrivals = new Map<string, Float64Array>();
  for (const lines of tally.firstCallsByDay.values()) {
    for (const [line, counts] of lines) {
      let sums = arrivals.get(line);
      if (!sums) arrivals.set(line, (sums = new Float64Array(tally.intervalsPerDay)));
      for (let k = 0; k < counts.length; k++) sums[k]! += counts[k]!;
    }
  }
  return {
    agents: Object.fromEntries([...tally.groups].map((group) => [group, perSlot(tally.agentsOnDuty.get(group))])),
    arrivals: Object.fromEntries([...arrivals].map(([line, sums]) => [line, perSlot(sums)])),
  };
}
