// Where a caller is: the values of `CallerSlots.state`. A slot is free until a caller takes it
// and again once their story is over (served, or gone for good). Plain numbers, not an enum, so
// the hot path compares integers.
export const FREE = 0;
/** On hold in their line's queue. */
export const HOLDING = 1;
/** Talking to an agent (answered, or a connected callback). */
export const IN_CALL = 2;
/** A callback request waiting in a line for an agent. */
export const REQUEST_WAITING = 4;
/** An agent is dialing the request. */
export const DIALING = 5;
/** The last dial went unanswered; the request waits out the retry delay. */
export const RETRY_WAIT = 6;
/** Sent away (abandoned, balked, busy, disconnected); will call again. */
export const REDIAL_WAIT = 7;
/**
 * The call is over and its agent wraps it up (after-call work): the person's story has ended,
 * the slot stays theirs until the agent is free, for who and where the wrap-up was.
 */
export const WRAP_UP = 8;

/**
 * The people in the system, as parallel typed arrays indexed by slot. A person keeps their slot
 * across redials; slots are recycled, so memory follows the people in the system, not all who
 * ever called. `generation` changes whenever a slot joins a queue or is freed, so an event or a
 * queue entry meant for an earlier visit is recognised as stale.
 */
export class CallerSlots {
  callerId = new Int32Array(0);
  line = new Int32Array(0);
  /** This call's number: 1 for a first call, 2 for the first redial... */
  attempt = new Int32Array(0);
  /** 1 when the person's first call arrived in the counted window. */
  counted = new Uint8Array(0);
  /** The person's key for counter-based draws (redials, callback answers). */
  personKey = new Int32Array(0);
  arrivalTime = new Float64Array(0);
  /** When this call (or request) last joined a queue: its wait for delayed routes runs from here. */
  queuedAt = new Float64Array(0);
  /** Handle time on the line's own distribution, or the handle uniform where routes have their own. */
  handle = new Float64Array(0);
  callbackHandleSeconds = new Float64Array(0);
  /** The uniform of the call's after-call work, turned into seconds by the serving group's distribution. */
  wrapUp = new Float64Array(0);
  /** Patience in seconds, or its uniform where the line's patience is drawn by inversion (see `LineRuntime.patienceByInversion`). */
  patience = new Float64Array(0);
  optInUniform = new Float64Array(0);
  balkUniform = new Float64Array(0);
  answerKey = new Int32Array(0);
  /** Callback dials made for the current request. */
  dials = new Int32Array(0);
  /** Since when an agent has been busy with this caller (answered, or dialing the request). */
  agentBusySince = new Float64Array(0);
  /** The group serving the call, and which of the line's delayed routes comes next. */
  group = new Int32Array(0);
  overflowStep = new Int32Array(0);
  generation = new Int32Array(0);
  /** On a transferred call (docs/design-decisions.md, "Transfers"): the line it came from, plus 1; 0 on any other call. */
  transferredFrom = new Int32Array(0);
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

  /** Frees every slot: the center is empty again (its queues and calendar emptied with it). */
  clear(): void {
    this.state.fill(FREE);
    this.transferredFrom.fill(0);
    this.freeCount = 0;
    for (let slot = this.state.length - 1; slot >= 0; slot--) this.free[this.freeCount++] = slot;
  }

  private grow(capacity: number): void {
    const previous = this.state.length;
    this.callerId = extend(this.callerId, new Int32Array(capacity));
    this.line = extend(this.line, new Int32Array(capacity));
    this.attempt = extend(this.attempt, new Int32Array(capacity));
    this.counted = extend(this.counted, new Uint8Array(capacity));
    this.personKey = extend(this.personKey, new Int32Array(capacity));
    this.arrivalTime = extend(this.arrivalTime, new Float64Array(capacity));
    this.queuedAt = extend(this.queuedAt, new Float64Array(capacity));
    this.handle = extend(this.handle, new Float64Array(capacity));
    this.callbackHandleSeconds = extend(this.callbackHandleSeconds, new Float64Array(capacity));
    this.wrapUp = extend(this.wrapUp, new Float64Array(capacity));
    this.patience = extend(this.patience, new Float64Array(capacity));
    this.optInUniform = extend(this.optInUniform, new Float64Array(capacity));
    this.balkUniform = extend(this.balkUniform, new Float64Array(capacity));
    this.answerKey = extend(this.answerKey, new Int32Array(capacity));
    this.dials = extend(this.dials, new Int32Array(capacity));
    this.agentBusySince = extend(this.agentBusySince, new Float64Array(capacity));
    this.group = extend(this.group, new Int32Array(capacity));
    this.overflowStep = extend(this.overflowStep, new Int32Array(capacity));
    this.generation = extend(this.generation, new Int32Array(capacity));
    this.transferredFrom = extend(this.transferredFrom, new Int32Array(capacity));
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
