import { QuantileSketch } from './quantileSketch';
import type { HoldBin, IntervalRow, Report } from './report';

/** What the metrics need to know of a run. */
export interface MetricsWindow {
  warmupSeconds: number;
  durationSeconds: number;
  serviceLevelSeconds: number;
  /** The length of one row of `Report.intervals`. */
  intervalSeconds: number;
}

/**
 * Streaming accumulators for one run: it hears what happens in the center, in time order, and
 * keeps counts, sums, a quantile sketch, time integrals and per-interval rows, never a list of
 * callers. Its methods take plain numbers so that the fast path allocates nothing per event.
 *
 * Callers are counted when they arrive in [warmupSeconds, durationSeconds); time-averaged
 * figures (occupancy, queue length) cover the same window. Rows attribute a caller to the
 * interval of arrival, as contact centers report them, and cover warm-up intervals too.
 */
export class CenterMetrics {
  // State of the center, integrated over time.
  private lastTime = 0;
  private busy = 0;
  private onDuty = 0;
  private scheduled = 0;
  private onHold = 0;
  private windowBusySeconds = 0;
  private windowOnDutySeconds = 0;
  // The row being integrated, its end, and its integrals so far.
  private currentRow = 0;
  private rowEnd: number;
  private rowBusySeconds = 0;
  private rowOnDutySeconds = 0;
  private rowScheduledSeconds = 0;
  private rowOnHoldSeconds = 0;

  // Counted callers.
  private offered = 0;
  private answeredCount = 0;
  private abandonedCount = 0;
  private waited = 0;
  private holdSum = 0;
  private holdMax = 0;
  private withinServiceLevel = 0;
  private readonly holdSketch = new QuantileSketch();
  private readonly holdBins = new Float64Array(HOLD_BIN_EDGES.length + 1);
  private callbacksOffered = 0;
  private callbacksAccepted = 0;
  private callbacksConnected = 0;
  private callbacksFailed = 0;
  private callbackAttempts = 0;
  private callbackDelaySum = 0;

  private readonly rows: RowAccumulators;

  constructor(private readonly window: MetricsWindow) {
    this.rows = new RowAccumulators(Math.max(1, Math.ceil(window.durationSeconds / window.intervalSeconds)));
    this.rowEnd = Math.min(window.intervalSeconds, window.durationSeconds);
  }

  arrival(time: number, _callerId: number): void {
    this.advance(time);
    this.onHold++;
    this.rows.arrivals[this.rowOf(time)]!++;
    if (this.counts(time)) this.offered++;
  }

  /** A caller on hold reaches an agent (at once or after waiting). */
  answered(time: number, _callerId: number, arrivalTime: number): void {
    this.advance(time);
    this.onHold--;
    this.busy++;
    const row = this.rowOf(arrivalTime);
    this.rows.answered[row]!++;
    const hold = time - arrivalTime;
    const within = hold <= this.window.serviceLevelSeconds;
    if (within) this.rows.withinServiceLevel[row]!++;
    this.recordHold(row, hold);
    if (this.counts(arrivalTime)) {
      this.answeredCount++;
      if (within) this.withinServiceLevel++;
      this.recordCountedHold(hold);
    }
  }

  abandoned(time: number, _callerId: number, arrivalTime: number): void {
    this.advance(time);
    this.onHold--;
    const row = this.rowOf(arrivalTime);
    this.rows.abandoned[row]!++;
    const hold = time - arrivalTime;
    this.recordHold(row, hold);
    if (this.counts(arrivalTime)) {
      this.abandonedCount++;
      // Nobody who abandons was answered at once, even at zero patience.
      if (hold === 0) this.waited++;
      this.recordCountedHold(hold);
    }
  }

  /** An agent finishes a call (an answered caller's or a connected callback's). */
  callEnded(time: number, _callerId: number): void {
    this.advance(time);
    this.busy--;
  }

  agentsChanged(time: number, scheduled: number, onDuty: number): void {
    this.advance(time);
    this.scheduled = scheduled;
    this.onDuty = onDuty;
  }

  callbackOffered(_time: number, _callerId: number, arrivalTime: number): void {
    if (this.counts(arrivalTime)) this.callbacksOffered++;
  }

  /** The caller takes the offer and hangs up: their hold ends at 0 and they are not a caller who held. */
  callbackAccepted(time: number, _callerId: number, arrivalTime: number): void {
    this.advance(time);
    this.onHold--;
    this.rows.callbacksAccepted[this.rowOf(arrivalTime)]!++;
    if (this.counts(arrivalTime)) this.callbacksAccepted++;
  }

