import { byInversion, compileDistribution, type InverseSampler, type RandomStreams, type Sampler, type Uniform } from '../random';
import { distributionsOf, isByInterval, meanOverIntervals, type Balking, type ResolvedCallbackPolicy, type ResolvedLine, type Schedule } from '../scenario';
import type { ArrivalProcess, ScriptedArrivals } from './arrivals';
import type { IdleSince } from './idleSince';
import { HoldLine } from './holdLine';
import { TimedSampler } from './timedSampler';

// How a call ends without an agent: the outcomes after which a person may call again, as bits
// of a line's `redial.after`.
export const BALKED = 0;
export const BUSY = 1;
export const DISCONNECTED = 2;
export const ABANDONED = 3;
/** A wait that reached the line's maxWaitSeconds, ended by a message (`onTimeout: 'message'`). */
export const TIMED_OUT = 4;
const SENT_AWAY: Readonly<Record<string, number>> = { balked: BALKED, busy: BUSY, disconnected: DISCONNECTED, abandoned: ABANDONED, timedOut: TIMED_OUT };

/** A line's redial rule, compiled. */
export interface RedialRule {
  probability: number;
  delay: Sampler;
  maxAttempts: number;
  /** Bit `outcome` set: a call that ended so may be followed by a redial. */
  afterMask: number;
  /** A redial keeps the person's patience, or their handle time, instead of drawing anew. */
  keepPatience: boolean;
  keepHandleTime: boolean;
}

/** A delayed route of a line: the group becomes eligible once the caller has waited `afterSeconds`. */
export interface DelayedRoute {
  group: number;
  afterSeconds: number;
}

/** One line while the center runs: its queues, counters and compiled distributions. */
export class LineRuntime {
  readonly name: string;
  readonly priority: number;
  /** Seconds of waiting credited to this line's callers when an agent chooses (0: none). */
  readonly creditSeconds: number;
  readonly maxOnHold: number;
  /**
   * The longest a call waits on hold (Infinity: no limit). A caller on hold has one timer, the
   * earlier of their patience and this (this on a tie), so a line without pays nothing.
   */
  readonly maxWaitSeconds: number;
  /** A wait that reaches `maxWaitSeconds` becomes a callback request (else a message ends the call). */
  readonly callbackAtTimeout: boolean;
  /** Callers on hold and keep-place callback requests, in order of joining. */
  readonly hold = new HoldLine();
  /** After-hold callback requests, served only when nobody of this line is on hold. */
  readonly requests = new HoldLine();
  holding = 0;
  requestsWaiting = 0;

  /** The groups that take this line's callers at once, in order of preference. */
  readonly immediateGroups: Int32Array;
  /** Delayed routes by time of eligibility. */
  readonly delayed: readonly DelayedRoute[];
  /**
   * When routes have handle times of their own, a call's handle draw is a uniform, and its
   * length with a group is that quantile of the route's distribution (the line's when the route
   * has none); otherwise the draw is the call's seconds with any group.
   */
  readonly handleIsUniform: boolean;
  /** The handle-time distribution by group index, when `handleIsUniform` (undefined: the group does not serve the line). */
  readonly handleByGroup: Array<Sampler | undefined> = [];
  readonly handle: Sampler;
  readonly meanHandleSeconds: number;
  readonly patience: Sampler | undefined;
  /**
   * The patience when it is drawn by inversion: a caller then keeps only the uniform,
   * transformed if they hold (most callers of a well-staffed line never do).
   */
  readonly patienceByInversion: InverseSampler | undefined;
  readonly callback: ResolvedCallbackPolicy | undefined;
  readonly callbackHandle: Sampler | undefined;
  readonly balking: Balking | undefined;
  /**
   * The handle time or patience (the line's or a route's) varies by the caller's arrival
   * interval: a call's draws then come from the `...Timed` samplers, patience as seconds, and
   * `handle`, `handleByGroup`, `patience` are unused. Decided once here, so a line without
   * intervals pays one test per call.
   */
  readonly byInterval: boolean;
  /** By interval and not `handleIsUniform`: the line's handle time. */
  readonly handleTimed: TimedSampler | undefined;
  /** By interval and `handleIsUniform`: the handle time by group index (the route's, else the line's). */
  readonly handleByGroupTimed: Array<TimedSampler | undefined> = [];
  /** By interval: the patience (undefined: nobody abandons). */
  readonly patienceTimed: TimedSampler | undefined;
  /** Some group wraps up this line's calls (after-call work). */
  readonly afterCallWork: boolean;
  /** After-call work by group index (the route's, else the line's; undefined: none). */
  readonly wrapUpByGroup: Array<Sampler | undefined> = [];
  readonly redial: RedialRule | undefined;
  /** The probability that a call a group of this line answered is transferred, by group index (0: none). */
  readonly transferProbability: Float64Array;
  /** The line such a call is transferred to, by group index (-1: none). */
  readonly transferToLine: Int32Array;
  /** Some group of this line transfers calls (docs/design-decisions.md, "Transfers"). */
  readonly transfers: boolean;
  /** A first call draws the person's key: for their redials, and for the draws of a transfer. */
  readonly keyed: boolean;

