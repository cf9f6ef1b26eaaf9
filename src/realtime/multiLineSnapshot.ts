import * as z from 'zod/mini';
import { problemsFromIssues, type ResolvedScenario, type ScenarioProblem } from '../scenario';

/**
 * What a live center of several lines and agent groups knows now (DESIGN.md, "Real time"): per
 * line, who holds and which callback requests wait (each list longest-waiting first); per
 * group, how many agents are on duty and which line's call each busy one is in.
 */
export interface MultiLineSnapshot {
  lines: Record<string, LineState>;
  groups: Record<string, GroupState>;
  /** Where in the scenario's day it is, in seconds: later arrivals come at that time's rates. Default 0. */
  timeOfDaySeconds?: number;
}

/** One line of a `MultiLineSnapshot`. A line left out has nobody waiting. */
export interface LineState {
  hold?: Array<{ waitedSeconds: number }>;
  callbacks?: Array<{ waitedSeconds: number; attempts: number }>;
  /** How long the last caller of this line to reach an agent had held (the LES predictor). */
  lastServedWaitSeconds?: number;
  /**
   * People sent away (hung up, balked, busy, disconnected) who have not called again yet: how
   * long ago, and after which call. Each still calls again with the line's redial rule given
   * that they have not yet.
   */
  redials?: Array<{ sinceSeconds: number; attempt: number }>;
}

/** One agent group of a `MultiLineSnapshot`: every group of the scenario must be there. */
export interface GroupState {
  agents: number;
  busy?: Array<{ elapsedSeconds: number; line: string }>;
  /**
   * Agents wrapping up a call that has ended (after-call work): for how long so far, and the
   * line of the call. Each is an agent on duty who takes no call until the wrap-up ends.
   */
  wrapUp?: Array<{ elapsedSeconds: number; line: string }>;
}

const seconds = z.number().check(z.minimum(0));
const manyAtMost = z.maxLength(1_000_000);

export const multiLineSnapshotSchema = z.strictObject({
  lines: z.record(z.string(), z.strictObject({
    hold: z.optional(z.array(z.strictObject({ waitedSeconds: seconds })).check(manyAtMost)),
    callbacks: z.optional(z.array(z.strictObject({ waitedSeconds: seconds, attempts: z.int().check(z.minimum(0)) })).check(manyAtMost)),
    lastServedWaitSeconds: z.optional(seconds),
    redials: z.optional(z.array(z.strictObject({ sinceSeconds: seconds, attempt: z.int().check(z.minimum(1)) })).check(manyAtMost)),
  })),
  groups: z.record(z.string(), z.strictObject({
    agents: z.int().check(z.minimum(0), z.maximum(1_000_000)),
    busy: z.optional(z.array(z.strictObject({ elapsedSeconds: seconds, line: z.string() })).check(manyAtMost)),
    wrapUp: z.optional(z.array(z.strictObject({ elapsedSeconds: seconds, line: z.string() })).check(manyAtMost)),
  })),
  timeOfDaySeconds: z.optional(seconds),
});

/** True when a snapshot (valid or not) is written in the multi-line form. */
export function isMultiLineSnapshot(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && ('lines' in input || 'groups' in input);
}

/**
 * Every problem with a multi-line snapshot of this scenario, all at once: the shape, then the
 * names (lines and groups the scenario does not have, groups it has that the snapshot leaves
 * out, calls in progress on a line the group does not serve), impossible states (more calls in
 * progress than agents on duty) and, for the caller's `line`
 * (or each of several), whether anyone on duty can ever answer it.
 */
