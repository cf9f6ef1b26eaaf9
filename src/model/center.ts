import { Simulation, type EventHandler } from '../engine';
import { RandomStreams, type Uniform } from '../random';
import type { ResolvedScenario } from '../scenario';
import { AgentSelector } from './agentSelection';
import { IdleSince } from './idleSince';
import { ArrivalProcess, ScriptedArrivals, rateFactor } from './arrivals';
import { CallDraws } from './callDraws';
import { CallbackDesk, type CallbackDeskHost } from './callbackDesk';
import type { CenterOptions } from './centerOptions';
import { CallerSlots, HOLDING, IN_CALL, REDIAL_WAIT, REQUEST_WAITING, WRAP_UP } from './callerSlots';
import { ARRIVAL, CALL_END, CLOSE, DIAL_END, OVERFLOW, PATIENCE, REDIAL, REQUEUE, STAFFING, TIMEOUT, WRAP_UP_END } from './eventKinds';
import { callersOnHold } from './closing';
import { carriedOf, seatCarried } from './carryOver';
import type { HoldLine } from './holdLine';
import { ABANDONED, BALKED, BUSY, DISCONNECTED, GroupRuntime, LineRuntime, TIMED_OUT, ruleProbability } from './lineRuntime';
import { CallerChoice, announcedWait } from './routing';
import type { CenterObserver } from './observer';
import type { StartingPoint } from './startingPoint';

// The last center built, kept until the next one is: V8 frees the hidden classes of a class's
// instances once none is left, and code compiled for them goes with them, so after a full
// garbage collection between two runs the next would compile the whole model again (35-40
// functions, 140-155 ms; benchmarks/README.md, "Code kept from one run to the next"). It holds
// one run's arrays and observer a run longer.
let lastCenter: ContactCenter | undefined;

/**
 * The contact center of DESIGN.md on the event engine: lines with Poisson arrivals, agent
 * groups with rosters, routing with priorities and delayed overflow, patience, balking, busy
 * signals, courtesy disconnects, redials and the callback feature (its requests and dials in
 * `CallbackDesk`). A single-line scenario is the case of one line and one group, on the same code.
 *
 * Agents of a group are a pool counted by `onDuty` and `busy`: when the roster drops, idle agents
 * leave at once and busy ones when their call ends, so no call is ever cut off. An idle agent
 * exists only while no waiting caller is eligible for their group, so a caller who finds one is
 * served at once. Each person draws their first call's numbers from their line's streams, and
 * each redial's from a hash of their key and the attempt, so caller *i* is the same person in
 * every variant of a scenario, redials included.
 */
export class ContactCenter implements EventHandler, CallbackDeskHost {
  readonly simulation: Simulation;
  readonly lines: readonly LineRuntime[];
  readonly groups: readonly GroupRuntime[];
  private readonly callers = new CallerSlots();
  private readonly trunks: number;
  /** Callers on hold over all lines at most (Infinity: no limit). */
  private readonly queueCapacity: number;
  private readonly warmupSeconds: number;
  private readonly durationSeconds: number;
  private readonly draws: CallDraws;
  private readonly choice: CallerChoice;
  private readonly callbacks: CallbackDesk;
  private readonly startingPoint: StartingPoint | undefined;
  private readonly startUniform: Uniform | undefined;
  private readonly scenario: ResolvedScenario;
  private readonly options: CenterOptions;
  private readonly dayStream: Uniform;
  /** Some line's calls are wrapped up (after-call work): resolved once, so that a center without pays nothing per call. */
  private readonly afterCallWork: boolean;
  /** Undefined under 'route-order' (the first idle group in route order takes an arriving call). */
  private readonly selector: AgentSelector | undefined;
  /** Under 'longest-idle': each group keeps when its idle agents became idle. */
  private readonly longestIdle: boolean;
  /** Some route transfers calls: resolved once, so that a center without tests one flag per call end. */
  private readonly transfers: boolean;

