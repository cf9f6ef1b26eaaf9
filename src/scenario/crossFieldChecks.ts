// Checks that involve more than one field: the horizon (duration, schedules, warm-up), rosters
// that close, distributions' means and bounds, timeouts, and the multi-line form's names,
// routing, transfers and groups' line orders. Each runs only where its fields are well-formed on
// their own (the schema reports them otherwise), so both kinds of problem are listed together.
import type { ScenarioProblem } from './errors';

/** The single-line form's. */
export function singleLineProblems(input: Record<string, unknown>): ScenarioProblem[] {
  const arrivals = isRecord(input.arrivals) ? input.arrivals : undefined;
  const agents = isRecord(input.agents) ? input.agents : undefined;
  const problems = horizonProblems(input, [{ path: 'arrivals', arrivals }], agents ? [agents] : []);
  const duration = durationOf(input, [arrivals], agents ? [agents] : []);
  if (agents && !closesEmpty(agents, duration, [input])) problems.push(...rosterProblems(agents, 'agents'));
  problems.push(...lineDistributionProblems(input, ''), ...timeoutProblems(input, ''));
  return problems;
}

/** The multi-line form's. */
export function multiLineProblems(input: Record<string, unknown>): ScenarioProblem[] {
  const lines = Array.isArray(input.lines) ? input.lines.map((line) => (isRecord(line) ? line : {})) : [];
  const groups = Array.isArray(input.groups) ? input.groups.map((group) => (isRecord(group) ? group : {})) : [];
  const rosters = groups.map((group) => group.agents).filter(isRecord);
  const problems = horizonProblems(
    input,
    lines.map((line, i) => ({ path: `lines[${i}].arrivals`, arrivals: isRecord(line.arrivals) ? line.arrivals : undefined })),
    rosters,
  );
  problems.push(...uniqueNames(lines, 'lines', 'line'), ...uniqueNames(groups, 'groups', 'group'));
  // Without a list of named groups (the schema reports what is wrong with it), a route naming a
  // group may name the very group that is malformed: one mistake, reported once.
  const groupsListed = groups.length > 0 && groups.every((group) => typeof group.name === 'string' && group.name !== '');
  const groupNames = [...new Set(groups.map((group) => group.name).filter((name): name is string => typeof name === 'string'))];
  // A group may close (0 agents in its last interval) as long as every line it serves has
  // another group that stays until the line's queue is empty.
  const duration = durationOf(input, lines.map((line) => (isRecord(line.arrivals) ? line.arrivals : undefined)), rosters);
  const servedBy = (name: unknown) => lines.filter((line) => Array.isArray(line.routing) && line.routing.some((route) => isRecord(route) && route.group === name));
  const staysOpen = new Set(groups
    .filter((group) => lastCount(group.agents) !== 0 || closesEmpty(group.agents, duration, servedBy(group.name)))
    .map((group) => group.name));
  const routed = new Set<string>();
  // Whether every line's routing could be read: only then is a group no route names unrouted.
  let routingReadable = lines.length > 0;
  lines.forEach((line, l) => {
    problems.push(...lineDistributionProblems(line, `lines[${l}].`), ...timeoutProblems(line, `lines[${l}].`));
    if (!Array.isArray(line.routing)) {
      routingReadable = false;
      return;
    }
    const seen = new Set<string>();
    line.routing.forEach((route: unknown, r) => {
      if (!isRecord(route)) {
        routingReadable = false;
        return;
      }
      const path = `lines[${l}].routing[${r}]`;
      problems.push(...timedDistributionProblems(route.handleTime, `${path}.handleTime`, true));
      problems.push(...distributionProblems(route.afterCallWork, `${path}.afterCallWork`, false));
      problems.push(...transferProblems(route.transfer, `${path}.transfer.toLine`, line.name, lines));
      if (typeof route.group !== 'string' || route.group === '') {
        routingReadable = false;
        return;
      }
      routed.add(route.group);
      if (seen.has(route.group)) {
        problems.push({ path: `${path}.group`, expected: 'a group this line does not route to already', received: route.group });
      } else if (groupsListed && !groupNames.includes(route.group)) {
        problems.push({ path: `${path}.group`, expected: `the name of a group (${groupNames.map((n) => JSON.stringify(n)).join(', ')})`, received: route.group });
      }
      seen.add(route.group);
    });
    const routes = line.routing.filter(isRecord);
    if (routes.length > 0 && routes.every((route) => isPositive(route.afterSeconds))) {
      problems.push({
        path: `lines[${l}].routing`,
        expected: 'at least one route without afterSeconds (the groups that take calls at once make the announced wait)',
        received: line.routing,
      });
    }
    const routedGroups = routes.map((route) => route.group);
    if (routedGroups.length > 0 && routedGroups.every((name) => groupNames.includes(name as string) && !staysOpen.has(name as string))) {
      problems.push({
        path: `lines[${l}].routing`,
        expected: "a group with at least 1 agent in its last interval (it holds until every waiting caller is served), or one whose roster ends after closing with atClose: 'disconnect' and no callback on the lines it serves",
        received: routedGroups,
      });
    }
  });
  if (!routingReadable) return problems;
  groups.forEach((group, g) => {
    if (typeof group.name === 'string' && group.name !== '' && !routed.has(group.name)) {
      problems.push({ path: `groups[${g}].name`, expected: 'a group that some line routes to', received: group.name });
    }
    problems.push(...lineOrderProblems(group, g, lines));
  });
  return problems;
}

