import { Simulation, type EventHandler } from '../engine';
import { RandomStreams, compileDistribution, hashUniform, standardGamma, type Sampler, type Uniform } from '../random';
import type { ResolvedCallbackPolicy, ResolvedScenario } from '../scenario';
import { ArrivalProcess, ScriptedArrivals } from './arrivals';
import {
  ABANDONED,
  CallerSlots,
  DIALING,
  HOLDING,
  IN_CALL,
  REQUEST_WAITING,
  RETRY_WAIT,
} from './callerSlots';
import { HoldLine } from './holdLine';
import type { CenterObserver } from './observer';

// Event kinds on the calendar.
const ARRIVAL = 0;
const STAFFING = 1;
const CALL_END = 2;
const PATIENCE = 3;
const DIAL_END = 4;
const REQUEUE = 5;

/** Options of a center beyond its scenario. */
export interface CenterOptions {
  /** Callers arrive at these times (ascending) instead of by the scenario's Poisson process. */
  arrivalTimes?: readonly number[];
  /**
   * Scripted decisions, for worked examples: the uniform a caller's opt-in is decided by (taken
   * when below the acceptance probability), and whether they answer a given callback dial.
   */
  decisions?: {
    optInUniform?: (callerId: number) => number;
    answers?: (callerId: number, attempt: number) => boolean;
  };
}

/**
 * The contact center of DESIGN.md on the event engine: Poisson arrivals, a staffing roster, one
 * FIFO hold line, patience and abandonment, and the callback feature.
 *
 * Agents are a pool counted by `onDuty` and `busy`: when the roster drops, idle agents leave at
 * once and busy ones when their call ends, so no call is ever cut off. Every caller draws their
 * handle time, patience and decision numbers on arrival from streams of their own, so caller
 * *i* is the same person in every variant of a scenario.
 */
export class ContactCenter implements EventHandler {
  readonly simulation = new Simulation(this);
  private readonly callers = new CallerSlots();
  /** Callers on hold and keep-place callback requests, in arrival order. */
  private readonly line = new HoldLine();
  /** After-hold callback requests, served only when nobody is on hold. */
  private readonly requestLine = new HoldLine();
  private readonly arrivals: ArrivalProcess | ScriptedArrivals;
  private readonly handle: Sampler;
  private readonly patience: Sampler | undefined;
  private readonly callbackHandle: Sampler | undefined;
  private readonly handleStream: Uniform;
  private readonly patienceStream: Uniform;
  private readonly optInStream: Uniform;
  private readonly answerStream: Uniform;
  private readonly callbackHandleStream: Uniform;
  private readonly callback: ResolvedCallbackPolicy | undefined;
  private readonly meanHandleSeconds: number;
  private readonly decisions: CenterOptions['decisions'];

  private nextCallerId = 0;
  private arrivalsDone = false;
  /** Callers who have no outcome yet (requests included, abandoned slots in the line not). */
  private inSystem = 0;
  private holding = 0;
  private requestsWaiting = 0;
  private scheduled = 0;
  private onDuty = 0;
  private busy = 0;

  constructor(
    private readonly scenario: ResolvedScenario,
    private readonly observer: CenterObserver,
    options: CenterOptions = {},
  ) {
    const streams = new RandomStreams(scenario.seed);
    const rateFactor =
      scenario.rateUncertaintyCv > 0
        ? standardGamma(1 / scenario.rateUncertaintyCv ** 2, streams.stream('rate-uncertainty')) *
          scenario.rateUncertaintyCv ** 2
        : 1;
    this.arrivals = options.arrivalTimes
      ? new ScriptedArrivals(options.arrivalTimes)
      : new ArrivalProcess(scenario.arrivals, scenario.durationSeconds, rateFactor, streams.stream('arrivals'));
    this.handle = compileDistribution(scenario.handleTime);
    this.meanHandleSeconds = this.handle.meanSeconds;
    this.patience = scenario.patience && compileDistribution(scenario.patience);
    this.callback = scenario.callback;
    // A callback handle time of its own is drawn from a stream of its own; otherwise the
    // callback is the same call the caller would have had on hold.
    const callbackHandleTime = scenario.callback?.handleTime;
    this.callbackHandle = callbackHandleTime && compileDistribution(callbackHandleTime);
    this.handleStream = streams.stream('handle');
    this.patienceStream = streams.stream('patience');
    this.optInStream = streams.stream('callback-opt-in');
    this.answerStream = streams.stream('callback-answer');
    this.callbackHandleStream = streams.stream('callback-handle');
    this.decisions = options.decisions;
  }