  private nextCallerId = 0;
  private linesArriving: number;
  /** No call is left and none will come: only roster changes remain before the run stops. */
  private drained = false;
  /** People without a final outcome yet (requests and people who will redial included). */
  inSystem = 0;
  /** Calls holding a trunk: on hold, in a call, or being dialed. */
  present = 0;
  /** Agents wrapping up a call: the run goes on until they are done. */
  wrappingUp = 0;

  constructor(
    scenario: ResolvedScenario,
    private readonly observer: CenterObserver,
    options: CenterOptions = {},
  ) {
    const streams = new RandomStreams(scenario.seed);
    const dayStream = streams.stream('rate-uncertainty');
    const shared = scenario.rateUncertaintyCv > 0 ? rateFactor(scenario.rateUncertaintyCv, dayStream) : 1;
    this.lines = scenario.lines.map((spec, index) => new LineRuntime(index, spec, streams, scenario.multiLine ? `line:${spec.name}:` : ''));
    this.groups = scenario.groups.map((group, index) => new GroupRuntime(index, group.name, group.agents));
    for (const line of this.lines) {
      for (const route of line.spec.routing) this.groups[route.group]!.serve(line, route.afterSeconds);
      this.newArrivals(line, scenario, shared, options);
    }
    scenario.groups.forEach((group, g) => group.lineOrder.length > 0 && this.groups[g]!.order(group.lineOrder));
    this.linesArriving = this.lines.length;
    this.afterCallWork = this.lines.some((line) => line.afterCallWork);
    this.transfers = this.lines.some((line) => line.transfers);
    this.longestIdle = scenario.agentSelection === 'longest-idle';
    if (this.longestIdle) for (const group of this.groups) group.idleSince = new IdleSince();
    this.selector = scenario.agentSelection === 'route-order'
      ? undefined
      : new AgentSelector(scenario.agentSelection, this.groups, streams.stream('agent-selection'));
    this.trunks = scenario.trunks;
    this.queueCapacity = scenario.queueCapacity;
    this.warmupSeconds = scenario.warmupSeconds;
    this.durationSeconds = scenario.durationSeconds;
    this.draws = new CallDraws(this.callers, options.decisions);
    this.choice = new CallerChoice(this.callers);
    // The desk and the engine keep the center: built last, once it has all its fields. Built
    // earlier, they would keep a center still growing its fields, and the optimized code of the
    // first run in a process would be thrown away when the second run builds its center
    // (benchmarks/README.md, "Code kept from one run to the next").
    this.callbacks = new CallbackDesk(this, this.callers, observer, options.decisions);
    this.simulation = new Simulation(this);
    this.draws.clock = this.simulation;
    this.startingPoint = options.start;
    this.scenario = scenario;
    this.options = options;
    this.dayStream = dayStream;
    this.startUniform = options.start && streams.stream('starting-state');
    this.nextCallerId = options.firstCallerId ?? 0;
    lastCenter = this;
  }

  /**
   * Puts the first events on the calendar (of an empty center at time 0, or of the starting
   * state given in the options); then run `simulation` until it is finished.
   */
  start(): void {
    const point = this.startingPoint;
    if (point) point.seat(this, this.callers, this.draws, this.callbacks, this.startUniform!);
    else for (const group of this.groups) this.applyStaffing(group, 0);
    const carried = this.options.carryOver?.incoming;
    if (carried) {
      seatCarried(carried, this.callers, this.simulation);
      this.inSystem += carried.length;
    }
    for (const line of this.lines) this.scheduleNextArrival(line);
    const now = this.simulation.now;
    for (const line of this.lines) {
      if (line.spec.atClose === 'disconnect' && this.durationSeconds > now) this.simulation.at(this.durationSeconds, CLOSE, line.index);
    }
    if (point) {
      if (this.longestIdle) for (const group of this.groups) this.idleChanged(group);
      for (const group of this.groups) this.serveWaiting(group);
    }
  }

