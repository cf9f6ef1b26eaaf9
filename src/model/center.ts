import type { ResolvedScenario } from '../scenario';
import { CenterFloor } from './centerFloor';
import type { CenterOptions } from './centerOptions';
import { HOLDING, IN_CALL, REDIAL_WAIT, REQUEST_WAITING, WRAP_UP } from './callerSlots';
import { ARRIVAL, CALL_END, CLOSE, DIAL_END, OVERFLOW, PATIENCE, REDIAL, REQUEUE, STAFFING, TIMEOUT, WRAP_UP_END } from './eventKinds';
import { callersOnHold } from './closing';
import { carriedOf } from './carryOver';
import { ABANDONED, BALKED, BUSY, DISCONNECTED, TIMED_OUT, ruleProbability, type GroupRuntime, type LineRuntime } from './lineRuntime';
import { announcedWait } from './routing';
import type { CenterObserver } from './observer';

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
 * every variant of a scenario, redials included. What a center is made of, its agents' side and
 * a run's start are `CenterFloor`'s; transfers are `TransferDesk`'s.
 */
export class ContactCenter extends CenterFloor {
  // No fields here (see CenterFloor): the engine and the desks keep a center complete from the start.
  constructor(scenario: ResolvedScenario, observer: CenterObserver, options: CenterOptions = {}) {
    super(scenario, observer, options);
    lastCenter = this;
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
    // idleGroup() and holdFull() written out: called on this path, the path of every call, they
    // cost the reference model about 1% more instructions a caller (callgrind, 3,634-3,655
    // against 3,579-3,617).
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
    this.present++;
    this.hold(slot, line, now);
  }

  // The caller joins the line's hold queue with one timer: patience, or the line's maximum wait
  // when that comes first or at the same instant (Infinity < Infinity is false: no timer at all).
  private hold(slot: number, line: LineRuntime, now: number): void {
    const callers = this.callers;
    callers.state[slot] = HOLDING;
    line.holding++;
    this.joinQueue(slot, line, line.hold);
    const inverse = line.patienceByInversion;
    const patience = inverse ? inverse.fromUniform(callers.patience[slot]!) : callers.patience[slot]!;
    if (patience < line.maxWaitSeconds) this.simulation.at(now + patience, PATIENCE, slot, callers.generation[slot]!);
    else if (line.maxWaitSeconds !== Infinity) this.simulation.at(now + line.maxWaitSeconds, TIMEOUT, slot, callers.generation[slot]!);
  }

  // An agent of `group` takes a waiting caller or request (or a caller who never waited).
  protected take(slot: number, line: LineRuntime, group: GroupRuntime): void {
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
    if (this.transferDesk !== undefined && this.transferDesk.transfer(slot, group)) return;
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
    const delay = this.transferLost(slot, line) ? -1 : this.draws.redialDelay(slot, line, outcome);
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
      this.transferLost(slot, line);
      callers.release(slot);
      this.inSystem--;
    }
    if (slots.length === 0) return;
    if (line.requests.length > 0) this.holdEmptied(line);
    if (this.trunks !== Infinity) this.trunkFreed();
    this.finishIfDrained();
  }

  /**
   * A transferred caller reaches their new line: an idle agent of a group that takes it at
   * once, else its queue with the line's patience, as an arriving caller who hears no offer and
   * does not balk; a full queue disconnects them.
   */
  putThrough(slot: number, line: LineRuntime): void {
    const group = this.idleGroup(line);
    if (group) {
      this.answer(slot, line, group);
      return;
    }
    if (this.holdFull(line)) {
      this.present--;
      this.sendAway(slot, line, DISCONNECTED, 0);
      if (this.trunks !== Infinity) this.trunkFreed();
      return;
    }
    // The transferred call keeps its trunk: it is already among the calls present.
    this.hold(slot, line, this.simulation.now);
  }

  // The group whose idle agent answers a call of `line` reaching the center now: by the
  // scenario's agentSelection, or under 'route-order' the first in route order that takes the
  // line at once; undefined when none has an idle agent.
  private idleGroup(line: LineRuntime): GroupRuntime | undefined {
    if (this.selector) return this.selector.pick(line);
    const immediate = line.immediateGroups;
    for (let i = 0; i < immediate.length; i++) {
      const group = this.groups[immediate[i]!]!;
      if (group.busy < group.onDuty) return group;
    }
    return undefined;
  }

  // The line's queue (maxOnHold) or the center's (queueCapacity) has no room for another caller on hold.
  private holdFull(line: LineRuntime): boolean {
    return line.holding >= line.maxOnHold || (this.queueCapacity !== Infinity && this.onHold() >= this.queueCapacity);
  }
}
