import type { $ZodIssue } from 'zod/v4/core';
import { scenarioSchema } from './schema';
import { ScenarioError, formatPath, type ScenarioProblem } from './errors';
import type { Scenario } from './types';

type Issue = $ZodIssue;

// What a union expects, said the way a scenario file writes it.
const unionExpectations: Record<string, string> = {
  arrivals: '{ perHour } or { intervalSeconds, perInterval }',
  agents: 'an integer >= 1, or { intervalSeconds, perInterval }',
  offer: '"always", { whenEstimatedWaitAtLeastSeconds } or { whenQueueAtLeast }',
  optIn: '{ probability } or { logistic: { intercept, perMinute } }',
};

/**
 * Checks a scenario and returns it typed, or throws a `ScenarioError` that lists every problem:
 * the field path, what was expected and what was received. Nothing is simulated before this
 * passes, so bad input never fails deep inside a run.
 *
 * @example
 * const scenario = validateScenario(JSON.parse(text)); // throws ScenarioError on bad input
 */
export function validateScenario(input: unknown): Scenario {
  const problems = scenarioProblems(input);
  if (problems.length > 0) throw new ScenarioError(problems);
  return input as Scenario;
}

/**
 * Every problem with a scenario, or an empty list when it is valid: for forms and editors
 * that show problems rather than throw.
 *
 * @example
 * scenarioProblems({ arrivals: { perHour: -5 }, agents: 3, durationSeconds: 3600, handleTime: { type: 'fixed', seconds: 60 } });
 * // [{ path: 'arrivals.perHour', expected: 'a number >= 0', received: -5 }]
 */
export function scenarioProblems(input: unknown): ScenarioProblem[] {
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  const problems = parsed.success ? [] : problemsFromIssues(parsed.error.issues);
  return [...problems, ...crossFieldProblems(input)];
}

/** A schema library's issues as problems a person can act on: path, expected, received. */
export function problemsFromIssues(issues: readonly Issue[]): ScenarioProblem[] {
  return issues.flatMap((issue) => fromIssue(issue, []));
}

function fromIssue(issue: Issue, prefix: readonly PropertyKey[]): ScenarioProblem[] {
  const path = [...prefix, ...issue.path];
  const at = formatPath(path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return [{ path: at, expected: article(issue.expected), received: input }];
    case 'too_small':
      return [{ path: at, expected: bound(issue.origin, issue.inclusive ? '>=' : '>', issue.minimum), received: input }];
    case 'too_big':
      return [{ path: at, expected: bound(issue.origin, issue.inclusive ? '<=' : '<', issue.maximum), received: input }];
    case 'invalid_value':
      return [{ path: at, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, received: input }];
    case 'unrecognized_keys': {
      const record = (input ?? {}) as Record<string, unknown>;
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        expected: 'no such field (is it misspelt?)',
        received: record[key],
      }));
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined && issue.errors.length === 0 && 'options' in issue) {
        const options = issue.options ?? [];
        const value = (input as Record<string, unknown> | undefined)?.[String(issue.discriminator)];
        return [{ path: at, expected: `one of ${options.map((v) => JSON.stringify(v)).join(', ')}`, received: value }];
      }
      return fromUnion(issue.errors, path, input);
    }
    default:
      return [{ path: at, expected: issue.message, received: input }];
  }
}

// A union failed every branch: report the branch the input came closest to, judged by how few
// of its problems sit at the union itself; when none comes close, say what the union accepts.
function fromUnion(branches: Issue[][], path: PropertyKey[], input: unknown): ScenarioProblem[] {
  const atRoot = (issue: Issue) => issue.path.length === 0;
  const scored = branches.map((issues) => ({ issues, misses: issues.filter(atRoot).length }));
  scored.sort((a, b) => a.misses - b.misses || a.issues.length - b.issues.length);
  const best = scored[0];
  const key = path[path.length - 1];
  const expected = (typeof key === 'string' && unionExpectations[key]) || 'one of the accepted forms';
  if (!best || best.misses > 0) return [{ path: formatPath(path), expected, received: input }];
  return best.issues.flatMap((issue) => fromIssue(issue, path));
}

function article(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'object' || expected === 'array') return `an ${expected}`;
  return `a ${expected}`;
}

function bound(origin: string, operator: string, limit: unknown): string {
  if (origin === 'array') return `${operator === '>=' ? 'at least' : 'at most'} ${String(limit)} entries`;
  if (origin === 'string') return `a text of length ${operator} ${String(limit)}`;
  return `a number ${operator} ${String(limit)}`;
}

// Checks that involve more than one field. Each runs only where its fields are well-formed on
// their own (the schema reports them otherwise), so both kinds of problem are listed together.
function crossFieldProblems(input: unknown): ScenarioProblem[] {
  if (!isRecord(input)) return [];
  const problems: ScenarioProblem[] = [];
  const arrivals = isRecord(input.arrivals) ? input.arrivals : undefined;
  const agents = input.agents;
  const arrivalSchedule = scheduleLength(arrivals);
  const agentSchedule = scheduleLength(isRecord(agents) ? agents : undefined);
  const duration = isPositive(input.durationSeconds)
    ? input.durationSeconds
    : input.durationSeconds === undefined
      ? (arrivalSchedule ?? agentSchedule)
      : undefined;

  if (input.durationSeconds === undefined && arrivals !== undefined && 'perHour' in arrivals && !isRecord(agents)) {
    problems.push({
      path: 'durationSeconds',
      expected: 'a number > 0 (required when neither arrivals nor agents has a per-interval schedule)',
      received: undefined,
    });
  }
  if (duration !== undefined && arrivalSchedule !== undefined && arrivalSchedule < duration) {
    const interval = arrivals!.intervalSeconds as number;
    const needed = Math.ceil(duration / interval);
    problems.push({
      path: 'arrivals.perInterval',
      expected: `at least ${needed} intervals of ${interval} s, to cover durationSeconds (${duration} s)`,
      received: `${(arrivals!.perInterval as unknown[]).length} intervals (${arrivalSchedule} s)`,
    });
  }
  if (duration !== undefined && isFiniteNumber(input.warmupSeconds) && input.warmupSeconds >= duration) {
    problems.push({
      path: 'warmupSeconds',
      expected: `less than durationSeconds (${duration} s), or no caller would be counted`,
      received: input.warmupSeconds,
    });
  }
  if (isRecord(agents) && Array.isArray(agents.perInterval) && agents.perInterval.length > 0) {
    const last = agents.perInterval.length - 1;
    if (agents.perInterval[last] === 0) {
      problems.push({
        path: `agents.perInterval[${last}]`,
        expected: 'at least 1 agent in the last interval (it holds until every waiting caller is served)',
        received: 0,
      });
    }
  }
  problems.push(...distributionProblems(input.handleTime, 'handleTime', true));
  problems.push(...distributionProblems(input.patience, 'patience', false));
  if (isRecord(input.callback)) {
    problems.push(...distributionProblems(input.callback.handleTime, 'callback.handleTime', true));
  }
  return problems;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPositive(value: unknown): value is number {
  return isFiniteNumber(value) && value > 0;
}
