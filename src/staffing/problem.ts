import { isMultiLine, meanOverIntervals, type ResolvedScenario, type Scenario, type Schedule } from '../scenario';
import type { LineTarget } from './options';
import type { Roster } from './types';

/** One line as the search sees it: whose roster its target drives, and its forecast by row. */
export interface StaffedLine {
  name: string;
  /** Index of the group of the line's first route: the roster its target moves. */
  group: number;
  serviceLevelSeconds: number;
  target: LineTarget;
  /** Calls forecast per row (first calls). */
  calls: number[];
  meanHandleSeconds: number;
  meanPatienceSeconds: number | undefined;
}

/** What a staffing search works on: the scenario, its rows, its lines, and the groups it staffs. */
export interface StaffingProblem {
  scenario: Scenario;
  resolved: ResolvedScenario;
  /** The rosters' interval: the length of a report row, so that a roster entry and a row are the same half hour. */
  intervalSeconds: number;
  rows: number;
  /** Rows that start before `warmupSeconds`: their callers are not counted, so they have no target and keep Erlang's staffing. */
  warmupRows: boolean[];
  lines: StaffedLine[];
  /** Indexes of the groups that are some line's first route; other groups keep their rosters. */
  staffedGroups: number[];
}

/** Agents by group index and row (only the staffed groups' entries are read). */
export type Rosters = number[][];

export function staffingProblem(scenario: Scenario, resolved: ResolvedScenario, targets: readonly LineTarget[]): StaffingProblem {
  const intervalSeconds = resolved.reportIntervalSeconds;
  const rows = Math.max(1, Math.ceil(resolved.durationSeconds / intervalSeconds));
  const lines = resolved.lines.map((line, i): StaffedLine => {
    const firstRoute = line.routing[0]!;
    return {
      name: line.name,
      group: firstRoute.group,
      serviceLevelSeconds: line.serviceLevelSeconds,
      target: targets[i]!,
      calls: Array.from({ length: rows }, (_, k) =>
        callsBetween(line.arrivals, k * intervalSeconds, Math.min((k + 1) * intervalSeconds, resolved.durationSeconds)),
      ),
      // The first group's handle time: the one its agents are planned for.
      meanHandleSeconds: meanOverIntervals(firstRoute.handleTime ?? line.handleTime),
      meanPatienceSeconds: line.patience && meanOverIntervals(line.patience),
    };
  });
  const staffedGroups = [...new Set(lines.map((line) => line.group))].sort((a, b) => a - b);
  const warmupRows = Array.from({ length: rows }, (_, k) => k * intervalSeconds < resolved.warmupSeconds);
  return { scenario, resolved, intervalSeconds, rows, warmupRows, lines, staffedGroups };
}

/** Expected calls of a piecewise-constant schedule in [from, to); none past its last interval. */
function callsBetween(schedule: Schedule, from: number, to: number): number {
  let calls = 0;
  schedule.perInterval.forEach((perInterval, i) => {
    const start = i * schedule.intervalSeconds;
    const overlap = Math.min(to, start + schedule.intervalSeconds) - Math.max(from, start);
    if (overlap > 0) calls += (perInterval * overlap) / schedule.intervalSeconds;
  });
  return calls;
}

/** A group's rosters as a scenario takes them. */
export function rosterOf(problem: StaffingProblem, agents: readonly number[]): Roster {
  return { intervalSeconds: problem.intervalSeconds, perInterval: [...agents] };
}

/** The scenario with the staffed groups' rosters replaced. */
export function withRosters(problem: StaffingProblem, rosters: Rosters): Scenario {
  const { scenario } = problem;
  if (!isMultiLine(scenario)) return { ...scenario, agents: rosterOf(problem, rosters[0]!) };
  return {
    ...scenario,
    groups: scenario.groups.map((group, g) => (problem.staffedGroups.includes(g) ? { ...group, agents: rosterOf(problem, rosters[g]!) } : group)),
  };
}

/** Agent-hours of the staffed groups' rosters over the rows. */
export function agentHoursOf(problem: StaffingProblem, rosters: Rosters): number {
  let agentSeconds = 0;
  for (const g of problem.staffedGroups) {
    rosters[g]!.forEach((agents, k) => {
      agentSeconds += agents * (Math.min((k + 1) * problem.intervalSeconds, problem.resolved.durationSeconds) - k * problem.intervalSeconds);
    });
  }
  return agentSeconds / 3600;
}

export function copyRosters(rosters: Rosters): Rosters {
  return rosters.map((roster) => [...roster]);
}

export function sameRosters(a: Rosters, b: Rosters): boolean {
  return a.every((roster, g) => roster.every((agents, k) => agents === b[g]![k]));
}
