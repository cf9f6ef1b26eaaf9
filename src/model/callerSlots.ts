// Where a caller is: the values of `CallerSlots.state`. A slot is free until a caller takes it
// and again once they are done. Plain numbers, not an enum, so the hot path compares integers.
export const FREE = 0;
/** On hold in the FIFO line. */
export const HOLDING = 1;
/** Talking to an agent (answered, or a connected callback). */
export const IN_CALL = 2;
/** Abandoned, still in the line until it reaches the head (lazy removal). */
export const ABANDONED = 3;
/** A callback request waiting in a line for an agent. */
export const REQUEST_WAITING = 4;
/** An agent is dialing the request. */
export const DIALING = 5;
/** The last dial went unanswered; the request waits out the retry delay. */
export const RETRY_WAIT = 6;

/**
 * The callers in the system, as parallel typed arrays indexed by slot. Slots are recycled, so
 * memory follows the callers in the system, not all callers ever; `generation` tells an event
 * meant for an earlier occupant of a slot from one meant for the current one.
 */
export class CallerSlots {
  callerId = new Int32Array(0);
  arrivalTime = new Float64Array(0);
  handleSeconds = new Float64Array(0);
  callbackHandleSeconds = new Float64Array(0);
  patienceSeconds = new Float64Array(0);
  optInUniform = new Float64Array(0);
  answerKey = new Int32Array(0);
  attempts = new Int32Array(0);
  generation = new Int32Array(0);
  state = new Uint8Array(0);
  private free = new Int32Array(0);
  private freeCount = 0;

  constructor(initialCapacity = 256) {
    this.grow(initialCapacity);
  }

  /** Takes a free slot for a new caller. */
  take(): number {
    if (this.freeCount === 0) this.grow(this.state.length * 2);
    return this.free[--this.freeCount]!;
  }

  release(slot: number): void {
    this.state[slot] = FREE;
    this.generation[slot]!++;
    this.free[this.freeCount++] = slot;
  }

  private grow(capacity: number): void {
    const previous = this.state.length;
    this.callerId = extend(this.callerId, new Int32Array(capacity));
    this.arrivalTime = extend(this.arrivalTime, new Float64Array(capacity));
    this.handleSeconds = extend(this.handleSeconds, new Float64Array(capacity));
    this.callbackHandleSeconds = extend(this.callbackHandleSeconds, new Float64Array(capacity));
    this.patienceSeconds = extend(this.patienceSeconds, new Float64Array(capacity));
    this.optInUniform = extend(this.optInUniform, new Float64Array(capacity));
    this.answerKey = extend(this.answerKey, new Int32Array(capacity));
    this.attempts = extend(this.attempts, new Int32Array(capacity));
    this.generation = extend(this.generation, new Int32Array(capacity));
    this.state = extend(this.state, new Uint8Array(capacity));
    this.free = extend(this.free, new Int32Array(capacity));
    // New slots are handed out lowest first.
    for (let slot = capacity - 1; slot >= previous; slot--) this.free[this.freeCount++] = slot;
  }
}

function extend<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