  /** An agent starts dialing a callback request: busy while dialing. */
  callbackDialed(time: number, _callerId: number, arrivalTime: number): void {
    this.advance(time);
    this.busy++;
    if (this.counts(arrivalTime)) this.callbackAttempts++;
  }

  /** The caller answered the dial; the agent goes on to the call (ended by `callEnded`). */
  callbackConnected(time: number, _callerId: number, arrivalTime: number): void {
    if (this.counts(arrivalTime)) {
      this.callbacksConnected++;
      this.callbackDelaySum += time - arrivalTime;
    }
  }

  /** Nobody answered the dial: the agent is free again. */
  callbackUnanswered(time: number, _callerId: number, _arrivalTime: number): void {
    this.advance(time);
    this.busy--;
  }

  /** The request's last allowed dial went unanswered. */
  callbackFailed(_time: number, _callerId: number, arrivalTime: number): void {
    if (this.counts(arrivalTime)) this.callbacksFailed++;
  }

  /** The report of the run that ended at `time`. */
  report(time: number): Report {
    this.advance(Math.max(time, this.window.durationSeconds));
    this.flushRow();
    const held = this.answeredCount + this.abandonedCount;
    const sketch = this.holdSketch;
    return {
      callers: { offered: this.offered, answered: this.answeredCount, abandoned: this.abandonedCount },
      hold: {
        callers: held,
        meanSeconds: ratio(this.holdSum, held),
        probWait: ratio(this.waited, held),
        p50Seconds: held > 0 ? sketch.quantile(0.5) : 0,
        p90Seconds: held > 0 ? sketch.quantile(0.9) : 0,
        p95Seconds: held > 0 ? sketch.quantile(0.95) : 0,
        maxSeconds: this.holdMax,
        totalHoldHours: this.holdSum / 3600,
      },
      serviceLevel: { seconds: this.window.serviceLevelSeconds, fraction: ratio(this.withinServiceLevel, held) },
      abandonment: { fraction: ratio(this.abandonedCount, held) },
      agents: { occupancy: ratio(this.windowBusySeconds, this.windowOnDutySeconds) },
      callback: {
        offered: this.callbacksOffered,
        accepted: this.callbacksAccepted,
        connected: this.callbacksConnected,
        failed: this.callbacksFailed,
        attempts: this.callbackAttempts,
        meanDelaySeconds: ratio(this.callbackDelaySum, this.callbacksConnected),
      },
      intervals: this.rows.toRows(this.window),
      holdDistribution: holdDistribution(this.holdBins),
    };
  }

  private counts(arrivalTime: number): boolean {
    return arrivalTime >= this.window.warmupSeconds && arrivalTime < this.window.durationSeconds;
  }

  private rowOf(time: number): number {
    return Math.min(Math.floor(time / this.window.intervalSeconds), this.rows.length - 1);
  }

  private recordHold(row: number, hold: number): void {
    this.rows.held[row]!++;
    this.rows.holdSum[row]! += hold;
  }

  private recordCountedHold(hold: number): void {
    let bin = 0;
    while (bin < HOLD_BIN_EDGES.length && hold > HOLD_BIN_EDGES[bin]!) bin++;
    this.holdBins[bin]!++;
    if (hold > 0) this.waited++;
    this.holdSum += hold;
    if (hold > this.holdMax) this.holdMax = hold;
    this.holdSketch.add(hold);
  }

  // Integrates the center's state up to `time`, split at row boundaries and clipped to the
  // counted window; nothing after durationSeconds is integrated. Called on every event, so the
  // common case (still inside the current row, past the warm-up) is a few multiply-adds into
  // scalars, flushed to the row arrays when the row changes.
  private advance(time: number): void {
    const from = this.lastTime;
    if (time <= from) return;
    if (time <= this.rowEnd && from >= this.window.warmupSeconds) {
      const span = time - from;
      const busy = this.busy * span;
      const onDuty = this.onDuty * span;
      this.rowBusySeconds += busy;
      this.rowOnDutySeconds += onDuty;
      this.rowScheduledSeconds += this.scheduled * span;
      this.rowOnHoldSeconds += this.onHold * span;
      this.windowBusySeconds += busy;
      this.windowOnDutySeconds += onDuty;
      this.lastTime = time;
      return;
    }
    this.advanceAcrossRows(time);
  }

