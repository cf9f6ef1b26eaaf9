// A schema's issues said the way a scenario file writes it: a path, what was expected there
// (a union's accepted forms, a field of the other form named as such) and what was found.
import type { $ZodIssue } from 'zod/v4/core';
import { formatPath, type ScenarioProblem } from './errors';

type Issue = $ZodIssue;

// What a union expects, said the way a scenario file writes it.
const unionExpectations: Record<string, string> = {
  arrivals: '{ perHour } or { intervalSeconds, perInterval }',
  agents: 'an integer >= 1, or { intervalSeconds, perInterval }',
  offer: '"always", { whenEstimatedWaitAtLeastSeconds } or { whenQueueAtLeast }',
  optIn: '{ probability } or { logistic: { intercept, perMinute } }',
  balking: '{ probability } or { logistic: { intercept, perMinute } }',
  handleTime: 'a distribution object ({ type, ... }) or { byInterval: { intervalSeconds, distributions } }',
  patience: 'a distribution object ({ type, ... }) or { byInterval: { intervalSeconds, distributions } }',
};

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
// of its problems sit at the union itself (a missing discriminator, as a distribution without
// its `type`, counts there too); when none comes close, say what the union accepts.
function fromUnion(branches: Issue[][], path: PropertyKey[], input: unknown): ScenarioProblem[] {
  const atRoot = (issue: Issue) =>
    issue.path.length === 0 ||
    (issue.code === 'invalid_union' && issue.discriminator !== undefined && issue.errors.length === 0 &&
      (input as Record<string, unknown> | undefined)?.[issue.discriminator] === undefined);
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

// Fields of one form found in the other: say which form they belong to, not just "misspelt".
const SINGLE_LINE_ONLY = new Set(['arrivals', 'agents', 'handleTime', 'patience', 'callback', 'balking', 'redial', 'maxOnHold', 'afterCallWork', 'atClose', 'maxWaitSeconds', 'onTimeout']);

// Fields of a line or group put one level off, and what they belong to.
const MISPLACED_ON_LINE: Record<string, string> = {
  agents: 'no agents on a line (they belong to a group, groups[].agents, that the line routes to)',
  trunks: 'no trunks on a line (the whole center shares them: trunks at the top level)',
  rateUncertainty: "no rateUncertainty on a line itself (in the line's arrivals, or at the top level for every line)",
};
const MULTI_LINE_ONLY: Record<string, string> = {
  groups: 'groups only together with lines (the multi-line form)',
  rateUncertainty: 'no top-level rateUncertainty in the single-line form (give it as arrivals.rateUncertainty)',
  routing: 'routing only on a line of the multi-line form (lines[].routing)',
  priority: 'priority only on a line of the multi-line form (lines[].priority)',
};

/** An unknown field that belongs to the other form, or one level up or down, said as such. */
export function explainForm(problem: ScenarioProblem, multiLine: boolean): ScenarioProblem {
  if (problem.expected !== 'no such field (is it misspelt?)') return problem;
  if (multiLine && SINGLE_LINE_ONLY.has(problem.path)) {
    return { ...problem, expected: 'no top-level field of the single-line form beside lines (give it on each line)' };
  }
  const onLine = multiLine ? /^lines\[\d+\]\.(\w+)$/.exec(problem.path)?.[1] : undefined;
  const expected = onLine !== undefined ? MISPLACED_ON_LINE[onLine] : multiLine ? undefined : MULTI_LINE_ONLY[problem.path];
  return expected ? { ...problem, expected } : problem;
}
