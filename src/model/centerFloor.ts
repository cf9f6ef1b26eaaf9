import { Simulation, type EventHandler } from '../engine';
import { RandomStreams, type Uniform } from '../random';
import type { ResolvedScenario } from '../scenario';
import { AgentSelector } from './agentSelection';
import { ArrivalProcess, ScriptedArrivals, rateFactor } from './arrivals';
import { CallDraws } from './callDraws';
import { CallbackDesk, type CallbackDeskHost } from './callbackDesk';
import type { CenterOptions } from './centerOptions';
import { CallerSlots, HOLDING } from './callerSlots';
import { ARRIVAL, CLOSE, OVERFLOW, STAFFING } from './eventKinds';
import { seatCarried } from './carryOver';
import type { HoldLine } from './holdLine';
import { IdleSince } from './idleSince';
import { GroupRuntime, LineRuntime } from './lineRuntime';
import { CallerChoice } from './routing';
import type { CenterObserver } from './observer';
import type { StartingPoint } from './startingPoint';
import { TransferDesk, type TransferDeskHost } from './transferDesk';

/**
 * What a contact center is made of, and its agents' side: the lines, groups and callers' slots
 * built from a resolved scenario, the run's counts, the rosters' changes, the agents freed who
 * take the next waiting caller, a run's start and restart, and a forecast's caller of interest
 * (`holdOn`). `ContactCenter` adds what happens to a call; it declares no fields of its own, so
 * that the engine and the desks built here keep a center whose fields are all there.
 */
export abstract class CenterFloor implements EventHandler, CallbackDeskHost, TransferDeskHost {
  readonly simulation: Simulation;
  readonly lines: readonly LineRuntime[];
  readonly groups: readonly GroupRuntime[];
  protected readonly callers = new CallerSlots();
  protected readonly trunks: number;
  /** Callers on hold over all lines at most (Infinity: no limit). */
  protected readonly queueCapacity: number;
  protected readonly warmupSeconds: number;
  protected readonly durationSeconds: number;
  protected readonly draws: CallDraws;
  protected readonly choice: CallerChoice;
  protected readonly callbacks: CallbackDesk;
  private readonly startingPoint: StartingPoint | undefined;
  private readonly startUniform: Uniform | undefined;
  private readonly scenario: ResolvedScenario;
  protected readonly options: CenterOptions;
  private readonly dayStream: Uniform;
  /** Some line's calls are wrapped up (after-call work): resolved once, so that a center without pays nothing per call. */
  protected readonly afterCallWork: boolean;
  /** Undefined under 'route-order' (the first idle group in route order takes an arriving call). */
  protected readonly selector: AgentSelector | undefined;
  /** Under 'longest-idle': each group keeps when its idle agents became idle. */
  protected readonly longestIdle: boolean;
  /** Undefined where no route transfers calls: a center without tests one field per call end. */
  protected readonly transferDesk: TransferDesk | undefined;

  protected nextCallerId = 0;
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
    protected readonly observer: CenterObserver,
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
    // Each written twice (as Simulation's `stopped`): V8 takes them for fields that change, and
    // the end of the first run, which changes them, throws no compiled code out
    // (docs/design-decisions.md, "Flags a run sets at its end start changed").
    this.linesArriving = -1;
    this.linesArriving = this.lines.length;
    this.drained = true;
    this.drained = false;
    this.afterCallWork = this.lines.some((line) => line.afterCallWork);
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
    // The desks and the engine keep the center: built last, once it has all its fields. Built
    // earlier, they would keep a center still growing its fields, and the optimized code of the
    // first run in a process would be thrown away when the second run builds its center
    // (benchmarks/README.md, "Code kept from one run to the next").
    this.callbacks = new CallbackDesk(this, this.callers, observer, options.decisions);
    this.transferDesk = this.lines.some((line) => line.transfers)
      ? new TransferDesk(this, this.callers, this.draws, observer, scenario.durationSeconds)
      : undefined;
    this.simulation = new Simulation(this);
    this.draws.clock = this.simulation;
    this.startingPoint = options.start;
    this.scenario = scenario;
    this.options = options;
    this.dayStream = dayStream;
    this.startUniform = options.start && streams.stream('starting-state');
    this.nextCallerId = options.firstCallerId ?? 0;
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

  protected scheduleNextArrival(line: LineRuntime): void {
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

  // Callers on hold over all lines (counted only where the center has a queue capacity).
  protected onHold(): number {
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

  /** The call ended without an agent: when it was a transferred call, the person gave up (true). */
  transferLost(slot: number, line: LineRuntime): boolean {
    return this.transferDesk !== undefined && this.transferDesk.lost(slot, line);
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
  protected idleChanged(group: GroupRuntime): void {
    group.idleSince!.sync(group.onDuty - group.busy, this.simulation);
  }

  // With trunks all in use, idle agents may have left requests undialed: a freed trunk lets them dial.
  protected trunkFreed(): void {
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

  protected applyStaffing(group: GroupRuntime, interval: number): void {
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

  // The calls' side, in ContactCenter.
  abstract handleEvent(kind: number, subject: number, tag: number): void;
  abstract handleSeconds(slot: number, line: LineRuntime, group: GroupRuntime): number;
  abstract putThrough(slot: number, line: LineRuntime): void;
  /** An agent of `group` takes a waiting caller or request. */
  protected abstract take(slot: number, line: LineRuntime, group: GroupRuntime): void;
}
