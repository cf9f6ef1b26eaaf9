import { meanOverIntervals } from './byInterval';
import { isMultiLine } from './forms';
import { resolveScenario } from './resolve';
import type { ResolvedScenario, Scenario, Schedule } from './types';

/**
 * A doubt about a valid scenario: it runs, but its figures may not be what the planner meant.
 * `path` is the field to look at, as a scenario file writes it.
 */
export interface ScenarioWarning {
  path: string;
  message: string;
}

/**
 * What is worth a second look in a scenario that validates: schedules given in intervals of
 * different lengths (a roster per hour beside arrivals per half hour is often a list written
 * for the other's intervals), and a load no agents can keep up with while nobody hangs up
 * (the queue then grows for as long as it lasts: holds of hours or days). Throws the
 * `ScenarioError` of `validateScenario` on an invalid scenario.
 *
 * @example
 * scenarioWarnings({ arrivals: { perHour: 1000 }, agents: 5, handleTime: { type: 'exponential', meanSeconds: 300 }, durationSeconds: 28800 });
 * // [{ path: 'patience', message: 'nobody hangs up (no patience) and the offered load, 83.3 Erlangs, ...' }]
 */
export function scenarioWarnings(scenario: Scenario | ResolvedScenario): ScenarioWarning[] {
  const resolved = resolveScenario(scenario);
  return [...intervalWarnings(resolved.written), ...overloadWarnings(resolved)];
}

/**
 * Whether `variant` is a what-if of `baseline`'s center: the same lines and agent groups, and
 * the same arrivals on each line. When it is not, common random numbers pair callers who are
 * not the same people, and the paired difference and the hold saved compare two centers.
 *
 * @example
 * compareWarnings(irsLine, agencyCenter); // [{ path: 'lines', message: 'the baseline has the line main, the variant the lines ...' }]
 */
export function compareWarnings(baseline: Scenario | ResolvedScenario, variant: Scenario | ResolvedScenario): ScenarioWarning[] {
  const [b, v] = [resolveScenario(baseline), resolveScenario(variant)];
  const warnings: ScenarioWarning[] = [];
  const names = (items: ReadonlyArray<{ name: string }>) => items.map((item) => item.name);
  const unrelated = 'not a what-if of one center: common random numbers pair callers only on the lines both have';
  for (const [what, path, ofBaseline, ofVariant] of [
    ['line', 'lines', names(b.lines), names(v.lines)],
    ['group', 'groups', names(b.groups), names(v.groups)],
  ] as const) {
    if (sameSet(ofBaseline, ofVariant)) continue;
    warnings.push({ path, message: `the baseline has the ${listed(what, ofBaseline)}, the variant the ${listed(what, ofVariant)}: ${unrelated}` });
  }
  for (const line of b.lines) {
    const other = v.lines.find((l) => l.name === line.name);
    if (!other || sameSchedule(line.arrivals, other.arrivals)) continue;
    const path = v.multiLine ? `lines[${v.lines.indexOf(other)}].arrivals` : 'arrivals';
    warnings.push({
      path,
      message: `differs from the baseline's (${totalCalls(line.arrivals)} calls expected, against ${totalCalls(other.arrivals)}): not a what-if of one center, so the paired difference compares other callers`,
    });
  }
  return warnings;
}

/** Every schedule of the scenario, with its path, in the order a file lists them. */
function schedules(scenario: Scenario): Array<{ path: string; what: string; intervalSeconds: number }> {
  const listed: Array<{ path: string; what: string; intervalSeconds: number }> = [];
  const add = (path: string, what: string, value: unknown) => {
    if (typeof value === 'object' && value !== null && 'intervalSeconds' in value) listed.push({ path, what, intervalSeconds: value.intervalSeconds as number });
  };
  if (isMultiLine(scenario)) {
    scenario.lines.forEach((line, i) => add(`lines[${i}].arrivals`, `line ${line.name}'s arrivals`, line.arrivals));
    scenario.groups.forEach((group, i) => add(`groups[${i}].agents`, `group ${group.name}'s agents`, group.agents));
  } else {
    add('arrivals', 'arrivals', scenario.arrivals);
    add('agents', 'agents', scenario.agents);
  }
  return listed;
}