  /**
   * Empties the center and starts it again from its starting point: a forecast's next future.
   * The streams run on, so each run draws anew, the day's rate factor included (what the day
   * will bring is as uncertain in each future).
   */
  restart(): void {
    this.simulation.reset();
    this.callers.clear();
    const scenario = this.scenario;
    const shared = scenario.rateUncertaintyCv > 0 ? rateFactor(scenario.rateUncertaintyCv, this.dayStream) : 1;
    for (const line of this.lines) {
      line.hold.clear();
      line.requests.clear();
      line.holding = line.requestsWaiting = 0;
      this.newArrivals(line, scenario, shared, this.options);
    }
    for (const group of this.groups) {
      group.scheduled = group.onDuty = group.busy = 0;
      group.idleSince?.clear();
    }
    this.callbacks.requestsWaiting = 0;
    this.inSystem = this.present = this.wrappingUp = 0;
    this.linesArriving = this.lines.length;
    this.start();
  }

  private newArrivals(line: LineRuntime, scenario: ResolvedScenario, shared: number, options: CenterOptions): void {
    const scripted = options.withoutArrivals?.includes(line.index) ? [] : options.arrivalTimes && (Array.isArray(options.arrivalTimes)
      ? (line.index === 0 ? options.arrivalTimes : [])
      : ((options.arrivalTimes as Record<string, readonly number[]>)[line.name] ?? []));
    const factor = shared * (line.spec.rateUncertaintyCv > 0 ? rateFactor(line.spec.rateUncertaintyCv, line.rateStream) : 1);
    line.arrivals = scripted
      ? new ScriptedArrivals(scripted as readonly number[])
      : new ArrivalProcess(line.spec.arrivals, scenario.durationSeconds, factor, line.arrivalStream, options.start?.timeSeconds ?? 0);
  }

  /** A new person's id (people of a starting state take theirs as they are seated). */
  newCallerId(): number {
    return this.nextCallerId++;
  }

  /**
   * A caller arriving now on `line` who holds whatever they hear (no busy signal, courtesy
   * disconnect, callback offer, balking or patience): the caller of interest of a forecast,
   * whose wait is theirs if they hold that long. Returns their id; call after `start()`.
   */
  holdOn(line: number): number {
    const callers = this.callers;
    const runtime = this.lines[line]!;
    const slot = callers.take();
    const callerId = this.nextCallerId++;
    callers.callerId[slot] = callerId;
    callers.line[slot] = line;
    callers.attempt[slot] = 1;
    callers.counted[slot] = 0;
    this.draws.firstCall(slot, runtime, callerId);
    callers.arrivalTime[slot] = this.simulation.now;
    this.observer.arrival(this.simulation.now, callerId, line, 1, false);
    callers.state[slot] = HOLDING;
    this.inSystem++;
    this.present++;
    runtime.holding++;
    this.joinQueue(slot, runtime, runtime.hold);
    // An idle agent of a group that takes the line at once answers now.
    for (let i = 0; i < runtime.immediateGroups.length; i++) this.serveWaiting(this.groups[runtime.immediateGroups[i]!]!);
    return callerId;
  }

  handleEvent(kind: number, subject: number, tag: number): void {
    switch (kind) {
      case ARRIVAL:
        this.arrive(this.lines[subject]!);
        break;
      case CALL_END:
        this.endCall(subject);
        break;
      case PATIENCE:
        this.loseTemper(subject, tag);
        break;
      case STAFFING:
        this.applyStaffing(this.groups[subject]!, tag);
        break;
      case DIAL_END:
        this.callbacks.endDial(subject);
        break;
      case REQUEUE:
        this.callbacks.requeue(subject);
        break;
      case OVERFLOW:
        this.overflow(subject, tag);
        break;
      case REDIAL:
        this.redial(subject);
        break;
      case WRAP_UP_END:
        this.endWrapUp(subject);
        break;
      case CLOSE:
        this.close(this.lines[subject]!);
        break;
      case TIMEOUT:
        this.timeOut(subject, tag);
        break;
    }
  }

  private scheduleNextArrival(line: LineRuntime): void {
    const arrivals = line.arrivals;
    // The line's next arrival comes after its last one, which is now (or the start).
    arrivals.advance();
    const time = arrivals.time;
    if (time === Infinity) {
      this.linesArriving--;
      this.finishIfDrained();
    } else {
      this.simulation.atArrival(time, ARRIVAL, line.index);
    }
  }

