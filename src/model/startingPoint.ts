import { compileDistribution, type Sampler, type Uniform } from '../random';
import type { ResolvedScenario } from '../scenario';
import type { CallbackDesk, CallbackDeskHost } from './callbackDesk';
import type { CallDraws } from './callDraws';
import { HOLDING, IN_CALL, REDIAL_WAIT, REQUEST_WAITING, WRAP_UP, type CallerSlots } from './callerSlots';
import { CALL_END, OVERFLOW, PATIENCE, REDIAL, STAFFING, TIMEOUT, WRAP_UP_END } from './eventKinds';
import type { LineRuntime } from './lineRuntime';
import { TimedSampler } from './timedSampler';

/**
 * A center's state at a moment of its day, by the resolved scenario's line and group indexes:
 * where a run can start instead of an empty center at time 0 (DESIGN.md, "Real time").
 */
export interface CenterState {
  /** Where in the scenario's day it is: the clock starts here, with the rates and rosters of that time. */
  timeSeconds: number;
  /**
   * Per group: agents on duty (at least their calls in progress and wrap-ups) and the calls
   * they are in; `wrapUps`: agents wrapping up a call of `line` that ended `elapsedSeconds` ago.
   */
  groups: ReadonlyArray<{
    onDuty: number;
    calls: ReadonlyArray<{ line: number; elapsedSeconds: number }>;
    wrapUps?: ReadonlyArray<{ line: number; elapsedSeconds: number }>;
  }>;
  /**
   * Per line: callers on hold and callback requests waiting, each longest-waiting first, and
   * the people sent away (abandoned, balked, busy, disconnected) after call `attempt` who may
   * call again.
   */
  lines: ReadonlyArray<{
    hold: ReadonlyArray<{ waitedSeconds: number }>;
    callbacks: ReadonlyArray<{ waitedSeconds: number; attempts: number }>;
    redials: ReadonlyArray<{ sinceSeconds: number; attempt: number }>;
  }>;
}

type Draw = (uniform: Uniform) => number;

/** What seating a state needs of its center: the desk's view of it, new caller ids and the count of wrap-ups. */
type SeatingHost = CallbackDeskHost & { newCallerId(): number; wrappingUp: number };

interface Waiting {
  waitedSeconds: number;
  request: boolean;
  attempts: number;
  /** The patience of a caller on hold given that it has lasted `waitedSeconds` (undefined: none). */
  patience: Draw | undefined;
}

/**
 * A `CenterState` read against its scenario once, for many runs from it: the draws that depend
 * on an elapsed time (what is left of a call, of a caller's patience, of a redial's delay) are
 * prepared here, so that seating the state in each run costs a draw per person and nothing per
 * event afterwards.
 */
export class StartingPoint {
  readonly timeSeconds: number;
  private readonly calls: Array<Array<{ line: number; elapsedSeconds: number; end: Draw }>>;
  private readonly wrapUps: Array<Array<{ line: number; elapsedSeconds: number; end: Draw }>>;
  private readonly waiting: Waiting[][];
  private readonly redials: Array<Array<{ sinceSeconds: number; attempt: number; probability: number; end: Draw }>>;