  private advanceAcrossRows(time: number): void {
    const { warmupSeconds, durationSeconds } = this.window;
    const end = Math.min(time, durationSeconds);
    let from = this.lastTime;
    while (from < end) {
      const to = Math.min(end, this.rowEnd);
      const span = to - from;
      this.rowBusySeconds += this.busy * span;
      this.rowOnDutySeconds += this.onDuty * span;
      this.rowScheduledSeconds += this.scheduled * span;
      this.rowOnHoldSeconds += this.onHold * span;
      const counted = to - Math.max(from, warmupSeconds);
      if (counted > 0) {
        this.windowBusySeconds += this.busy * counted;
        this.windowOnDutySeconds += this.onDuty * counted;
      }
      from = to;
      if (to === this.rowEnd && this.currentRow < this.rows.length - 1) this.nextRow();
    }
    this.lastTime = time;
  }

  // Moves the current row's integrals into its arrays and starts the next row.
  private nextRow(): void {
    this.flushRow();
    this.currentRow++;
    this.rowEnd = Math.min((this.currentRow + 1) * this.window.intervalSeconds, this.window.durationSeconds);
  }

  private flushRow(): void {
    const row = this.currentRow;
    const rows = this.rows;
    rows.busySeconds[row]! += this.rowBusySeconds;
    rows.onDutySeconds[row]! += this.rowOnDutySeconds;
    rows.scheduledSeconds[row]! += this.rowScheduledSeconds;
    rows.onHoldSeconds[row]! += this.rowOnHoldSeconds;
    this.rowBusySeconds = 0;
    this.rowOnDutySeconds = 0;
    this.rowScheduledSeconds = 0;
    this.rowOnHoldSeconds = 0;
  }
}

class RowAccumulators {
  readonly arrivals: Float64Array;
  readonly answered: Float64Array;
  readonly abandoned: Float64Array;
  readonly callbacksAccepted: Float64Array;
  readonly held: Float64Array;
  readonly holdSum: Float64Array;
  readonly withinServiceLevel: Float64Array;
  readonly busySeconds: Float64Array;
  readonly onDutySeconds: Float64Array;
  readonly scheduledSeconds: Float64Array;
  readonly onHoldSeconds: Float64Array;

  constructor(readonly length: number) {
    this.arrivals = new Float64Array(length);
    this.answered = new Float64Array(length);
    this.abandoned = new Float64Array(length);
    this.callbacksAccepted = new Float64Array(length);
    this.held = new Float64Array(length);
    this.holdSum = new Float64Array(length);
    this.withinServiceLevel = new Float64Array(length);
    this.busySeconds = new Float64Array(length);
    this.onDutySeconds = new Float64Array(length);
    this.scheduledSeconds = new Float64Array(length);
    this.onHoldSeconds = new Float64Array(length);
  }

  toRows({ warmupSeconds, durationSeconds, intervalSeconds }: MetricsWindow): IntervalRow[] {
    const rows: IntervalRow[] = [];
    for (let i = 0; i < this.length; i++) {
      const intervalStart = i * intervalSeconds;
      const intervalEnd = Math.min(durationSeconds, intervalStart + intervalSeconds);
      const span = intervalEnd - intervalStart;
      const onDuty = this.onDutySeconds[i]!;
      rows.push({
        intervalStart,
        intervalEnd,
        warmup: intervalStart < warmupSeconds,
        arrivals: this.arrivals[i]!,
        answered: this.answered[i]!,
        abandoned: this.abandoned[i]!,
        callbacksAccepted: this.callbacksAccepted[i]!,
        meanHoldSeconds: ratio(this.holdSum[i]!, this.held[i]!),
        serviceLevel: ratio(this.withinServiceLevel[i]!, this.held[i]!),
        agentsScheduled: ratio(this.scheduledSeconds[i]!, span),
        agentsOnDuty: ratio(onDuty, span),
        busyAgents: ratio(this.busySeconds[i]!, span),
        occupancy: ratio(this.busySeconds[i]!, onDuty),
        meanQueueLength: ratio(this.onHoldSeconds[i]!, span),
      });
    }
    return rows;
  }
}

// Upper edges of the hold-time bars, in seconds: answered at once, then the steps planners
// talk in, from seconds to hours.
const HOLD_BIN_EDGES = [0, 10, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200];

function holdDistribution(counts: Float64Array): HoldBin[] {
  return Array.from(counts, (callers, i) => ({
    fromSeconds: i === 0 ? 0 : HOLD_BIN_EDGES[i - 1]!,
    toSeconds: i < HOLD_BIN_EDGES.length ? HOLD_BIN_EDGES[i]! : null,
    callers,
  }));
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}