  // A person's first call.
  private arrive(line: LineRuntime): void {
    const now = this.simulation.now;
    const callers = this.callers;
    const slot = callers.take();
    const callerId = this.nextCallerId++;
    callers.callerId[slot] = callerId;
    callers.line[slot] = line.index;
    callers.attempt[slot] = 1;
    callers.counted[slot] = now >= this.warmupSeconds && now < this.durationSeconds ? 1 : 0;
    this.draws.firstCall(slot, line, callerId);
    this.inSystem++;
    this.scheduleNextArrival(line);
    this.placeCall(slot, line);
  }

  // A person sent away calls again: a new call, drawn from their key and its attempt number.
  private redial(slot: number): void {
    const line = this.lines[this.callers.line[slot]!]!;
    if (this.simulation.now >= this.durationSeconds) {
      this.loseRedial(slot, line);
      return;
    }
    this.callers.attempt[slot]!++;
    this.draws.redial(slot, line);
    this.placeCall(slot, line);
  }

  // A call reaches the center: busy signal, an idle agent, or the line's queue (or a callback,
  // balking or a courtesy disconnect on the way).
  private placeCall(slot: number, line: LineRuntime): void {
    const now = this.simulation.now;
    const callers = this.callers;
    const callerId = callers.callerId[slot]!;
    const counted = callers.counted[slot] === 1;
    callers.arrivalTime[slot] = now;
    this.observer.arrival(now, callerId, line.index, callers.attempt[slot]!, counted);
    if (this.present >= this.trunks) {
      this.sendAway(slot, line, BUSY, 0);
      return;
    }
    if (this.selector) {
      const group = this.selector.pick(line);
      if (group) {
        this.present++;
        this.answer(slot, line, group);
        return;
      }
    } else {
      const immediate = line.immediateGroups;
      for (let i = 0; i < immediate.length; i++) {
        const group = this.groups[immediate[i]!]!;
        if (group.busy < group.onDuty) {
          this.present++;
          this.answer(slot, line, group);
          return;
        }
      }
    }
    if (line.holding >= line.maxOnHold || (this.queueCapacity !== Infinity && this.onHold() >= this.queueCapacity)) {
      this.sendAway(slot, line, DISCONNECTED, 0);
      return;
    }
    if (line.callback || line.balking) {
      const estimatedWait = announcedWait(line, this.groups);
      if (line.callback && this.callbacks.offer(slot, line, estimatedWait)) return;
      if (line.balking && callers.balkUniform[slot]! < ruleProbability(line.balking, estimatedWait)) {
        this.sendAway(slot, line, BALKED, estimatedWait);
        return;
      }
    }
    callers.state[slot] = HOLDING;
    line.holding++;
    this.present++;
    this.joinQueue(slot, line, line.hold);
    const inverse = line.patienceByInversion;
    const patience = inverse ? inverse.fromUniform(callers.patience[slot]!) : callers.patience[slot]!;
    // One timer per caller: patience, or the line's maximum wait when that comes first or at
    // the same instant (Infinity < Infinity is false: no timer at all).
    if (patience < line.maxWaitSeconds) this.simulation.at(now + patience, PATIENCE, slot, callers.generation[slot]!);
    else if (line.maxWaitSeconds !== Infinity) this.simulation.at(now + line.maxWaitSeconds, TIMEOUT, slot, callers.generation[slot]!);
  }

  // Callers on hold over all lines (counted only where the center has a queue capacity).
  private onHold(): number {
    let holding = 0;
    for (const line of this.lines) holding += line.holding;
    return holding;
  }

  /** Joins a queue as a new visit (older entries and timers of the slot become stale). */
  joinQueue(slot: number, line: LineRuntime, queue: HoldLine): void {
    const callers = this.callers;
    const now = this.simulation.now;
    const generation = ++callers.generation[slot]!;
    callers.queuedAt[slot] = now;
    queue.push(slot, generation);
    if (line.delayed.length > 0) {
      callers.overflowStep[slot] = 0;
      this.simulation.at(now + line.delayed[0]!.afterSeconds, OVERFLOW, slot, generation);
    }
  }