  constructor(
    scenario: ResolvedScenario,
    readonly state: CenterState,
  ) {
    this.timeSeconds = state.timeSeconds;
    const lineHandles = scenario.lines.map((line) => new TimedSampler(line.handleTime));
    // A call's length with a group: the route's handle time where it has one, else the line's.
    // By interval, that of the interval the call began in: the state does not say when the
    // caller arrived, and the start of the call is the latest it can have been.
    const handle = (line: number, group: number): TimedSampler => {
      const route = scenario.lines[line]!.routing.find((r) => r.group === group);
      return route?.handleTime ? new TimedSampler(route.handleTime) : lineHandles[line]!;
    };
    const now = state.timeSeconds;
    this.calls = state.groups.map((group, g) =>
      group.calls.map((call) => ({ ...call, end: handle(call.line, g).at(now - call.elapsedSeconds).above(call.elapsedSeconds) })),
    );
    // What is left of a wrap-up, drawn given its elapsed time from the group's after-call work
    // for the line (the route's, else the line's), as what is left of a call is.
    this.wrapUps = state.groups.map((group, g) =>
      (group.wrapUps ?? []).map((wrapUp) => {
        const line = scenario.lines[wrapUp.line]!;
        const spec = line.routing.find((r) => r.group === g)?.afterCallWork ?? line.afterCallWork;
        return { ...wrapUp, end: compileDistribution(spec!).above(wrapUp.elapsedSeconds) };
      }),
    );
    this.waiting = state.lines.map((line, l) => {
      const spec = scenario.lines[l]!.patience;
      const patience = spec && new TimedSampler(spec);
      // A holder's patience is that of the interval they arrived in: the state says how long they have waited.
      const holders: Waiting[] = line.hold.map((h) => ({
        waitedSeconds: h.waitedSeconds, request: false, attempts: 0, patience: patience?.at(now - h.waitedSeconds).above(h.waitedSeconds),
      }));
      const requests: Waiting[] = line.callbacks.map((c) => ({ waitedSeconds: c.waitedSeconds, request: true, attempts: c.attempts, patience: undefined }));
      // Keep-place requests stand in the line by how long they have waited (a stable sort keeps
      // the given order of equals).
      // After-hold requests are seated after everyone on hold, so that what holders draw does
      // not depend on the requests behind them.
      if (scenario.lines[l]!.callback?.position === 'after-hold') return [...holders, ...requests];
      return [...holders, ...requests].sort((a, b) => b.waitedSeconds - a.waitedSeconds);
    });
    this.redials = state.lines.map((line, l) => {
      const spec = scenario.lines[l]!.redial;
      if (!spec) return [];
      const delay = compileDistribution(spec.delay);
      return line.redials
        .filter((r) => r.attempt < spec.maxAttempts)
        .map((r) => ({ ...r, probability: stillRedials(spec.probability, delay, r.sinceSeconds), end: delay.above(r.sinceSeconds) }));
    });
  }

