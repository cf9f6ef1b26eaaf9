import type { Estimate } from '../experiment';
import { ScenarioError, resolveScenario, type Scenario } from '../scenario';
import { ErlangModel } from './erlangModel';
import { checkStaffingOptions } from './options';
import { agentHoursOf, rosterOf, staffingProblem, withRosters, type Rosters, type StaffingProblem } from './problem';
import type { Evaluation } from './evaluation';
import { searchRosters } from './search';
import type { Roster, StaffingOptions, StaffingResult, StaffingRow } from './types';

/**
 * Staffing by simulation: per interval (and per group for a multi-line center) the fewest
 * agents whose simulated callers, by arrival interval and over all the replications, meet the
 * target: `{ serviceLevel }` (answered within the scenario's, or the line's,
 * `serviceLevelSeconds`), `{ probAbandon }` or `{ meanWaitSeconds }`, as `agentsFor` takes them.
 * Callbacks, redials, overflow and the backlog one half hour leaves the next are all in the
 * simulation, which Erlang's formulas cannot see; the Erlang A roster comes beside the result.
 *
 * The search starts from Erlang per interval on the lagged load (the callers an unlimited
 * center would be serving in it, so a morning that starts empty needs fewer agents than its
 * steady state; Erlang C where callers are more patient than an interval is long), raises the
 * intervals that miss (with Erlang's slope, then the simulation's), then in rounds steps every
 * third interval down while it and its neighbours still meet their targets and raises what the
 * steps made miss; it ends at the first round that finds no cheaper roster meeting every
 * target (or one saving under `minRoundSaving`). Every roster runs on the same replication
 * seeds (common random numbers), so the search converges on one sample instead of chasing
 * noise. Where a line overflows from one staffed group to another, it then tries one agent
 * more in one for fewer in the other. On the IRS-like line's 24 half hours: 13 rosters of 20
 * replications. At most `maxIterations` rosters; `signal` stops it between rosters and
 * replications; `confidence` meets each target on the bound of its interval, not the mean.
 * Rosters follow the scenario's report rows (the arrival forecast's intervals). A line's target
 * drives the roster of its first route's group; groups no line routes to first keep theirs.
 * Replications run in-process unless `runner` says otherwise (`workerThreads()` or
 * `redisCluster()` of `queuecast/node`).
 *
 * Throws a `ScenarioError` for an invalid scenario and a `StaffingOptionsError` for bad options,
 * each listing every problem.
 *
 * @example
 * const plan = await staffBySimulation(scenario, { target: { serviceLevel: 0.8 }, replications: 10 });
 * plan.agents;          // { intervalSeconds: 1800, perInterval: [212, 398, ...] }
 * plan.erlangAgents;    // what Erlang A alone would staff
 * plan.achieved[3];     // { mean: 0.81, halfWidth: 0.01, ... }: the fourth half hour's service level
 */
export async function staffBySimulation(scenario: Scenario, options: StaffingOptions): Promise<StaffingResult> {
  const resolved = resolveScenario(scenario);
  // Rosters are found interval by interval of one day; a season's days each have their own.
  if (resolved.calendar) throw new ScenarioError([{ path: 'calendar', expected: 'no calendar: staffing by simulation finds the roster of one day (staff a day of the calendar on its own)', received: `${resolved.calendar.length} days` }]);
  const checked = checkStaffingOptions(options, resolved);
  const problem = staffingProblem(scenario, resolved, checked.targets);
  const outcome = await searchRosters(problem, new ErlangModel(problem), new ErlangModel(problem, problem.intervalSeconds), checked, {
    signal: options.signal,
    onProgress: options.onProgress,
    onReplication: options.onReplication,
  });
  const found = outcome.best ?? outcome.last;
  return {
    agents: shaped(problem, found.rosters),
    erlangAgents: shaped(problem, outcome.erlang.rosters),
    achieved: problem.resolved.multiLine
      ? Object.fromEntries(problem.lines.map((line, i) => [line.name, estimates(found, i)]))
      : estimates(found, 0),
    agentHours: agentHoursOf(problem, found.rosters),
    erlangAgentHours: agentHoursOf(problem, outcome.erlang.rosters),
    iterations: outcome.iterations,
    allMet: found.missed === 0,
    metOn: checked.metOn,
    confidence: checked.confidence,
    rows: rowsOf(problem, found, outcome.erlang),
    scenario: withRosters(problem, found.rosters),
  };
}

function shaped(problem: StaffingProblem, rosters: Rosters): Roster | Record<string, Roster> {
  if (!problem.resolved.multiLine) return rosterOf(problem, rosters[0]!);
  return Object.fromEntries(problem.staffedGroups.map((g) => [problem.resolved.groups[g]!.name, rosterOf(problem, rosters[g]!)]));
}

function estimates(evaluation: Evaluation, line: number): Estimate[] {
  return evaluation.figures[line]!.map((figure) => figure.estimate);
}

function rowsOf(problem: StaffingProblem, found: Evaluation, erlang: Evaluation): StaffingRow[] {
  return problem.lines.flatMap((line, i) =>
    Array.from({ length: problem.rows }, (_, k): StaffingRow => ({
      line: line.name,
      group: problem.resolved.groups[line.group]!.name,
      intervalStart: k * problem.intervalSeconds,
      intervalEnd: Math.min((k + 1) * problem.intervalSeconds, problem.resolved.durationSeconds),
      calls: line.calls[k]!,
      measure: line.target.measure,
      target: line.target.value,
      agents: found.rosters[line.group]![k]!,
      erlangAgents: erlang.rosters[line.group]![k]!,
      achieved: found.figures[i]![k]!.estimate,
      erlangAchieved: erlang.figures[i]![k]!.estimate,
      met: found.figures[i]![k]!.met,
      erlangMet: erlang.figures[i]![k]!.met,
    })),
  );
}