export function multiLineSnapshotProblems(input: unknown, scenario: ResolvedScenario, line?: string | readonly string[]): ScenarioProblem[] {
  const parsed = multiLineSnapshotSchema.safeParse(input, { reportInput: true });
  const problems: ScenarioProblem[] = parsed.success ? [] : problemsFromIssues(parsed.error.issues);
  const shapeOk = problems.length === 0;
  // Names are checked alongside the shape, as far as the input can be read: a negative wait
  // does not hide an unknown line.
  const snapshot = isRecord(input) ? input : {};
  const lines = isRecord(snapshot.lines) ? snapshot.lines : {};
  const groups = isRecord(snapshot.groups) ? snapshot.groups : {};
  const lineNames = scenario.lines.map((l) => l.name);
  const groupNames = scenario.groups.map((g) => g.name);
  const oneOf = (names: readonly string[]) => `one of ${names.map((n) => JSON.stringify(n)).join(', ')}`;
  for (const name of Object.keys(lines)) {
    if (!lineNames.includes(name)) problems.push({ path: `lines.${name}`, expected: `a line of the scenario (${oneOf(lineNames)})`, received: lines[name] });
  }
  for (const name of Object.keys(groups)) {
    if (!groupNames.includes(name)) problems.push({ path: `groups.${name}`, expected: `a group of the scenario (${oneOf(groupNames)})`, received: groups[name] });
  }
  scenario.groups.forEach((group, index) => {
    const state = groups[group.name];
    if (state === undefined) {
      if (isRecord(snapshot.groups)) {
        problems.push({ path: `groups.${group.name}`, expected: '{ agents, busy }: every group of the scenario, agents on duty and calls in progress', received: undefined });
      }
      return;
    }
    const busy = isRecord(state) && Array.isArray(state.busy) ? (state.busy as unknown[]) : [];
    const wrapUp = isRecord(state) && Array.isArray(state.wrapUp) ? (state.wrapUp as unknown[]) : [];
    const agents = isRecord(state) ? state.agents : undefined;
    if (typeof agents === 'number') problems.push(...moreBusyThanAgents(`groups.${group.name}`, agents, busy.length, wrapUp.length));
    const wrapped = scenario.lines
      .filter((l) => l.routing.some((r) => r.group === index && (r.afterCallWork ?? l.afterCallWork) !== undefined))
      .map((l) => l.name);
    wrapUp.forEach((entry, i) => {
      const name = isRecord(entry) ? entry.line : undefined;
      if (typeof name === 'string' && !wrapped.includes(name)) {
        problems.push({
          path: `groups.${group.name}.wrapUp[${i}].line`,
          expected: wrapped.length > 0 ? `a line whose calls group ${group.name} wraps up (${oneOf(wrapped)})` : `none: group ${group.name} has no after-call work`,
          received: name,
        });
      }
    });
    const served = scenario.lines.filter((l) => l.routing.some((r) => r.group === index)).map((l) => l.name);
    busy.forEach((call, i) => {
      const name = isRecord(call) ? call.line : undefined;
      if (typeof name === 'string' && !served.includes(name)) {
        problems.push({ path: `groups.${group.name}.busy[${i}].line`, expected: `a line that group ${group.name} serves (${oneOf(served)})`, received: name });
      }
    });
  });
  const asked = line === undefined ? [] : typeof line === 'string' ? [line] : line;
  for (const name of shapeOk && problems.length === 0 ? asked : []) {
    const known = parsed.data as MultiLineSnapshot;
    const spec = scenario.lines.find((l) => l.name === name);
    if (spec && !spec.routing.some((r) => known.groups[groupNames[r.group]!]!.agents > 0)) {
      problems.push({
        path: 'groups',
        expected: `an agent on duty in a group that serves line ${name} (${oneOf(spec.routing.map((r) => groupNames[r.group]!))})`,
        received: Object.fromEntries(spec.routing.map((r) => [groupNames[r.group]!, known.groups[groupNames[r.group]!]!.agents])),
      });
    }
  }
  return problems;
}

/**
 * The problems of a group (at `path`, '' for the single-line form) whose agents on duty cannot
 * all be in the calls and wrap-ups it lists: at `busy` when the calls alone are too many, else
 * at `wrapUp`.
 */
export function moreBusyThanAgents(path: string, agents: number, calls: number, wrapUps: number): ScenarioProblem[] {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  if (calls > agents) return [moreCallsThanAgents(at('busy'), agents, calls)];
  if (calls + wrapUps <= agents) return [];
  return [{ path: at('wrapUp'), expected: `at most ${agents - calls} agents wrapping up (${agents} on duty, ${calls} in calls)`, received: `${wrapUps} wrap-ups` }];
}

/** The problem of a state with more calls in progress than agents on duty: it cannot be. */
export function moreCallsThanAgents(path: string, agents: number, calls: number): ScenarioProblem {
  return { path, expected: `at most ${agents} calls in progress (one per agent on duty)`, received: `${calls} calls` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
