import type { Simulation } from '../engine';
import { hashUniform } from '../random';
import type { CallerSlots } from './callerSlots';
import { DIALING, IN_CALL, REQUEST_WAITING, RETRY_WAIT } from './callerSlots';
import type { ScriptedDecisions } from './scriptedDecisions';
import { CALL_END, DIAL_END, REQUEUE } from './eventKinds';
import type { HoldLine } from './holdLine';
import { callbackOffered, ruleProbability, type GroupRuntime, type LineRuntime } from './lineRuntime';
import type { CenterObserver } from './observer';

/** What the callback desk uses of its center: the shared counts, queues and agents. */
export interface CallbackDeskHost {
  readonly simulation: Simulation;
  readonly lines: readonly LineRuntime[];
  readonly groups: readonly GroupRuntime[];
  /** Calls holding a trunk: on hold, in a call, or being dialed. */
  present: number;
  /** People without a final outcome yet. */
  inSystem: number;
  joinQueue(slot: number, line: LineRuntime, queue: HoldLine): void;
  /** The call's length with `group`, from its handle draw. */
  handleSeconds(slot: number, line: LineRuntime, group: GroupRuntime): number;
  /** An agent's call or dial is over. */
  releaseAgent(group: GroupRuntime): void;
  /** Idle agents of `group` take the waiting callers eligible for it. */
  serveWaiting(group: GroupRuntime): void;
  finishIfDrained(): void;
}

/**
 * The callback feature of a center (DESIGN.md, "Callbacks"): the offer to a caller who would
 * wait, requests waiting in their line (in the caller's place or after everyone on hold), an
 * agent dialing them, retries and failures. The center hands it the calls concerned and the
 * agents who take requests; it tells the center when an agent is free or a story has ended.
 * Centers whose lines offer no callback never call it.
 */
export class CallbackDesk {
  /** Requests waiting to be dialed, over every line. */
  requestsWaiting = 0;

  constructor(
    private readonly center: CallbackDeskHost,
    private readonly callers: CallerSlots,
    private readonly observer: CenterObserver,
    private readonly decisions: ScriptedDecisions | undefined,
  ) {}

  /** Offers a callback when the line's policy says so; true when the caller took it and hung up. */
  offer(slot: number, line: LineRuntime, estimatedWait: number): boolean {
    const policy = line.callback!;
    const callers = this.callers;
    const now = this.center.simulation.now;
    if (!callbackOffered(policy, estimatedWait, line.holding + line.requestsWaiting)) return false;
    const callerId = callers.callerId[slot]!;
    const counted = callers.counted[slot] === 1;
    this.observer.callbackOffered(now, callerId, now, estimatedWait, line.index, counted);
    if (!(callers.optInUniform[slot]! < ruleProbability(policy.optIn, estimatedWait))) return false;
    this.observer.callbackAccepted(now, callerId, now, line.index, counted);
    callers.dials[slot] = 0;
    this.enqueue(slot, line);
    return true;
  }

  /**
   * A wait reached the line's `maxWaitSeconds` with `onTimeout: 'callback'`: a request is
   * registered now, as if offered and accepted now. Its time is now: its place in the line
   * (keep-place: the tail, as the caller would join it now), its delay and its row count from
   * the timeout.
   */
  acceptAtTimeout(slot: number, line: LineRuntime, estimatedWait: number): void {
    const callers = this.callers;
    const now = this.center.simulation.now;
    const callerId = callers.callerId[slot]!;
    const counted = callers.counted[slot] === 1;
    callers.arrivalTime[slot] = now;
    this.observer.callbackOffered(now, callerId, now, estimatedWait, line.index, counted);
    this.observer.callbackAccepted(now, callerId, now, line.index, counted);
    callers.dials[slot] = 0;
    this.enqueue(slot, line);
  }

  /** An agent of `group` dials a waiting request. */
  dial(slot: number, line: LineRuntime, group: GroupRuntime): void {
    const callers = this.callers;
    const center = this.center;
    const now = center.simulation.now;
    callers.state[slot] = DIALING;
    callers.group[slot] = group.index;
    callers.agentBusySince[slot] = now;
    line.requestsWaiting--;
    this.requestsWaiting--;
    group.busy++;
    center.present++;
    const attempt = ++callers.dials[slot]!;
    this.observer.callbackDialed(now, callers.callerId[slot]!, callers.arrivalTime[slot]!, attempt, line.index, group.index, callers.counted[slot] === 1);
    center.simulation.at(now + line.callback!.dialSeconds, DIAL_END, slot);
  }

  /** A dial's ringing is over: the person answered, or the request retries later, or fails. */
  endDial(slot: number): void {
    const callers = this.callers;
    const center = this.center;
    const line = center.lines[callers.line[slot]!]!;
    const group = center.groups[callers.group[slot]!]!;
    const policy = line.callback!;
    const now = center.simulation.now;
    const callerId = callers.callerId[slot]!;
    const arrivalTime = callers.arrivalTime[slot]!;
    const counted = callers.counted[slot] === 1;
    const attempt = callers.dials[slot]!;
    const answers = this.decisions?.answers;
    if (answers ? answers(callerId, attempt) : hashUniform(callers.answerKey[slot]!, attempt) < policy.answerProbability) {
      // The agent who dialed goes straight on to the call, which ends as any call does.
      callers.state[slot] = IN_CALL;
      this.observer.callbackConnected(now, callerId, arrivalTime, line.index, group.index, counted);
      center.simulation.at(now + (line.callbackHandle ? callers.callbackHandleSeconds[slot]! : center.handleSeconds(slot, line, group)), CALL_END, slot);
      return;
    }
    this.observer.callbackUnanswered(now, callerId, arrivalTime, attempt, line.index, group.index, counted, callers.agentBusySince[slot]!);
    center.present--;
    if (attempt < policy.maxAttempts) {
      callers.state[slot] = RETRY_WAIT;
      center.simulation.at(now + policy.retryDelaySeconds, REQUEUE, slot);
    } else {
      this.observer.callbackFailed(now, callerId, arrivalTime, line.index, counted);
      callers.release(slot);
      center.inSystem--;
    }
    center.releaseAgent(group);
    center.finishIfDrained();
  }

  /** The retry delay is over: the request waits for an agent again. */
  requeue(slot: number): void {
    const center = this.center;
    const line = center.lines[this.callers.line[slot]!]!;
    this.enqueue(slot, line);
    for (const route of line.spec.routing) center.serveWaiting(center.groups[route.group]!);
  }

  private enqueue(slot: number, line: LineRuntime): void {
    this.callers.state[slot] = REQUEST_WAITING;
    line.requestsWaiting++;
    this.requestsWaiting++;
    this.center.joinQueue(slot, line, line.callback!.position === 'keep-place' ? line.hold : line.requests);
  }
}
