import { hashUniform, type Uniform } from '../random';
import type { CallerSlots } from './callerSlots';
import type { ScriptedDecisions } from './scriptedDecisions';
import type { LineRuntime } from './lineRuntime';

// Counter blocks of a person's key-based draws: one block per call and purpose.
const DRAW_HANDLE = 0;
const DRAW_PATIENCE = 1;
const DRAW_OPT_IN = 2;
const DRAW_ANSWER = 3;
const DRAW_CALLBACK_HANDLE = 4;
const DRAW_BALK = 5;
const DRAW_REDIAL = 6;
const DRAW_REDIAL_DELAY = 7;
const DRAWS_PER_PURPOSE = 1024;
// The wrap-up uniform sits in the second half of the handle block (a handle draw takes a few
// uniforms at most), so the eight purposes per attempt stay eight.
const WRAP_UP_OFFSET = 512;
// Likewise the transfer decision, in the second half of the redial block.
const TRANSFER_OFFSET = 512;

/**
 * The numbers a call is made of (handle, patience, opt-in, answer key, callback handle, balking)
 * and a person's decision to call again. A first call draws from its line's streams, one draw
 * per purpose per caller in arrival order; a redial draws from a counter-based hash of the
 * person's key, the attempt and the purpose, so a person's numbers never depend on what other
 * people did, and common random numbers hold even when variants differ in their redials.
 */
export class CallDraws {
  /** A uniform source drawing from a person's key, from where `startKeyed` set it. */
  private readonly keyed = new KeyedUniform();

  /** A seated first call's arrival time (a state's caller arrived before now); NaN: now. */
  private seatedArrival = NaN;
  /** The arrival time of calls drawn as they arrive (read for by-interval lines only); the center's engine. */
  clock: { readonly now: number } = { now: 0 };

  constructor(
    private readonly callers: CallerSlots,
    private readonly decisions: ScriptedDecisions | undefined,
  ) {}

  /** A first call's numbers, from the line's streams. */
  firstCall(slot: number, line: LineRuntime, callerId: number): void {
    const callers = this.callers;
    if (line.byInterval) {
      const arrival = Number.isNaN(this.seatedArrival) ? this.clock.now : this.seatedArrival;
      callers.handle[slot] = line.handleDrawAt(arrival, line.handleStream);
      callers.patience[slot] = line.patienceAt(arrival, line.patienceStream);
    } else {
      callers.handle[slot] = line.handleIsUniform ? line.handleStream.next() : line.handle.sample(line.handleStream);
      callers.patience[slot] = line.patienceByInversion ? line.patienceStream.next() : line.patience ? line.patience.sample(line.patienceStream) : Infinity;
    }
    if (line.callback) {
      callers.optInUniform[slot] = this.decisions?.optInUniform?.(callerId) ?? line.optInStream.next();
      callers.answerKey[slot] = (line.answerStream.next() * 4294967296) | 0;
      // A callback handle time of its own comes from a stream of its own; otherwise the
      // callback is the same call the caller would have had on hold.
      if (line.callbackHandle) callers.callbackHandleSeconds[slot] = line.callbackHandle.sample(line.callbackHandleStream);
    }
    if (line.balking) callers.balkUniform[slot] = line.balkStream.next();
    if (line.afterCallWork) callers.wrapUp[slot] = line.wrapUpStream!.next();
    if (line.keyed) callers.personKey[slot] = (line.personStream.next() * 4294967296) | 0;
  }

  /** `firstCall` for a person of a center's state, whose call arrived at `arrivalTime`. */
  seatedCall(slot: number, line: LineRuntime, callerId: number, arrivalTime: number): void {
    this.seatedArrival = arrivalTime;
    this.firstCall(slot, line, callerId);
    this.seatedArrival = NaN;
  }

