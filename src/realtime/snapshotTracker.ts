import { QuietObserver } from '../model';
import { compileDistribution } from '../random';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import type { MultiLineSnapshot } from './multiLineSnapshot';
import type { CenterSnapshot } from './snapshot';

/**
 * Follows a simulated center's events (of one line or several) and can say, at any moment, what
 * a live center would know: its `MultiLineSnapshot`, or one line's view of it in the single-line
 * form, for the classic predictors. Every way a call ends takes it out of the line. (A retried
 * callback request is taken as back in line at once.)
 *
 * @example
 * const tracker = new SnapshotTracker(scenario);
 * simulate(scenario, { observer: tracker }); // then tracker.snapshot(now) at any event
 */
export class SnapshotTracker extends QuietObserver {
  private readonly scenario: ResolvedScenario;
  private readonly onDuty: number[];
  /** Calls and dials in progress: when each began, on which line, in which group. */
  private readonly inProgress = new Map<number, { start: number; line: number; group: number }>();
  /**
   * Agents wrapping up, by caller and line (a transferred person's first call may still be
   * wrapped up when their second ends): since when, on which line, in which group.
   */
  private readonly wrappingUp = new Map<number, { start: number; line: number; group: number }>();
  /** Per line, per group index: whether the group wraps up the line's calls (after-call work). */
  private readonly wrapsUp: boolean[][];
  /** Per line, callers on hold in order of arrival: when each arrived. */
  private readonly holding: Array<Map<number, number>>;
  /** Per line, callback requests waiting: since when, and dials so far. */
  private readonly requests: Array<Map<number, { since: number; attempts: number }>>;
  private readonly lastServedWait: Array<number | undefined>;
  private readonly busyByGroup: number[];
  /** Per line, the groups that take its callers at once. */
  private readonly immediate: number[][];
  /** Per line, people sent away who may call again: since when, and after which call. */
  private readonly redials: Array<Map<number, { since: number; attempt: number }>>;
  /** The call each caller is on now (for what a person sent away has tried). */
  private readonly attempts = new Map<number, number>();
  /** Per line, how long after being sent away a person is forgotten: nearly all who redial have by then. */
  private readonly redialHorizon: number[];

  constructor(scenario: Scenario | ResolvedScenario) {
    super();
    this.scenario = resolveScenario(scenario);
    scenario = this.scenario;
    this.redials = scenario.lines.map(() => new Map());
    this.redialHorizon = scenario.lines.map((line) => (line.redial ? compileDistribution(line.redial.delay).quantile(0.999) : 0));
    this.onDuty = scenario.groups.map(() => 0);
    this.busyByGroup = scenario.groups.map(() => 0);
    this.holding = scenario.lines.map(() => new Map());
    this.requests = scenario.lines.map(() => new Map());
    this.lastServedWait = scenario.lines.map(() => undefined);
    this.immediate = scenario.lines.map((line) => line.routing.filter((r) => r.afterSeconds === 0).map((r) => r.group));
    this.wrapsUp = scenario.lines.map((line) => scenario.groups.map((_, g) => line.routing.some((r) => r.group === g && (r.afterCallWork ?? line.afterCallWork) !== undefined)));
  }

  /** True when no group that takes `line` at once has an idle agent: its caller arriving now waits. */
  mustWait(line: number): boolean {
    return this.immediate[line]!.every((g) => this.busyByGroup[g]! >= this.onDuty[g]!);
  }

  snapshot(now: number): MultiLineSnapshot {
    const { lines, groups } = this.scenario;
    const snapshot: MultiLineSnapshot = { lines: {}, groups: {}, timeOfDaySeconds: now };
    lines.forEach((line, index) => {
      const state: MultiLineSnapshot['lines'][string] = {
        hold: Array.from(this.holding[index]!.values(), (arrival) => ({ waitedSeconds: now - arrival })),
        callbacks: Array.from(this.requests[index]!.values(), (r) => ({ waitedSeconds: now - r.since, attempts: r.attempts })),
      };
      if (this.lastServedWait[index] !== undefined) state.lastServedWaitSeconds = this.lastServedWait[index];
      const redials = this.redials[index]!;
      if (redials.size > 0) {
        state.redials = [];
        for (const [callerId, person] of redials) {
          if (now - person.since > this.redialHorizon[index]!) redials.delete(callerId);
          else state.redials.push({ sinceSeconds: now - person.since, attempt: person.attempt });
        }
      }
      snapshot.lines[line.name] = state;
    });
    groups.forEach((group, index) => {
      snapshot.groups[group.name] = { agents: this.onDuty[index]!, busy: [] };
      // Only groups that wrap some line's calls up say so, so that other snapshots keep their shape.
      if (this.wrapsUp.some((byGroup) => byGroup[index])) snapshot.groups[group.name]!.wrapUp = [];
    });
    for (const call of this.inProgress.values()) {
      snapshot.groups[groups[call.group]!.name]!.busy!.push({ elapsedSeconds: now - call.start, line: lines[call.line]!.name });
    }
    for (const wrapUp of this.wrappingUp.values()) {
      snapshot.groups[groups[wrapUp.group]!.name]!.wrapUp!.push({ elapsedSeconds: now - wrapUp.start, line: lines[wrapUp.line]!.name });
    }
    return snapshot;
  }