function intervalWarnings(scenario: Scenario): ScenarioWarning[] {
  const [first, ...rest] = schedules(scenario);
  if (!first) return [];
  return rest
    .filter((schedule) => schedule.intervalSeconds !== first.intervalSeconds)
    .map((schedule) => ({
      path: `${schedule.path}.intervalSeconds`,
      message:
        `${schedule.what} come in intervals of ${schedule.intervalSeconds} s, ${first.what} in intervals of ${first.intervalSeconds} s: ` +
        'each perInterval counts what its own interval holds (calls expected, agents on duty); check that neither list was written for the other\'s intervals',
    }));
}

// Beyond this many steps a roster is not worth scanning finer: the check is about the day's shape.
const MAX_STEPS = 10_000;

/**
 * Where nobody hangs up, the offered load (calls per second × mean handle time, in Erlangs) of
 * the lines without patience against every agent on duty: at or above it, the queue grows for
 * as long as it lasts.
 */
function overloadWarnings(resolved: ResolvedScenario): ScenarioWarning[] {
  const impatient = resolved.lines.filter((line) => line.patience === undefined);
  if (impatient.length === 0) return [];
  const all = [...impatient.map((line) => line.arrivals), ...resolved.groups.map((group) => group.agents)];
  const step = Math.max(Math.min(...all.map((s) => s.intervalSeconds)), resolved.durationSeconds / MAX_STEPS);
  const steps = Math.max(1, Math.ceil(resolved.durationSeconds / step));
  const handle = impatient.map((line) => meanOverIntervals(line.handleTime));
  let overloaded = 0;
  let worst = { load: 0, agents: 0, ratio: 0 };
  for (let k = 0; k < steps; k++) {
    const t = k * step;
    const load = impatient.reduce((sum, line, i) => sum + (valueAt(line.arrivals, t) / line.arrivals.intervalSeconds) * handle[i]!, 0);
    const agents = resolved.groups.reduce((sum, group) => sum + valueAt(group.agents, t), 0);
    if (load > 0 && load >= agents) {
      overloaded++;
      const ratio = agents === 0 ? Infinity : load / agents;
      if (ratio > worst.ratio) worst = { load, agents, ratio };
    }
  }
  if (overloaded === 0) return [];
  const where = overloaded === steps ? 'all day' : `in ${overloaded} of ${steps} intervals of ${step} s`;
  const lines = resolved.multiLine ? ` on the lines without it (${impatient.map((l) => l.name).join(', ')})` : '';
  return [{
    path: resolved.multiLine ? 'lines' : 'patience',
    message:
      `nobody hangs up (no patience)${lines}, and the offered load, ${worst.load.toFixed(1)} Erlangs (calls × mean handle time), ` +
      `reaches or passes the ${worst.agents} agents on duty ${where}: the queue grows for as long as that lasts, to holds of hours or days; ` +
      'give patience, or more agents',
  }];
}

/** A schedule's count at `t` seconds from the start (the last count holds after it). */
function valueAt(schedule: Schedule, t: number): number {
  const k = Math.min(Math.floor(t / schedule.intervalSeconds), schedule.perInterval.length - 1);
  return schedule.perInterval[k]!;
}

function sameSchedule(a: Schedule, b: Schedule): boolean {
  return a.intervalSeconds === b.intervalSeconds && a.perInterval.length === b.perInterval.length && a.perInterval.every((x, k) => x === b.perInterval[k]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}

function totalCalls(schedule: Schedule): string {
  return Math.round(schedule.perInterval.reduce((sum, x) => sum + x, 0)).toLocaleString('en-US');
}

function listed(what: string, names: readonly string[]): string {
  return `${what}${names.length === 1 ? '' : 's'} ${names.join(', ')}`;
}