  /** Seats the state in a center built for it, before its first event; `uniform` draws what is left of each duration. */
  seat(center: SeatingHost, callers: CallerSlots, draws: CallDraws, desk: CallbackDesk, uniform: Uniform): void {
    const simulation = center.simulation;
    const now = this.timeSeconds;
    simulation.now = now;
    center.groups.forEach((group, g) => {
      const state = this.state.groups[g]!;
      // The agents on duty stay until the roster's next change, but for those above the
      // roster of the moment, who leave as their calls end (as after a drop in the model).
      const { perInterval, intervalSeconds } = group.roster;
      const next = Math.floor(now / intervalSeconds) + 1;
      group.onDuty = state.onDuty;
      group.scheduled = Math.min(state.onDuty, perInterval[Math.min(next, perInterval.length) - 1]!);
      if (next < perInterval.length) simulation.at(next * intervalSeconds, STAFFING, g, next);
      for (const call of this.calls[g]!) {
        const slot = this.person(center, callers, draws, center.lines[call.line]!, 1, now - call.elapsedSeconds);
        callers.state[slot] = IN_CALL;
        callers.group[slot] = g;
        callers.arrivalTime[slot] = callers.agentBusySince[slot] = now - call.elapsedSeconds;
        group.busy++;
        center.present++;
        simulation.at(now + Math.max(0, call.end(uniform) - call.elapsedSeconds), CALL_END, slot);
      }
      // An agent wrapping up: a slot of its own for whose call and where, as the model keeps one
      // while its agent wraps up (the caller has hung up: no trunk, no story left).
      for (const wrapUp of this.wrapUps[g]!) {
        const slot = callers.take();
        callers.callerId[slot] = center.newCallerId();
        callers.line[slot] = wrapUp.line;
        callers.group[slot] = g;
        callers.agentBusySince[slot] = now - wrapUp.elapsedSeconds;
        callers.state[slot] = WRAP_UP;
        group.busy++;
        center.wrappingUp++;
        simulation.at(now + Math.max(0, wrapUp.end(uniform) - wrapUp.elapsedSeconds), WRAP_UP_END, slot);
      }
    });
    center.lines.forEach((line, l) => {
      for (const entry of this.waiting[l]!) {
        const since = now - entry.waitedSeconds;
        const slot = this.person(center, callers, draws, line, 1, since);
        callers.arrivalTime[slot] = since;
        if (entry.request) {
          callers.state[slot] = REQUEST_WAITING;
          callers.dials[slot] = entry.attempts;
          line.requestsWaiting++;
          desk.requestsWaiting++;
          this.queue(center, callers, slot, line, line.callback?.position === 'after-hold', since);
          continue;
        }
        callers.state[slot] = HOLDING;
        line.holding++;
        center.present++;
        const generation = this.queue(center, callers, slot, line, false, since);
        // What is left of their patience, or of the line's maximum wait (its timeout on a tie), as a new caller's timer.
        const patienceLeft = entry.patience ? Math.max(0, entry.patience(uniform) - entry.waitedSeconds) : Infinity;
        const waitLeft = Math.max(0, line.maxWaitSeconds - entry.waitedSeconds);
        if (patienceLeft < waitLeft) simulation.at(now + patienceLeft, PATIENCE, slot, generation);
        else if (waitLeft !== Infinity) simulation.at(now + waitLeft, TIMEOUT, slot, generation);
      }
      for (const redial of this.redials[l]!) {
        if (!(uniform.next() < redial.probability)) continue;
        const slot = this.person(center, callers, draws, line, redial.attempt, now);
        callers.state[slot] = REDIAL_WAIT;
        callers.generation[slot]!++;
        simulation.at(now + Math.max(0, redial.end(uniform) - redial.sinceSeconds), REDIAL, slot);
      }
    });
  }

  // A person of the state: a slot with their line's draws for this call, which arrived at `arrivalTime`.
  private person(center: SeatingHost, callers: CallerSlots, draws: CallDraws, line: LineRuntime, attempt: number, arrivalTime: number): number {
    const slot = callers.take();
    const callerId = center.newCallerId();
    callers.callerId[slot] = callerId;
    callers.line[slot] = line.index;
    callers.attempt[slot] = attempt;
    callers.counted[slot] = 0;
    draws.seatedCall(slot, line, callerId, arrivalTime);
    center.inSystem++;
    return slot;
  }

  // Joins a queue as having waited since `since`: delayed routes already open need no event
  // (the choice of an idle agent checks the wait), the next one still closed gets its own.
  private queue(center: SeatingHost, callers: CallerSlots, slot: number, line: LineRuntime, afterHold: boolean, since: number): number {
    const generation = ++callers.generation[slot]!;
    callers.queuedAt[slot] = since;
    (afterHold ? line.requests : line.hold).push(slot, generation);
    const now = center.simulation.now;
    const step = line.delayed.findIndex((route) => since + route.afterSeconds > now);
    if (step >= 0) {
      callers.overflowStep[slot] = step;
      center.simulation.at(since + line.delayed[step]!.afterSeconds, OVERFLOW, slot, generation);
    }
    return generation;
  }
}

/**
 * The chance that a person sent away `sinceSeconds` ago, who has not called again yet, still
 * will: p S(t) / (1 - p + p S(t)), S the survival of the redial delay. S is found from the
 * delay's quantiles by bisection (the samplers have no distribution function).
 */
function stillRedials(probability: number, delay: Sampler, sinceSeconds: number): number {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    if (delay.quantile(mid) < sinceSeconds) low = mid;
    else high = mid;
  }
  const survival = 1 - (low + high) / 2;
  const still = probability * survival;
  return still > 0 ? still / (1 - probability + still) : 0;
}