  // An agent of `group` takes a waiting caller or request (or a caller who never waited).
  private take(slot: number, line: LineRuntime, group: GroupRuntime): void {
    if (this.callers.state[slot] === HOLDING) {
      line.holding--;
      this.answer(slot, line, group);
      if (line.holding === 0 && line.requests.length > 0) this.holdEmptied(line);
    } else {
      this.callbacks.dial(slot, line, group);
      if (this.longestIdle) this.idleChanged(group);
    }
  }

  private answer(slot: number, line: LineRuntime, group: GroupRuntime): void {
    const callers = this.callers;
    const now = this.simulation.now;
    callers.state[slot] = IN_CALL;
    callers.group[slot] = group.index;
    callers.agentBusySince[slot] = now;
    group.busy++;
    if (this.longestIdle) this.idleChanged(group);
    this.observer.answered(now, callers.callerId[slot]!, callers.arrivalTime[slot]!, line.index, group.index, callers.counted[slot] === 1);
    // handleSeconds() written out: on this path it was not inlined, and its double came back boxed.
    const draw = callers.handle[slot]!;
    const seconds = line.handleIsUniform
      ? line.byInterval ? line.routeHandleAt(group.index, callers.arrivalTime[slot]!, draw) : line.handleByGroup[group.index]!.quantile(draw)
      : draw;
    this.simulation.at(now + seconds, CALL_END, slot);
  }

  /** The call's length with this group: its handle draw through the route's distribution. */
  handleSeconds(slot: number, line: LineRuntime, group: GroupRuntime): number {
    const draw = this.callers.handle[slot]!;
    if (!line.handleIsUniform) return draw;
    return line.byInterval ? line.routeHandleAt(group.index, this.callers.arrivalTime[slot]!, draw) : line.handleByGroup[group.index]!.quantile(draw);
  }

  private endCall(slot: number): void {
    const callers = this.callers;
    const group = this.groups[callers.group[slot]!]!;
    this.observer.callEnded(this.simulation.now, callers.callerId[slot]!, callers.line[slot]!, group.index, callers.agentBusySince[slot]!);
    if (this.transfers && this.transfer(slot, group)) return;
    if (this.afterCallWork && this.startWrapUp(slot, group)) return;
    callers.release(slot);
    this.inSystem--;
    this.present--;
    this.releaseAgent(group);
    this.finishIfDrained();
  }

  // The caller has hung up (their story and trunk are done); the agent stays busy wrapping up
  // when the group has after-call work for the line. Returns whether they do.
  private startWrapUp(slot: number, group: GroupRuntime): boolean {
    const callers = this.callers;
    const wrapUp = this.lines[callers.line[slot]!]!.wrapUpByGroup[group.index];
    if (!wrapUp) return false;
    const now = this.simulation.now;
    callers.state[slot] = WRAP_UP;
    callers.agentBusySince[slot] = now;
    this.inSystem--;
    this.present--;
    this.wrappingUp++;
    this.simulation.at(now + wrapUp.quantile(callers.wrapUp[slot]!), WRAP_UP_END, slot);
    if (this.trunks !== Infinity) this.trunkFreed();
    return true;
  }

  private endWrapUp(slot: number): void {
    const callers = this.callers;
    const group = this.groups[callers.group[slot]!]!;
    const now = this.simulation.now;
    this.observer.wrapUpEnded(now, callers.callerId[slot]!, callers.line[slot]!, group.index, now - callers.agentBusySince[slot]!);
    callers.release(slot);
    this.wrappingUp--;
    this.releaseAgent(group);
    this.finishIfDrained();
  }

  private loseTemper(slot: number, generation: number): void {
    const callers = this.callers;
    // Stale when the caller was answered meanwhile (or the slot went to someone else).
    if (callers.state[slot] !== HOLDING || callers.generation[slot] !== generation) return;
    const line = this.lines[callers.line[slot]!]!;
    line.holding--;
    this.present--;
    this.sendAway(slot, line, ABANDONED, 0);
    if (line.holding === 0 && line.requests.length > 0) this.holdEmptied(line);
    if (this.trunks !== Infinity) this.trunkFreed();
  }