  // First calls draw from streams of the line's own; redials from the person's key.
  readonly handleStream: Uniform;
  readonly patienceStream: Uniform;
  readonly optInStream: Uniform;
  readonly answerStream: Uniform;
  readonly callbackHandleStream: Uniform;
  readonly balkStream: Uniform;
  /** Undefined when no group wraps up this line's calls. */
  readonly wrapUpStream: Uniform | undefined;
  readonly personStream: Uniform;
  readonly arrivalStream: Uniform;
  readonly rateStream: Uniform;

  arrivals!: ArrivalProcess | ScriptedArrivals;

  constructor(
    readonly index: number,
    readonly spec: ResolvedLine,
    streams: RandomStreams,
    /** Stream names of a single-line scenario are unprefixed, so its numbers stay what they were. */
    streamPrefix: string,
  ) {
    this.name = spec.name;
    this.priority = spec.priority;
    this.creditSeconds = spec.creditSeconds;
    this.maxOnHold = spec.maxOnHold;
    // Created holding a double (Infinity or seconds), as it will in every run (docs/design-decisions.md,
    // "Fields that hold seconds start as doubles").
    this.maxWaitSeconds = 0.5;
    this.maxWaitSeconds = spec.maxWaitSeconds;
    this.callbackAtTimeout = spec.onTimeout === 'callback';
    this.immediateGroups = Int32Array.from(spec.routing.filter((r) => r.afterSeconds === 0), (r) => r.group);
    this.delayed = spec.routing
      .filter((r) => r.afterSeconds > 0)
      .map((r) => ({ group: r.group, afterSeconds: r.afterSeconds }))
      .sort((a, b) => a.afterSeconds - b.afterSeconds);
    this.byInterval = isByInterval(spec.handleTime) || (spec.patience !== undefined && isByInterval(spec.patience)) ||
      spec.routing.some((r) => r.handleTime !== undefined && isByInterval(r.handleTime));
    this.handle = compileDistribution(distributionsOf(spec.handleTime)[0]!);
    this.meanHandleSeconds = meanOverIntervals(spec.handleTime);
    this.handleIsUniform = spec.routing.some((r) => r.handleTime !== undefined);
    if (this.byInterval) {
      if (this.handleIsUniform) {
        for (const route of spec.routing) this.handleByGroupTimed[route.group] = new TimedSampler(route.handleTime ?? spec.handleTime);
      }
      this.handleTimed = this.handleIsUniform ? undefined : new TimedSampler(spec.handleTime);
      this.patienceTimed = spec.patience && new TimedSampler(spec.patience);
    } else if (this.handleIsUniform) {
      for (const route of spec.routing) {
        this.handleByGroup[route.group] = route.handleTime ? compileDistribution(distributionsOf(route.handleTime)[0]!) : this.handle;
      }
    }
    this.patience = spec.patience && compileDistribution(distributionsOf(spec.patience)[0]!);
    this.patienceByInversion = !this.byInterval && this.patience && byInversion(this.patience) ? this.patience : undefined;
    this.callback = spec.callback;
    this.callbackHandle = spec.callback?.handleTime && compileDistribution(spec.callback.handleTime);
    this.balking = spec.balking;
    const lineWrapUp = spec.afterCallWork && compileDistribution(spec.afterCallWork);
    for (const route of spec.routing) {
      this.wrapUpByGroup[route.group] = route.afterCallWork ? compileDistribution(route.afterCallWork) : lineWrapUp;
    }
    this.afterCallWork = this.wrapUpByGroup.some((sampler) => sampler !== undefined);
    // Typed arrays, read on every call end of a center with transfers.
    const groupsOfLine = Math.max(...spec.routing.map((route) => route.group)) + 1;
    this.transferProbability = new Float64Array(groupsOfLine);
    this.transferToLine = new Int32Array(groupsOfLine).fill(-1);
    for (const route of spec.routing) {
      if (!route.transfer) continue;
      this.transferProbability[route.group] = route.transfer.probability;
      this.transferToLine[route.group] = route.transfer.toLine;
    }
    this.transfers = spec.routing.some((route) => route.transfer !== undefined);
    const redial = spec.redial;
    this.redial = redial && {
      probability: redial.probability,
      delay: compileDistribution(redial.delay),
      maxAttempts: redial.maxAttempts,
      afterMask: redial.after.reduce((mask, outcome) => mask | (1 << SENT_AWAY[outcome]!), 0),
      keepPatience: redial.keep.includes('patience'),
      keepHandleTime: redial.keep.includes('handleTime'),
    };
    this.keyed = this.redial !== undefined || this.transfers;
    const stream = (name: string) => streams.stream(streamPrefix + name);
    this.arrivalStream = stream('arrivals');
    this.rateStream = stream('rate-uncertainty');
    this.handleStream = stream('handle');
    this.patienceStream = stream('patience');
    this.optInStream = stream('callback-opt-in');
    this.answerStream = stream('callback-answer');
    this.callbackHandleStream = stream('callback-handle');
    this.balkStream = stream('balking');
    this.wrapUpStream = this.afterCallWork ? stream('after-call-work') : undefined;
    this.personStream = stream('person');
  }

