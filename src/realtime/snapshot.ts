import * as z from 'zod/mini';
import { problemsFromIssues, problemsMessage, type ScenarioProblem } from '../scenario';

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
  lastServedWaitSeconds: z.optional(seconds),
});

/**
 * A snapshot that cannot be forecast from, every problem listed like a scenario's.
 *
 * @example
 * try { forecastWait(scenario, snapshot); } catch (e) { if (e instanceof SnapshotError) reply(400, e.problems); }
 */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';

  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(problemsMessage('snapshot', problems));
  }
}

/**
 * Every problem with a snapshot, or an empty list when it is valid.
 *
 * @example
 * snapshotProblems({ agents: 0, busy: [], hold: [], callbacks: [] });
 * // [{ path: 'agents', expected: 'a number >= 1', received: 0 }]
 */
export function snapshotProblems(input: unknown): ScenarioProblem[] {
  const parsed = snapshotSchema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : problemsFromIssues(parsed.error.issues);
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