  /** Puts the first events on the calendar; then run `simulation` until it is finished. */
  start(): void {
    this.applyStaffing(0);
    this.scheduleNextArrival();
  }

  /** Callers without an outcome yet. */
  get callersInSystem(): number {
    return this.inSystem;
  }

  handleEvent(kind: number, subject: number, tag: number): void {
    switch (kind) {
      case ARRIVAL:
        this.arrive();
        break;
      case CALL_END:
        this.endCall(subject);
        break;
      case PATIENCE:
        this.loseTemper(subject, tag);
        break;
      case STAFFING:
        this.applyStaffing(subject);
        break;
      case DIAL_END:
        this.endDial(subject);
        break;
      case REQUEUE:
        this.requeue(subject);
        break;
    }
  }

  private scheduleNextArrival(): void {
    const time = this.arrivals.next(this.simulation.now);
    if (time === Infinity) {
      this.arrivalsDone = true;
      this.finishIfDrained();
    } else {
      this.simulation.at(time, ARRIVAL);
    }
  }

  private arrive(): void {
    const now = this.simulation.now;
    const callers = this.callers;
    const slot = callers.take();
    const callerId = this.nextCallerId++;
    callers.callerId[slot] = callerId;
    callers.arrivalTime[slot] = now;
    callers.handleSeconds[slot] = this.handle.sample(this.handleStream);
    callers.patienceSeconds[slot] = this.patience ? this.patience.sample(this.patienceStream) : Infinity;
    callers.attempts[slot] = 0;
    if (this.callback) {
      callers.optInUniform[slot] = this.decisions?.optInUniform?.(callerId) ?? this.optInStream();
      callers.answerKey[slot] = (this.answerStream() * 4294967296) | 0;
      callers.callbackHandleSeconds[slot] = this.callbackHandle
        ? this.callbackHandle.sample(this.callbackHandleStream)
        : callers.handleSeconds[slot]!;
    }
    this.inSystem++;
    this.observer.arrival(now, callerId);
    this.scheduleNextArrival();

    // An agent is free only when both lines are empty, so this caller is answered at once.
    if (this.busy < this.onDuty) {
      callers.state[slot] = HOLDING;
      this.holding++;
      this.answer(slot);
      return;
    }
    if (this.callback && this.offersCallback(slot)) return;
    callers.state[slot] = HOLDING;
    this.holding++;
    this.line.push(slot);
    const patience = callers.patienceSeconds[slot]!;
    if (patience !== Infinity) this.simulation.at(now + patience, PATIENCE, slot, callers.generation[slot]!);
  }

  // Offers a callback when the policy's rule holds; true when the caller took it and hung up.
  private offersCallback(slot: number): boolean {
    const policy = this.callback!;
    const callers = this.callers;
    const now = this.simulation.now;
    const entries = this.holding + this.requestsWaiting;
    const estimatedWait = this.scheduled > 0 ? ((entries + 1) * this.meanHandleSeconds) / this.scheduled : Infinity;
    const offer = policy.offer;
    const offered =
      offer === 'always' ||
      ('whenEstimatedWaitAtLeastSeconds' in offer
        ? estimatedWait >= offer.whenEstimatedWaitAtLeastSeconds
        : entries >= offer.whenQueueAtLeast);
    if (!offered) return false;
    const callerId = callers.callerId[slot]!;
    const arrivalTime = callers.arrivalTime[slot]!;
    this.observer.callbackOffered(now, callerId, arrivalTime, estimatedWait);
    const optIn = policy.optIn;
    const acceptance =
      'probability' in optIn
        ? optIn.probability
        : 1 / (1 + Math.exp(-(optIn.logistic.intercept + (optIn.logistic.perMinute * estimatedWait) / 60)));
    if (!(callers.optInUniform[slot]! < acceptance)) return false;
    this.observer.callbackAccepted(now, callerId, arrivalTime);
    this.enqueueRequest(slot);
    return true;
  }

  private enqueueRequest(slot: number): void {
    this.callers.state[slot] = REQUEST_WAITING;
    this.requestsWaiting++;
    if (this.callback!.position === 'keep-place') this.line.push(slot);
    else this.requestLine.push(slot);
  }