// A transfer goes to another line of the scenario (the schema checks the shape and the probability).
function transferProblems(transfer: unknown, path: string, from: unknown, lines: Array<Record<string, unknown>>): ScenarioProblem[] {
  if (!isRecord(transfer) || typeof transfer.toLine !== 'string' || transfer.toLine === '') return [];
  const names = lines.map((line) => line.name).filter((name): name is string => typeof name === 'string' && name !== '');
  if (transfer.toLine === from) return [{ path, expected: 'another line than the one transferring (a transfer to the same line)', received: transfer.toLine }];
  // Until every line has a name, an unknown name may be that of the line without one.
  if (names.length < lines.length || names.includes(transfer.toLine)) return [];
  const others = names.filter((name) => name !== from);
  return [{ path, expected: `the name of another line (${others.map((n) => JSON.stringify(n)).join(', ')})`, received: transfer.toLine }];
}

// A group's own order of lines: lines that route to it, each once.
function lineOrderProblems(group: Record<string, unknown>, g: number, lines: Array<Record<string, unknown>>): ScenarioProblem[] {
  if (!Array.isArray(group.lineOrder) || typeof group.name !== 'string') return [];
  const serving = lines
    .filter((line) => Array.isArray(line.routing) && line.routing.some((route: unknown) => isRecord(route) && route.group === group.name))
    .map((line) => line.name);
  const seen = new Set<unknown>();
  const problems: ScenarioProblem[] = [];
  group.lineOrder.forEach((name: unknown, i) => {
    if (typeof name !== 'string' || name === '') return;
    const path = `groups[${g}].lineOrder[${i}]`;
    if (seen.has(name)) problems.push({ path, expected: 'a line not listed already', received: name });
    else if (!serving.includes(name)) {
      problems.push({ path, expected: `the name of a line that routes to ${group.name} (${serving.map((n) => JSON.stringify(n)).join(', ')})`, received: name });
    }
    seen.add(name);
  });
  return problems;
}

// Duration, schedules long enough to cover it, and a warm-up inside it.
function horizonProblems(
  input: Record<string, unknown>,
  arrivals: Array<{ path: string; arrivals: Record<string, unknown> | undefined }>,
  rosters: Array<Record<string, unknown>>,
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const arrivalLengths = arrivals.map((a) => scheduleLength(a.arrivals));
  const duration = durationOf(input, arrivals.map((a) => a.arrivals), rosters);

  const constantOnly = arrivals.length > 0 && arrivals.every((a) => a.arrivals !== undefined && 'perHour' in a.arrivals);
  if (input.durationSeconds === undefined && constantOnly && rosters.length === 0) {
    problems.push({
      path: 'durationSeconds',
      expected: 'a number > 0 (required when neither arrivals nor agents has a per-interval schedule)',
      received: undefined,
    });
  }
  arrivals.forEach(({ path, arrivals: schedule }, i) => {
    const length = arrivalLengths[i];
    if (duration === undefined || length === undefined || length >= duration) return;
    const interval = schedule!.intervalSeconds as number;
    problems.push({
      path: `${path}.perInterval`,
      expected: `at least ${Math.ceil(duration / interval)} intervals of ${interval} s, to cover durationSeconds (${duration} s)`,
      received: `${(schedule!.perInterval as unknown[]).length} intervals (${length} s)`,
    });
  });
  if (duration !== undefined && isFiniteNumber(input.warmupSeconds) && input.warmupSeconds >= duration) {
    problems.push({
      path: 'warmupSeconds',
      expected: `less than durationSeconds (${duration} s), or no caller would be counted`,
      received: input.warmupSeconds,
    });
  }
  return problems;
}

// The scenario's duration (when it closes), as resolution will take it; undefined when malformed.
function durationOf(
  input: Record<string, unknown>,
  arrivals: Array<Record<string, unknown> | undefined>,
  rosters: Array<Record<string, unknown>>,
): number | undefined {
  const longest = (lengths: Array<number | undefined>) => {
    const known = lengths.filter((x): x is number => x !== undefined);
    return known.length > 0 ? Math.max(...known) : undefined;
  };
  if (isPositive(input.durationSeconds)) return input.durationSeconds;
  return input.durationSeconds === undefined ? (longest(arrivals.map(scheduleLength)) ?? longest(rosters.map(scheduleLength))) : undefined;
}