  /** A redial's numbers (the slot's `attempt` already counts it), from the person's key. */
  redial(slot: number, line: LineRuntime): void {
    const callers = this.callers;
    const keyed = this.keyed;
    const key = callers.personKey[slot]!;
    const attempt = callers.attempt[slot]!;
    const redial = line.redial;
    // A kept handle time or patience is the slot's from the person's first call, left as it is.
    if (!redial?.keepHandleTime) {
      this.startKeyed(key, attempt, DRAW_HANDLE);
      callers.handle[slot] = line.byInterval ? line.handleDrawAt(this.clock.now, keyed) : line.handleIsUniform ? keyed.next() : line.handle.sample(keyed);
    }
    if (!redial?.keepPatience) {
      this.startKeyed(key, attempt, DRAW_PATIENCE);
      callers.patience[slot] = line.byInterval ? line.patienceAt(this.clock.now, keyed)
        : line.patienceByInversion ? keyed.next() : line.patience ? line.patience.sample(keyed) : Infinity;
    }
    if (line.callback) {
      this.startKeyed(key, attempt, DRAW_OPT_IN);
      callers.optInUniform[slot] = this.decisions?.optInUniform?.(callers.callerId[slot]!) ?? keyed.next();
      this.startKeyed(key, attempt, DRAW_ANSWER);
      callers.answerKey[slot] = (keyed.next() * 4294967296) | 0;
      if (line.callbackHandle) {
        this.startKeyed(key, attempt, DRAW_CALLBACK_HANDLE);
        callers.callbackHandleSeconds[slot] = line.callbackHandle.sample(keyed);
      }
    }
    if (line.balking) {
      this.startKeyed(key, attempt, DRAW_BALK);
      callers.balkUniform[slot] = keyed.next();
    }
    if (line.afterCallWork) {
      keyed.start(key, (attempt * 8 + DRAW_HANDLE) * DRAWS_PER_PURPOSE + WRAP_UP_OFFSET);
      callers.wrapUp[slot] = keyed.next();
    }
  }

  /** The uniform that decides whether this answered call is transferred (a person answered never redials: the redial block is free). */
  transferUniform(slot: number): number {
    const callers = this.callers;
    return hashUniform(callers.personKey[slot]!, (callers.attempt[slot]! * 8 + DRAW_REDIAL) * DRAWS_PER_PURPOSE + TRANSFER_OFFSET);
  }

  /**
   * A transferred call's numbers on its new line (the slot's `attempt` already counts it), from
   * the person's key: handle time, patience and wrap-up, drawn anew from that line's
   * distributions at the transfer's time (it is offered no callback and does not balk).
   */
  transferredCall(slot: number, line: LineRuntime): void {
    const callers = this.callers;
    const keyed = this.keyed;
    const key = callers.personKey[slot]!;
    const attempt = callers.attempt[slot]!;
    this.startKeyed(key, attempt, DRAW_HANDLE);
    callers.handle[slot] = line.byInterval ? line.handleDrawAt(this.clock.now, keyed) : line.handleIsUniform ? keyed.next() : line.handle.sample(keyed);
    this.startKeyed(key, attempt, DRAW_PATIENCE);
    callers.patience[slot] = line.byInterval ? line.patienceAt(this.clock.now, keyed)
      : line.patienceByInversion ? keyed.next() : line.patience ? line.patience.sample(keyed) : Infinity;
    if (line.afterCallWork) {
      keyed.start(key, (attempt * 8 + DRAW_HANDLE) * DRAWS_PER_PURPOSE + WRAP_UP_OFFSET);
      callers.wrapUp[slot] = keyed.next();
    }
  }

  /** After this call was sent away (`outcome`, see lineRuntime.ts): the delay before the person calls again, or -1 when they do not. */
  redialDelay(slot: number, line: LineRuntime, outcome: number): number {
    const redial = line.redial;
    const callers = this.callers;
    const attempt = callers.attempt[slot]!;
    if (!redial || attempt >= redial.maxAttempts || (redial.afterMask & (1 << outcome)) === 0) return -1;
    const key = callers.personKey[slot]!;
    this.startKeyed(key, attempt, DRAW_REDIAL);
    if (!(this.keyed.next() < redial.probability)) return -1;
    this.startKeyed(key, attempt, DRAW_REDIAL_DELAY);
    return redial.delay.sample(this.keyed);
  }

  private startKeyed(key: number, attempt: number, purpose: number): void {
    this.keyed.start(key, (attempt * 8 + purpose) * DRAWS_PER_PURPOSE);
  }
}

/** Uniforms hashed from a person's key and a counter, from where `start` set them. */
class KeyedUniform implements Uniform {
  private key = 0;
  private counter = 0;

  start(key: number, counter: number): void {
    this.key = key;
    this.counter = counter;
  }

  next(): number {
    return hashUniform(this.key, this.counter++);
  }
}
