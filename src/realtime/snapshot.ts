import * as z from 'zod/mini';
import { InvalidInputError } from '../errors';
import { ScenarioError, problemsFromIssues, resolveScenario, type ResolvedScenario, type Scenario, type ScenarioProblem } from '../scenario';
import { isMultiLineSnapshot, moreBusyThanAgents, multiLineSnapshotProblems, multiLineSnapshotSchema, type MultiLineSnapshot } from './multiLineSnapshot';

/**
 * What a live center knows now (DESIGN.md, "Real time"): agents on duty, the calls in
 * progress, the callers on hold and the callback requests waiting, each list in queue order
 * (longest-waiting first).
 */
export interface CenterSnapshot {
  agents: number;
  busy: Array<{ elapsedSeconds: number }>;
  hold: Array<{ waitedSeconds: number }>;
  callbacks: Array<{ waitedSeconds: number; attempts: number }>;
  /** Agents wrapping up a call that has ended (after-call work), for how long so far; each takes no call until done. */
  wrapUp?: Array<{ elapsedSeconds: number }>;
  /** How long the last caller to reach an agent had held: what the LES predictor announces. */
  lastServedWaitSeconds?: number;
}

const seconds = z.number().check(z.minimum(0));
const manyAtMost = z.maxLength(1_000_000);

export const snapshotSchema = z.strictObject({
  agents: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  busy: z.array(z.strictObject({ elapsedSeconds: seconds })).check(manyAtMost),
  hold: z.array(z.strictObject({ waitedSeconds: seconds })).check(manyAtMost),
  callbacks: z.array(z.strictObject({ waitedSeconds: seconds, attempts: z.int().check(z.minimum(0)) })).check(manyAtMost),
  wrapUp: z.optional(z.array(z.strictObject({ elapsedSeconds: seconds })).check(manyAtMost)),
  lastServedWaitSeconds: z.optional(seconds),
});

/**
 * A snapshot that cannot be forecast from, every problem listed like a scenario's.
 *
 * @example
 * try { forecastWait(scenario, snapshot); } catch (e) { if (e instanceof SnapshotError) reply(400, e.problems); }
 */
export class SnapshotError extends InvalidInputError {
  override readonly name = 'SnapshotError';

  constructor(problems: readonly ScenarioProblem[]) {
    super('snapshot', problems);
  }
}

/**
 * Every problem with a snapshot, or an empty list when it is valid. Either form: a single-line
 * `CenterSnapshot`, or a `MultiLineSnapshot` (with `lines` or `groups`). Given the (valid)
 * scenario, also whether the snapshot has its form and names its lines and groups, and, given
 * the caller's `line`, whether that line is one of the scenario's and anyone on duty serves it.
 *
 * @example
 * snapshotProblems({ agents: 0, busy: [], hold: [], callbacks: [] });
 * // [{ path: 'agents', expected: 'a number >= 1', received: 0 }]
 * snapshotProblems({ lines: { B: { hold: [{ waitedSeconds: -1 }] } }, groups: {} }, center);
 * // [{ path: 'lines.B.hold[0].waitedSeconds', ... }, { path: 'groups.general', ... }]
 */
export function snapshotProblems(input: unknown, scenario?: Scenario | ResolvedScenario, line?: string): ScenarioProblem[] {
  const multiLine = isMultiLineSnapshot(input);
  const resolved = scenario === undefined ? undefined : resolvedOrUndefined(scenario);
  if (resolved === undefined) {
    const parsed = (multiLine ? multiLineSnapshotSchema : snapshotSchema).safeParse(input, { reportInput: true });
    const problems = parsed.success ? [] : problemsFromIssues(parsed.error.issues);
    if (parsed.success && !multiLine) {
      const { agents, busy, wrapUp } = parsed.data as CenterSnapshot;
      problems.push(...moreBusyThanAgents('', agents, busy.length, wrapUp?.length ?? 0));
    } else if (parsed.success) {
      for (const [name, group] of Object.entries((parsed.data as MultiLineSnapshot).groups)) {
        problems.push(...moreBusyThanAgents(`groups.${name}`, group.agents, group.busy?.length ?? 0, group.wrapUp?.length ?? 0));
      }
    }
    return problems;
  }
  if (resolved.multiLine !== multiLine) {
    const expected = resolved.multiLine
      ? '{ lines, groups, timeOfDaySeconds? }: the multi-line form, for a multi-line scenario'
      : '{ agents, busy, hold, callbacks }: the single-line form, for a single-line scenario';
    return [{ path: '', expected, received: input }];
  }
  if (!multiLine) {
    const problems = snapshotProblems(input);
    const wrapUp = problems.length === 0 ? (input as CenterSnapshot).wrapUp ?? [] : [];
    const line = resolved.lines[0]!;
    if (wrapUp.length > 0 && line.afterCallWork === undefined && line.routing[0]!.afterCallWork === undefined) {
      problems.push({ path: 'wrapUp', expected: 'none: the scenario has no after-call work', received: wrapUp });
    }
    return problems;
  }
  const problems = multiLineSnapshotProblems(input, resolved, line);
  const names = resolved.lines.map((l) => l.name);
  if (line !== undefined && !names.includes(line)) {
    problems.push({ path: 'line', expected: `a line of the scenario (one of ${names.map((n) => JSON.stringify(n)).join(', ')})`, received: line });
  }
  return problems;
}

/** The scenario resolved, or undefined when it is invalid (its own errors are not the snapshot's). */
function resolvedOrUndefined(scenario: Scenario | ResolvedScenario): ResolvedScenario | undefined {
  try {
    return resolveScenario(scenario);
  } catch (error) {
    if (error instanceof ScenarioError) return undefined;
    throw error;
  }
}

/**
 * Checks a snapshot and returns it typed, or throws a `SnapshotError` listing every problem.
 *
 * @example
 * const snapshot = validateSnapshot(JSON.parse(body).snapshot);
 */
export function validateSnapshot(input: unknown): CenterSnapshot {
  const problems = snapshotProblems(input);
  if (problems.length > 0) throw new SnapshotError(problems);
  return input as CenterSnapshot;
}