  // A holding caller reaches an agent.
  private answer(slot: number): void {
    const callers = this.callers;
    const now = this.simulation.now;
    callers.state[slot] = IN_CALL;
    this.holding--;
    this.busy++;
    this.observer.answered(now, callers.callerId[slot]!, callers.arrivalTime[slot]!);
    this.simulation.at(now + callers.handleSeconds[slot]!, CALL_END, slot);
  }

  private dial(slot: number): void {
    const callers = this.callers;
    const now = this.simulation.now;
    callers.state[slot] = DIALING;
    this.requestsWaiting--;
    this.busy++;
    const attempt = ++callers.attempts[slot]!;
    this.observer.callbackDialed(now, callers.callerId[slot]!, callers.arrivalTime[slot]!, attempt);
    this.simulation.at(now + this.callback!.dialSeconds, DIAL_END, slot);
  }

  private endCall(slot: number): void {
    const callers = this.callers;
    this.observer.callEnded(this.simulation.now, callers.callerId[slot]!);
    callers.release(slot);
    this.inSystem--;
    this.releaseAgent();
    this.finishIfDrained();
  }

  private endDial(slot: number): void {
    const callers = this.callers;
    const policy = this.callback!;
    const now = this.simulation.now;
    const callerId = callers.callerId[slot]!;
    const arrivalTime = callers.arrivalTime[slot]!;
    const attempt = callers.attempts[slot]!;
    const answers = this.decisions?.answers;
    if (answers ? answers(callerId, attempt) : hashUniform(callers.answerKey[slot]!, attempt) < policy.answerProbability) {
      // The agent who dialed goes straight on to the call.
      callers.state[slot] = IN_CALL;
      this.observer.callbackConnected(now, callerId, arrivalTime);
      this.simulation.at(now + callers.callbackHandleSeconds[slot]!, CALL_END, slot);
      return;
    }
    this.observer.callbackUnanswered(now, callerId, arrivalTime, attempt);
    if (attempt < policy.maxAttempts) {
      callers.state[slot] = RETRY_WAIT;
      this.simulation.at(now + policy.retryDelaySeconds, REQUEUE, slot);
    } else {
      this.observer.callbackFailed(now, callerId, arrivalTime);
      callers.release(slot);
      this.inSystem--;
    }
    this.releaseAgent();
    this.finishIfDrained();
  }

  private requeue(slot: number): void {
    this.enqueueRequest(slot);
    this.serveWaiting();
  }

  private loseTemper(slot: number, generation: number): void {
    const callers = this.callers;
    // Stale when the caller was answered meanwhile (or the slot went to someone else).
    if (callers.state[slot] !== HOLDING || callers.generation[slot] !== generation) return;
    callers.state[slot] = ABANDONED;
    this.holding--;
    this.inSystem--;
    this.observer.abandoned(this.simulation.now, callers.callerId[slot]!, callers.arrivalTime[slot]!);
    this.finishIfDrained();
  }

  // An agent's call or dial is over: they leave if the roster has dropped, else take the next.
  private releaseAgent(): void {
    this.busy--;
    if (this.onDuty > this.scheduled) {
      this.onDuty--;
      this.observer.agentsChanged(this.simulation.now, this.scheduled, this.onDuty);
    } else {
      this.serveWaiting();
    }
  }

  // Free agents take the head of the hold line, and after-hold requests once nobody holds.
  private serveWaiting(): void {
    const callers = this.callers;
    while (this.busy < this.onDuty) {
      let slot = this.line.shift();
      while (slot >= 0 && callers.state[slot] === ABANDONED) {
        callers.release(slot);
        slot = this.line.shift();
      }
      if (slot < 0) slot = this.requestLine.shift();
      if (slot < 0) return;
      if (callers.state[slot] === HOLDING) this.answer(slot);
      else this.dial(slot);
    }
  }

  private applyStaffing(interval: number): void {
    const { perInterval, intervalSeconds } = this.scenario.agents;
    this.scheduled = perInterval[interval]!;
    // Idle agents leave at once; busy ones stay until their call ends (see releaseAgent).
    this.onDuty = this.onDuty > this.scheduled ? Math.max(this.scheduled, this.busy) : this.scheduled;
    this.observer.agentsChanged(this.simulation.now, this.scheduled, this.onDuty);
    if (interval + 1 < perInterval.length) this.simulation.at((interval + 1) * intervalSeconds, STAFFING, interval + 1);
    this.serveWaiting();
  }

  private finishIfDrained(): void {
    if (this.arrivalsDone && this.inSystem === 0) this.simulation.stop();
  }
}