// A roster may end at 0 once no line it serves is open: its last interval starts at or after
// closing, and each line it serves disconnects its callers on hold at closing and offers no
// callback (nobody is left to serve but the calls in progress, which end).
function closesEmpty(agents: unknown, duration: number | undefined, lines: Array<Record<string, unknown>>): boolean {
  if (duration === undefined || !isRecord(agents) || !isPositive(agents.intervalSeconds) || !Array.isArray(agents.perInterval)) return false;
  const lastStart = agents.intervalSeconds * (agents.perInterval.length - 1);
  return lastStart >= duration && lines.every((line) => line.atClose === 'disconnect' && line.callback === undefined);
}

// The agents of a roster's last interval (a constant is its own last interval); undefined when malformed.
function lastCount(agents: unknown): unknown {
  if (!isRecord(agents)) return agents;
  return Array.isArray(agents.perInterval) && agents.perInterval.length > 0 ? agents.perInterval.at(-1) : undefined;
}

function rosterProblems(agents: Record<string, unknown>, path: string): ScenarioProblem[] {
  if (!Array.isArray(agents.perInterval) || agents.perInterval.length === 0) return [];
  const last = agents.perInterval.length - 1;
  if (agents.perInterval[last] !== 0) return [];
  return [{
    path: `${path}.perInterval[${last}]`,
    expected: "at least 1 agent in the last interval (it holds until every waiting caller is served), or a last interval after closing with atClose: 'disconnect' and no callback",
    received: 0,
  }];
}

// The distributions of a line (or of the single-line form, with an empty prefix).
function lineDistributionProblems(line: Record<string, unknown>, prefix: string): ScenarioProblem[] {
  const problems = [
    ...timedDistributionProblems(line.handleTime, `${prefix}handleTime`, true),
    ...timedDistributionProblems(line.patience, `${prefix}patience`, false),
    ...distributionProblems(line.afterCallWork, `${prefix}afterCallWork`, false),
  ];
  if (isRecord(line.callback)) problems.push(...distributionProblems(line.callback.handleTime, `${prefix}callback.handleTime`, true));
  if (isRecord(line.redial)) problems.push(...distributionProblems(line.redial.delay, `${prefix}redial.delay`, false));
  return problems;
}

// A timeout's rule needs its limit, and a callback at the timeout needs the desk that dials it.
function timeoutProblems(line: Record<string, unknown>, prefix: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (line.onTimeout !== undefined && line.maxWaitSeconds === undefined) {
    problems.push({ path: `${prefix}onTimeout`, expected: 'maxWaitSeconds beside it (the wait that ends in a timeout)', received: line.onTimeout });
  }
  if (line.onTimeout === 'callback' && line.callback === undefined) {
    problems.push({
      path: `${prefix}onTimeout`,
      expected: "a callback policy on the line (callback: its dials, answers and retries) for a callback at the timeout, or 'message'",
      received: line.onTimeout,
    });
  }
  return problems;
}

function uniqueNames(items: Array<Record<string, unknown>>, path: string, what: string): ScenarioProblem[] {
  const seen = new Set<unknown>();
  const problems: ScenarioProblem[] = [];
  items.forEach((item, i) => {
    if (typeof item.name !== 'string') return;
    if (seen.has(item.name)) problems.push({ path: `${path}[${i}].name`, expected: `a name no other ${what} has`, received: item.name });
    seen.add(item.name);
  });
  return problems;
}

// A distribution, or each of a byInterval's.
function timedDistributionProblems(spec: unknown, path: string, positiveMean: boolean): ScenarioProblem[] {
  if (!isRecord(spec) || !isRecord(spec.byInterval)) return distributionProblems(spec, path, positiveMean);
  const all = spec.byInterval.distributions;
  if (!Array.isArray(all)) return [];
  return all.flatMap((d, k) => distributionProblems(d, `${path}.byInterval.distributions[${k}]`, positiveMean));
}

function distributionProblems(spec: unknown, path: string, positiveMean: boolean): ScenarioProblem[] {
  if (!isRecord(spec)) return [];
  const problems: ScenarioProblem[] = [];
  if (spec.type === 'uniform' && isFiniteNumber(spec.minSeconds) && isFiniteNumber(spec.maxSeconds) &&
      spec.maxSeconds < spec.minSeconds) {
    problems.push({ path: `${path}.maxSeconds`, expected: `a number >= minSeconds (${spec.minSeconds})`, received: spec.maxSeconds });
  }
  if (positiveMean) {
    const zeroMean =
      (spec.type === 'fixed' && spec.seconds === 0) ||
      (spec.type === 'uniform' && spec.maxSeconds === 0) ||
      (spec.type === 'empirical' && Array.isArray(spec.seconds) && spec.seconds.length > 0 &&
        spec.seconds.every((s) => s === 0));
    if (zeroMean) problems.push({ path, expected: 'a distribution with a mean above 0 s', received: spec });
  }
  return problems;
}

function scheduleLength(value: Record<string, unknown> | undefined): number | undefined {
  if (!value || !isPositive(value.intervalSeconds) || !Array.isArray(value.perInterval) ||
      value.perInterval.length === 0) return undefined;
  return value.intervalSeconds * value.perInterval.length;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPositive(value: unknown): value is number {
  return isFiniteNumber(value) && value > 0;
}