  // The caller's wait reached the line's maxWaitSeconds: a message ends the call (which may
  // be redialed if `redial.after` lists 'timedOut'), or a callback request takes its place.
  private timeOut(slot: number, generation: number): void {
    const callers = this.callers;
    if (callers.state[slot] !== HOLDING || callers.generation[slot] !== generation) return;
    const line = this.lines[callers.line[slot]!]!;
    line.holding--;
    this.present--;
    if (line.callbackAtTimeout) {
      this.observer.timedOut(this.simulation.now, callers.callerId[slot]!, callers.arrivalTime[slot]!, line.index, callers.counted[slot] === 1, true);
      this.callbacks.acceptAtTimeout(slot, line, announcedWait(line, this.groups));
    } else {
      this.sendAway(slot, line, TIMED_OUT, 0);
    }
    if (line.holding === 0 && line.requests.length > 0) this.holdEmptied(line);
    if (this.trunks !== Infinity) this.trunkFreed();
  }

  // A line's after-hold requests become eligible when nobody of it holds: delayed groups that
  // idled meanwhile may take them now (their own timers may have passed).
  private holdEmptied(line: LineRuntime): void {
    for (let i = 0; i < line.delayed.length; i++) this.serveWaiting(this.groups[line.delayed[i]!.group]!);
  }

  // A delayed route of the caller's line opens: its group takes them now if it has an idle agent.
  private overflow(slot: number, generation: number): void {
    const callers = this.callers;
    const state = callers.state[slot];
    if ((state !== HOLDING && state !== REQUEST_WAITING) || callers.generation[slot] !== generation) return;
    const line = this.lines[callers.line[slot]!]!;
    const step = callers.overflowStep[slot]!;
    const group = this.groups[line.delayed[step]!.group]!;
    // An after-hold request waits while anyone of its line is on hold (holdEmptied serves it later).
    const behindHold = state === REQUEST_WAITING && line.callback!.position === 'after-hold' && line.holding > 0;
    if (group.busy < group.onDuty && !behindHold && (state === HOLDING || this.present < this.trunks)) {
      this.take(slot, line, group);
      return;
    }
    if (step + 1 < line.delayed.length) {
      callers.overflowStep[slot] = step + 1;
      this.simulation.at(callers.queuedAt[slot]! + line.delayed[step + 1]!.afterSeconds, OVERFLOW, slot, generation);
    }
  }

  // A call ends without an agent: the person calls again later, or is gone for good.
  private sendAway(slot: number, line: LineRuntime, outcome: number, estimatedWait: number): void {
    const callers = this.callers;
    const now = this.simulation.now;
    const callerId = callers.callerId[slot]!;
    const arrivalTime = callers.arrivalTime[slot]!;
    const counted = callers.counted[slot] === 1;
    const observer = this.observer;
    if (outcome === ABANDONED) observer.abandoned(now, callerId, arrivalTime, line.index, counted);
    else if (outcome === BALKED) observer.balked(now, callerId, arrivalTime, estimatedWait, line.index, counted);
    else if (outcome === BUSY) observer.busySignal(now, callerId, arrivalTime, line.index, counted);
    else if (outcome === TIMED_OUT) observer.timedOut(now, callerId, arrivalTime, line.index, counted, false);
    else observer.disconnected(now, callerId, arrivalTime, line.index, counted);
    // A transferred call that ends so is the person's last: they do not call again.
    const delay = this.transfers && this.transferLost(slot, line) ? -1 : this.draws.redialDelay(slot, line, outcome);
    if (delay >= 0) {
      callers.state[slot] = REDIAL_WAIT;
      callers.generation[slot]!++;
      this.simulation.at(now + delay, REDIAL, slot);
      return;
    }
    callers.release(slot);
    this.inSystem--;
    this.finishIfDrained();
  }

  // The line has closed (src/model/closing.ts): the person is gone for the day (in a calendar,
  // carried to the next one).
  private loseRedial(slot: number, line: LineRuntime): void {
    const callers = this.callers;
    this.options.carryOver?.outgoing.push(carriedOf(slot, callers, this.simulation.now, this.durationSeconds));
    this.observer.redialAfterClose(this.simulation.now, callers.callerId[slot]!, line.index, callers.counted[slot] === 1);
    callers.release(slot);
    this.inSystem--;
    this.finishIfDrained();
  }