  /** By interval: the handle draw of a call that arrived at `arrivalTime` (a uniform when `handleIsUniform`). */
  handleDrawAt(arrivalTime: number, uniform: Uniform): number {
    return this.handleTimed ? this.handleTimed.at(arrivalTime).sample(uniform) : uniform.next();
  }

  /** By interval: the patience in seconds of a call that arrived at `arrivalTime`. */
  patienceAt(arrivalTime: number, uniform: Uniform): number {
    return this.patienceTimed ? this.patienceTimed.at(arrivalTime).sample(uniform) : Infinity;
  }

  /** By interval and `handleIsUniform`: a call's seconds with a group, the route's quantile for its arrival interval. */
  routeHandleAt(group: number, arrivalTime: number, draw: number): number {
    return this.handleByGroupTimed[group]!.at(arrivalTime).quantile(draw);
  }
}

/** One agent group while the center runs. */
export class GroupRuntime {
  /** The roster's interval in force. */
  interval = 0;
  scheduled = 0;
  onDuty = 0;
  busy = 0;
  /** The lines routed to this group, and after how long each line's callers become eligible. */
  readonly lines: LineRuntime[] = [];
  readonly delays: number[] = [];
  /** When each idle agent became idle, kept only when the scenario selects the longest-idle agent. */
  idleSince: IdleSince | undefined;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly roster: Schedule,
  ) {}

  /**
   * True when a queue of a line routed here has entries (stale ones too, which `CallerChoice`
   * drops): an agent freed with every queue empty, as after most calls of a well-staffed line,
   * looks no further.
   */
  hasQueued(): boolean {
    const lines = this.lines;
    for (let i = 0; i < lines.length; i++) if (lines[i]!.hold.length > 0 || lines[i]!.requests.length > 0) return true;
    return false;
  }

  /**
   * The lines of the group's own order (`lineOrder`), which come first in `lines` in that
   * order: an agent takes the first of them with an eligible caller before any other line.
   */
  preferred = 0;

  /** Registers a line that routes to this group. */
  serve(line: LineRuntime, afterSeconds: number): void {
    this.lines.push(line);
    this.delays.push(afterSeconds);
  }

  /** Puts the lines of the group's own order first, in that order; the others keep theirs. */
  order(lineOrder: readonly number[]): void {
    const rank = (line: LineRuntime) => {
      const at = lineOrder.indexOf(line.index);
      return at < 0 ? lineOrder.length : at;
    };
    const routes = this.lines.map((line, i) => ({ line, delay: this.delays[i]! }));
    routes.sort((a, b) => rank(a.line) - rank(b.line));
    routes.forEach((route, i) => {
      this.lines[i] = route.line;
      this.delays[i] = route.delay;
    });
    this.preferred = lineOrder.length;
  }
}

/** Whether a line's callback rule offers at this announced wait and number of entries waiting (DESIGN.md, "Callbacks"). */
export function callbackOffered(policy: ResolvedCallbackPolicy, estimatedWait: number, entries: number): boolean {
  const offer = policy.offer;
  if (offer === 'always') return true;
  return 'whenEstimatedWaitAtLeastSeconds' in offer ? estimatedWait >= offer.whenEstimatedWaitAtLeastSeconds : entries >= offer.whenQueueAtLeast;
}

/** P(yes) of a probability-or-logistic rule at an announced wait (DESIGN.md, "Opt-in", "Balking"). */
export function ruleProbability(rule: Balking, estimatedWaitSeconds: number): number {
  return 'probability' in rule
    ? rule.probability
    : 1 / (1 + Math.exp(-(rule.logistic.intercept + (rule.logistic.perMinute * estimatedWaitSeconds) / 60)));
}
