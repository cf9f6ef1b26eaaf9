import type { SimEvent } from '../../src';

/** The center at one moment, for the chart. */
export interface Sample {
  time: number;
  onHold: number;
  busy: number;
  onDuty: number;
  callbacksWaiting: number;
}

/**
 * What an operations room watches, kept up to date from a run's events one at a time: who is
 * on hold now and since when, agents busy and on duty, recent holds, outcomes so far, and a
 * sample of the center every `sampleSeconds` of simulated time for the chart.
 *
 * @example
 * const figures = new LiveFigures();
 * simulate(scenario, { realtime: { speed: 60 } }).subscribe((event) => figures.apply(event));
 */
export class LiveFigures {
  /** Simulated seconds of the latest event. */
  time = 0;
  /** Simulated seconds at which arrivals stop (from `run-started`). */
  durationSeconds = 0;
  /** The service level's threshold (from `run-started`). */
  serviceLevelSeconds = 20;
  ended = false;
  arrivals = 0;
  answered = 0;
  answeredWithinTarget = 0;
  abandoned = 0;
  busy = 0;
  /** Agents on duty, over every group. */
  onDuty = 0;
  /** Calls that hung up on hearing the wait (balked): with `abandoned` in the abandonment. */
  balked = 0;
  /** Calls sent away before holding: busy signals and courtesy disconnects. */
  turnedAway = 0;
  callbacksOffered = 0;
  callbacksAccepted = 0;
  callbacksConnected = 0;
  callbacksFailed = 0;
  peakOnHold = 0;
  readonly samples: Sample[] = [];

  // Callers on hold, by id, with the time they arrived. A Map keeps insertion order and the
  // line is FIFO, so the first entry is always the longest wait.
  private readonly holding = new Map<number, number>();
  // Agents on duty by group: each group's staffing events say its own count.
  private readonly onDutyByGroup = new Map<string, number>();
  // The holds of the last `recentCount` callers answered, as a ring.
  private readonly recent: number[] = [];
  private recentNext = 0;
  private nextSample = 0;

  constructor(
    readonly recentCount = 50,
    readonly sampleSeconds = 60,
  ) {}

  get onHold(): number {
    return this.holding.size;
  }

  /** Callback requests accepted and not yet connected or failed. */
  get callbacksWaiting(): number {
    return this.callbacksAccepted - this.callbacksConnected - this.callbacksFailed;
  }

  /** Mean hold of the last `recentCount` callers answered (0 before the first). */
  get recentMeanHoldSeconds(): number {
    if (this.recent.length === 0) return 0;
    let total = 0;
    for (const seconds of this.recent) total += seconds;
    return total / this.recent.length;
  }

  /** Answered within `serviceLevelSeconds`, over callers whose hold has ended, balked ones included (1 before any). */
  get serviceLevel(): number {
    const held = this.answered + this.abandoned + this.balked;
    return held === 0 ? 1 : this.answeredWithinTarget / held;
  }

  /** How long the caller at the head of the line has held at simulated time `now`. */
  longestHoldSeconds(now: number): number {
    for (const arrived of this.holding.values()) return Math.max(0, now - arrived);
    return 0;
  }

  apply(event: SimEvent): void {
    // A sample at time t shows the center after every event at t and before any later one.
    while (event.time > this.nextSample) {
      this.samples.push({ time: this.nextSample, onHold: this.onHold, busy: this.busy, onDuty: this.onDuty, callbacksWaiting: this.callbacksWaiting });
      this.nextSample += this.sampleSeconds;
    }
    this.time = event.time;
    switch (event.type) {
      case 'run-started':
        this.durationSeconds = event.window.durationSeconds;
        this.serviceLevelSeconds = event.window.serviceLevelSeconds;
        break;
      case 'agents-changed':
        this.onDuty += event.onDuty - (this.onDutyByGroup.get(event.group) ?? 0);
        this.onDutyByGroup.set(event.group, event.onDuty);
        break;
      case 'arrival':
        this.arrivals++;
        this.holding.set(event.callerId, event.time);
        this.peakOnHold = Math.max(this.peakOnHold, this.holding.size);
        break;
      case 'answered':
        this.holding.delete(event.callerId);
        this.answered++;
        if (event.holdSeconds <= this.serviceLevelSeconds) this.answeredWithinTarget++;
        this.busy++;
        this.recordHold(event.holdSeconds);
        break;
      case 'abandoned':
        this.holding.delete(event.callerId);
        this.abandoned++;
        break;
      case 'balked':
        this.holding.delete(event.callerId);
        this.balked++;
        break;
      case 'busy':
      case 'disconnected':
        this.holding.delete(event.callerId);
        this.turnedAway++;
        break;
      case 'callback-offered':
        this.callbacksOffered++;
        break;
      case 'callback-accepted':
        // An opted-in caller hangs up at once and waits for the call back instead.
        this.holding.delete(event.callerId);
        this.callbacksAccepted++;
        break;
      case 'callback-dialed':
        this.busy++; // the agent is busy from the dial on
        break;
      case 'callback-unanswered':
        this.busy--; // free again after a dial nobody answered
        break;
      case 'callback-connected':
        this.callbacksConnected++;
        break;
      case 'callback-failed':
        this.callbacksFailed++;
        break;
      case 'call-ended':
        this.busy--;
        break;
      case 'run-ended':
        this.ended = true;
        break;
    }
  }

  private recordHold(seconds: number): void {
    if (this.recent.length < this.recentCount) this.recent.push(seconds);
    else this.recent[this.recentNext] = seconds;
    this.recentNext = (this.recentNext + 1) % this.recentCount;
  }
}