  /**
   * One line's view in the single-line form: the agents and calls of the groups that take it at
   * once, its own callers on hold and requests. The classic predictors read it as the center
   * announces a line's wait (DESIGN.md, "Estimated wait").
   */
  lineView(now: number, line: number): CenterSnapshot {
    const groups = this.immediate[line]!;
    const view: CenterSnapshot = {
      agents: groups.reduce((sum, g) => sum + this.onDuty[g]!, 0),
      busy: [],
      hold: Array.from(this.holding[line]!.values(), (arrival) => ({ waitedSeconds: now - arrival })),
      callbacks: Array.from(this.requests[line]!.values(), (r) => ({ waitedSeconds: now - r.since, attempts: r.attempts })),
    };
    for (const call of this.inProgress.values()) if (groups.includes(call.group)) view.busy.push({ elapsedSeconds: now - call.start });
    if (this.lastServedWait[line] !== undefined) view.lastServedWaitSeconds = this.lastServedWait[line];
    return view;
  }

  override agentsChanged(_time: number, _scheduled: number, onDuty: number, group: number): void {
    this.onDuty[group] = onDuty;
  }
  override arrival(time: number, callerId: number, line: number, attempt: number): void {
    this.holding[line]!.set(callerId, time);
    this.attempts.set(callerId, attempt);
    if (attempt > 1) this.redials[line]!.delete(callerId);
  }
  override answered(time: number, callerId: number, arrivalTime: number, line: number, group: number): void {
    this.holding[line]!.delete(callerId);
    this.attempts.delete(callerId);
    this.start(time, callerId, line, group);
    this.lastServedWait[line] = time - arrivalTime;
  }
  override abandoned(time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.sentAway(time, callerId, line);
  }
  override balked(time: number, callerId: number, _arrivalTime: number, _wait: number, line: number): void {
    this.sentAway(time, callerId, line);
  }
  override busySignal(time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.sentAway(time, callerId, line);
  }
  override disconnected(time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.sentAway(time, callerId, line);
  }
  // The caller of a call that just ended holds on the line they are put through to.
  override transferred(time: number, callerId: number, line: number): void {
    this.holding[line]!.set(callerId, time);
  }
  override closed(_time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.holding[line]!.delete(callerId);
    this.attempts.delete(callerId);
  }
  // With a callback at the timeout, callbackAccepted follows and moves the caller to the requests.
  override timedOut(time: number, callerId: number, _arrivalTime: number, line: number, _counted: boolean, toCallback: boolean): void {
    if (!toCallback) this.sentAway(time, callerId, line);
  }
  override redialAfterClose(_time: number, callerId: number, line: number): void {
    this.redials[line]!.delete(callerId);
  }
  // The caller hangs up; an agent who wraps the call up stays busy until `wrapUpEnded`.
  override callEnded(time: number, callerId: number, line: number, group: number): void {
    if (!this.wrapsUp[line]![group]) {
      this.end(callerId);
      return;
    }
    this.inProgress.delete(callerId);
    this.wrappingUp.set(this.wrapUpKey(callerId, line), { start: time, line, group });
  }
  override wrapUpEnded(_time: number, callerId: number, line: number, group: number): void {
    if (this.wrappingUp.delete(this.wrapUpKey(callerId, line))) this.busyByGroup[group]!--;
  }
  override callbackAccepted(time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.holding[line]!.delete(callerId);
    this.attempts.delete(callerId);
    this.requests[line]!.set(callerId, { since: time, attempts: 0 });
  }
  override callbackDialed(time: number, callerId: number, _arrivalTime: number, _attempt: number, line: number, group: number): void {
    this.requests[line]!.delete(callerId);
    this.start(time, callerId, line, group);
  }
  override callbackUnanswered(_time: number, callerId: number, arrivalTime: number, attempt: number, line: number): void {
    this.end(callerId);
    this.requests[line]!.set(callerId, { since: arrivalTime, attempts: attempt });
  }
  override callbackFailed(_time: number, callerId: number, _arrivalTime: number, line: number): void {
    this.requests[line]!.delete(callerId);
  }

  // A call ends without an agent: the person may call again (the model decides; the tracker only knows they might).
  private sentAway(time: number, callerId: number, line: number): void {
    this.holding[line]!.delete(callerId);
    const attempt = this.attempts.get(callerId) ?? 1;
    this.attempts.delete(callerId);
    const redial = this.scenario.lines[line]!.redial;
    if (redial && attempt < redial.maxAttempts) this.redials[line]!.set(callerId, { since: time, attempt });
  }

  private wrapUpKey(callerId: number, line: number): number {
    return callerId * this.scenario.lines.length + line;
  }

  private start(time: number, callerId: number, line: number, group: number): void {
    this.inProgress.set(callerId, { start: time, line, group });
    this.busyByGroup[group]!++;
  }

  private end(callerId: number): void {
    const call = this.inProgress.get(callerId);
    if (!call) return;
    this.inProgress.delete(callerId);
    this.busyByGroup[call.group]!--;
  }
}