  // The line closes with `atClose: 'disconnect'`: its callers on hold hear the closing
  // announcement and their call ends; they do not redial (it would be after closing).
  private close(line: LineRuntime): void {
    const callers = this.callers;
    const now = this.simulation.now;
    const slots = callersOnHold(line.hold, callers);
    for (const slot of slots) {
      line.holding--;
      this.present--;
      this.observer.closed(now, callers.callerId[slot]!, callers.arrivalTime[slot]!, line.index, callers.counted[slot] === 1);
      if (this.transfers) this.transferLost(slot, line);
      callers.release(slot);
      this.inSystem--;
    }
    if (slots.length === 0) return;
    if (line.requests.length > 0) this.holdEmptied(line);
    if (this.trunks !== Infinity) this.trunkFreed();
    this.finishIfDrained();
  }

  // Transfers (docs/design-decisions.md, "Transfers"): a call a route's group answered goes on
  // to another line with the route's probability, as a new call of the same person, who keeps
  // their trunk. A transferred call is not transferred again.

  // The call with `group` is over: the caller is put through to another line, or not (false).
  private transfer(slot: number, group: GroupRuntime): boolean {
    const callers = this.callers;
    if (callers.transferredFrom[slot] !== 0) {
      callers.transferredFrom[slot] = 0;
      return false;
    }
    const from = this.lines[callers.line[slot]!]!;
    const rule = from.transferByGroup[group.index];
    if (rule === undefined || !(this.draws.transferUniform(slot) < rule.probability)) return false;
    const to = this.lines[rule.toLine]!;
    const now = this.simulation.now;
    // A line closed with its callers disconnected takes no transfers: the call ends here.
    if (now >= this.durationSeconds && to.spec.atClose === 'disconnect') return false;
    const callerId = callers.callerId[slot]!;
    this.observer.transferred(now, callerId, to.index, from.index, group.index, callers.counted[slot] === 1);
    // The agent wraps the call up on a slot of its own, for who and where it was: the caller's
    // slot goes on with them.
    const wrapUp = from.wrapUpByGroup[group.index];
    if (wrapUp) {
      const seconds = wrapUp.quantile(callers.wrapUp[slot]!);
      const agent = callers.take();
      callers.callerId[agent] = callerId;
      callers.line[agent] = from.index;
      callers.group[agent] = group.index;
      callers.agentBusySince[agent] = now;
      callers.state[agent] = WRAP_UP;
      this.wrappingUp++;
      this.simulation.at(now + seconds, WRAP_UP_END, agent);
    }
    callers.transferredFrom[slot] = from.index + 1;
    callers.line[slot] = to.index;
    callers.attempt[slot]!++;
    callers.arrivalTime[slot] = now;
    this.draws.transferredCall(slot, to);
    this.putThrough(slot, to);
    if (!wrapUp) this.releaseAgent(group);
    return true;
  }

  // A transferred caller reaches their new line: an idle agent of a group that takes it at
  // once, else its queue with the line's patience, as an arriving caller who hears no offer and
  // does not balk; a full queue disconnects them.
  private putThrough(slot: number, line: LineRuntime): void {
    const callers = this.callers;
    const now = this.simulation.now;
    const group = this.selector ? this.selector.pick(line) : this.firstIdle(line);
    if (group) {
      this.answer(slot, line, group);
      return;
    }
    if (line.holding >= line.maxOnHold || (this.queueCapacity !== Infinity && this.onHold() >= this.queueCapacity)) {
      this.present--;
      this.sendAway(slot, line, DISCONNECTED, 0);
      if (this.trunks !== Infinity) this.trunkFreed();
      return;
    }
    callers.state[slot] = HOLDING;
    line.holding++;
    this.joinQueue(slot, line, line.hold);
    const inverse = line.patienceByInversion;
    const patience = inverse ? inverse.fromUniform(callers.patience[slot]!) : callers.patience[slot]!;
    if (patience !== Infinity) this.simulation.at(now + patience, PATIENCE, slot, callers.generation[slot]!);
  }

  // The first group in route order with an idle agent that takes the line at once.
  private firstIdle(line: LineRuntime): GroupRuntime | undefined {
    for (const g of line.immediateGroups) {
      const group = this.groups[g]!;
      if (group.busy < group.onDuty) return group;
    }
    return undefined;
  }

  // The call ended without an agent: when it was a transferred call, the person gave up (true).
  private transferLost(slot: number, line: LineRuntime): boolean {
    const callers = this.callers;
    const from = callers.transferredFrom[slot]! - 1;
    if (from < 0) return false;
    callers.transferredFrom[slot] = 0;
    this.observer.transferLost(this.simulation.now, callers.callerId[slot]!, line.index, from, callers.counted[slot] === 1);
    return true;
  }

  /** An agent's call or dial is over: they leave if the roster has dropped, else take the next. */
  releaseAgent(group: GroupRuntime): void {
    group.busy--;
    if (group.onDuty > group.scheduled) {
      group.onDuty--;
      this.observer.agentsChanged(this.simulation.now, group.scheduled, group.onDuty, group.index);
    } else {
      this.serveWaiting(group);
    }
    if (this.longestIdle) this.idleChanged(group);
    if (this.trunks !== Infinity) this.trunkFreed();
  }

  // Under 'longest-idle': an agent who took a call or left was the longest idle; one freed or
  // come on duty and still idle is idle from now (see IdleSince).
  private idleChanged(group: GroupRuntime): void {
    group.idleSince!.sync(group.onDuty - group.busy, this.simulation);
  }

  // With trunks all in use, idle agents may have left requests undialed: a freed trunk lets them dial.
  private trunkFreed(): void {
    if (this.callbacks.requestsWaiting === 0) return;
    for (const group of this.groups) this.serveWaiting(group);
  }

  /** Idle agents of a group take the waiting callers eligible for it, best first. */
  serveWaiting(group: GroupRuntime): void {
    while (group.busy < group.onDuty && group.hasQueued()) {
      const slot = this.choice.choose(group, this.simulation, this.present < this.trunks);
      if (slot < 0) return;
      // A caller taken from behind the head leaves a stale entry, dropped when it reaches the head.
      this.choice.queue?.dropHead();
      this.take(slot, this.lines[this.callers.line[slot]!]!, group);
    }
  }

  private applyStaffing(group: GroupRuntime, interval: number): void {
    const { perInterval, intervalSeconds } = group.roster;
    group.interval = interval;
    group.scheduled = perInterval[interval]!;
    // Idle agents leave at once; busy ones stay until their call ends (see releaseAgent).
    group.onDuty = group.onDuty > group.scheduled ? Math.max(group.scheduled, group.busy) : group.scheduled;
    this.observer.agentsChanged(this.simulation.now, group.scheduled, group.onDuty, group.index);
    if (interval + 1 < perInterval.length) this.simulation.at((interval + 1) * intervalSeconds, STAFFING, group.index, interval + 1);
    if (this.longestIdle) this.idleChanged(group);
    this.serveWaiting(group);
    if (this.drained && !this.rosterChangesLeft()) this.simulation.stop();
  }

  /**
   * Ends the run once no line will have another arrival and every story has ended, and the
   * rosters have made their changes before durationSeconds (and every wrap-up is done): a run that drains early goes on
   * to them (with nobody left to serve, each only sets the agents on duty at its time), so
   * agents scheduled and on duty follow the roster to the end of the horizon whatever the
   * calls did. Stale timers met on the way are dropped as always.
   */
  finishIfDrained(): void {
    if (this.linesArriving === 0 && this.inSystem === 0 && this.wrappingUp === 0) {
      this.drained = true;
      if (!this.rosterChangesLeft()) this.simulation.stop();
    }
  }

  /** Some group's roster still changes before durationSeconds. */
  private rosterChangesLeft(): boolean {
    for (const group of this.groups) {
      const next = group.interval + 1;
      if (next < group.roster.perInterval.length && next * group.roster.intervalSeconds < this.durationSeconds) return true;
    }
    return false;
  }
}
