import { QuantileSketch } from './quantileSketch';
import type { AgentIntervalFigures, CallFigures, HoldBin, IntervalRow, LineIntervalRow } from './report';
import { SpanSums } from './spanSums';
import type { MetricsWindow } from './window';

/** Per-row counters of calls (arrays indexed by row). */
class CallRows {
  readonly arrivals: Float64Array;
  readonly answered: Float64Array;
  readonly abandoned: Float64Array;
  readonly balked: Float64Array;
  readonly busy: Float64Array;
  readonly disconnected: Float64Array;
  readonly callbacksAccepted: Float64Array;
  readonly held: Float64Array;
  readonly holdSum: Float64Array;
  readonly withinServiceLevel: Float64Array;

  constructor(readonly length: number) {
    this.arrivals = new Float64Array(length);
    this.answered = new Float64Array(length);
    this.abandoned = new Float64Array(length);
    this.balked = new Float64Array(length);
    this.busy = new Float64Array(length);
    this.disconnected = new Float64Array(length);
    this.callbacksAccepted = new Float64Array(length);
    this.held = new Float64Array(length);
    this.holdSum = new Float64Array(length);
    this.withinServiceLevel = new Float64Array(length);
  }
}

/**
 * Streaming accumulators of one line's calls: counts, sums, a quantile sketch, hold bars,
 * per-row counters and the time integral of callers on hold. The center's totals add lines up.
 */
export class LineMetrics {
  readonly rows: CallRows;
  /** Seconds on hold, by row and over the window: callers on hold, integrated over time. */
  readonly onHold: SpanSums;
  readonly holdSketch = new QuantileSketch();
  readonly holdBins = new Float64Array(HOLD_BIN_EDGES.length + 1);
  offered = 0;
  answered = 0;
  abandoned = 0;
  balked = 0;
  busy = 0;
  disconnected = 0;
  closed = 0;
  /** Waits ended by the line's maximum with a message (outcome `timedOut`). */
  timedOut = 0;
  /** Waits ended by the line's maximum with a callback request (counted in `callbacksAccepted` too). */
  callbacksAtTimeout = 0;
  waited = 0;
  holdSum: number;
  /** Seconds on hold of the counted calls answered (speed of answer). */
  answeredHoldSum: number;
  holdMax: number;
  withinServiceLevel = 0;
  peopleOffered = 0;
  redialCalls = 0;
  redialsAfterClose = 0;
  callbacksOffered = 0;
  callbacksAccepted = 0;
  callbacksConnected = 0;
  callbacksFailed = 0;
  callbackAttempts = 0;
  callbackDelaySum: number;
  /** Transferred calls that came to this line, and this line's answered calls that went on. */
  transfersIn = 0;
  transfersOut = 0;
  /** Transferred calls that ended without an agent: on this line, and those that came from it. */
  transfersLostOn = 0;
  transfersLostFrom = 0;

  constructor(
    readonly name: string,
    readonly serviceLevelSeconds: number,
    private readonly window: MetricsWindow,
    rowCount: number,
  ) {
    // Created holding doubles, as they will hold them (docs/design-decisions.md, "Fields
    // that hold seconds start as doubles").
    this.holdSum = this.answeredHoldSum = this.holdMax = this.callbackDelaySum = 0.5;
    this.holdSum = this.answeredHoldSum = this.holdMax = this.callbackDelaySum = 0;
    this.rows = new CallRows(rowCount);
    this.onHold = new SpanSums(rowCount, window.intervalSeconds, window.warmupSeconds, window.durationSeconds);
  }

  rowOf(time: number): number {
    return Math.min(Math.floor(time / this.window.intervalSeconds), this.rows.length - 1);
  }

  recordArrival(time: number, attempt: number, counted: boolean): void {
    this.rows.arrivals[this.rowOf(time)]!++;
    if (counted) {
      this.offered++;
      if (attempt === 1) this.peopleOffered++;
      else this.redialCalls++;
    }
  }

  recordAnswered(time: number, arrivalTime: number, counted: boolean): void {
    if (time > arrivalTime) this.onHold.add(arrivalTime, time);
    const row = this.rowOf(arrivalTime);
    this.rows.answered[row]!++;
    const hold = time - arrivalTime;
    const within = hold <= this.serviceLevelSeconds;
    if (within) this.rows.withinServiceLevel[row]!++;
    this.recordHold(row, hold);
    if (counted) {
      this.answered++;
      this.answeredHoldSum += hold;
      if (within) this.withinServiceLevel++;
      this.recordCountedHold(hold);
    }
  }

  recordAbandoned(time: number, arrivalTime: number, counted: boolean): void {
    if (time > arrivalTime) this.onHold.add(arrivalTime, time);
    const row = this.rowOf(arrivalTime);
    this.rows.abandoned[row]!++;
    const hold = time - arrivalTime;
    this.recordHold(row, hold);
    if (counted) {
      this.abandoned++;
      // Nobody who abandons was answered at once, even at zero patience.
      if (hold === 0) this.waited++;
      this.recordCountedHold(hold);
    }
  }

  /** A transferred call comes to this line: a call (offered, and in its row's arrivals), not a person. */
  recordTransferIn(time: number, counted: boolean): void {
    this.rows.arrivals[this.rowOf(time)]!++;
    if (counted) {
      this.offered++;
      this.transfersIn++;
    }
  }

  /** Hung up on hearing the announced wait: a hold of 0 s, never answered at once. */
  recordBalked(arrivalTime: number, counted: boolean): void {
    const row = this.rowOf(arrivalTime);
    this.rows.balked[row]!++;
    this.recordHold(row, 0);
    if (counted) {
      this.balked++;
      this.waited++;
      this.recordCountedHold(0);
    }
  }

  /** A busy signal or a courtesy disconnect: the call never held. */
  recordSentAway(arrivalTime: number, counted: boolean, busy: boolean): void {
    const row = this.rowOf(arrivalTime);
    if (busy) {
      this.rows.busy[row]!++;
      if (counted) this.busy++;
    } else {
      this.rows.disconnected[row]!++;
      if (counted) this.disconnected++;
    }
  }

  /** Disconnected at closing with the announcement (`atClose: 'disconnect'`): a caller who held, never answered. */
  recordClosed(time: number, arrivalTime: number, counted: boolean): void {
    if (time > arrivalTime) this.onHold.add(arrivalTime, time);
    const hold = time - arrivalTime;
    this.recordHold(this.rowOf(arrivalTime), hold);
    if (counted) {
      this.closed++;
      if (hold === 0) this.waited++;
      this.recordCountedHold(hold);
    }
  }

  /** The wait reached the line's maximum (`maxWaitSeconds`): a caller who held, never answered on hold. */
  recordTimedOut(time: number, arrivalTime: number, counted: boolean, toCallback: boolean): void {
    if (time > arrivalTime) this.onHold.add(arrivalTime, time);
    const hold = time - arrivalTime;
    this.recordHold(this.rowOf(arrivalTime), hold);
    if (counted) {
      if (toCallback) this.callbacksAtTimeout++;
      else this.timedOut++;
      if (hold === 0) this.waited++;
      this.recordCountedHold(hold);
    }
  }

  recordCallbackAccepted(arrivalTime: number, counted: boolean): void {
    this.rows.callbacksAccepted[this.rowOf(arrivalTime)]!++;
    if (counted) this.callbacksAccepted++;
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

  /** The call figures of this line (or, from `combine`, of several). */
  figures(serviceLevelSeconds: number, sketch: QuantileSketch = this.holdSketch): CallFigures {
    const held = this.answered + this.abandoned + this.balked + this.closed + this.timedOut + this.callbacksAtTimeout;
    const window = this.window;
    // A transferred person was answered twice when served, and once when their transferred call
    // was lost (docs/design-decisions.md, "Transfers"): each transfer in takes one answer back,
    // and the person's own line counts them as giving up.
    const served = this.answered + this.callbacksConnected - this.transfersIn + this.transfersLostOn - this.transfersLostFrom;
    return {
      callers: {
        offered: this.offered,
        answered: this.answered,
        abandoned: this.abandoned,
        balked: this.balked,
        busy: this.busy,
        disconnected: this.disconnected,
        closed: this.closed,
        ...(window.timeouts ? { timedOut: this.timedOut } : {}),
      },
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
      serviceLevel: { seconds: serviceLevelSeconds, fraction: ratio(this.withinServiceLevel, held), fractionOfOffered: ratio(this.withinServiceLevel, this.offered) },
      speedOfAnswer: { meanSeconds: ratio(this.answeredHoldSum, this.answered) },
      abandonment: { fraction: ratio(this.abandoned + this.balked, held) },
      callback: {
        offered: this.callbacksOffered,
        accepted: this.callbacksAccepted,
        connected: this.callbacksConnected,
        failed: this.callbacksFailed,
        attempts: this.callbackAttempts,
        meanDelaySeconds: ratio(this.callbackDelaySum, this.callbacksConnected),
        ...(window.callbacksAtTimeout ? { atTimeout: this.callbacksAtTimeout } : {}),
      },
      // Every person's story has ended once the run has drained: those not served gave up.
      people: { offered: this.peopleOffered, served, gaveUp: this.peopleOffered - served },
      redials: { calls: this.redialCalls, afterClose: this.redialsAfterClose },
      ...(this.window.transfers ? { transfers: { in: this.transfersIn, out: this.transfersOut, lost: this.transfersLostOn } } : {}),
      holdDistribution: holdDistribution(this.holdBins),
    };
  }

  /** This line's report rows. */
  lineRows(): LineIntervalRow[] {
    const rows: LineIntervalRow[] = [];
    for (let i = 0; i < this.rows.length; i++) rows.push(this.lineRow(i));
    return rows;
  }

  /** Row `i` of this line's report. */
  lineRow(i: number): LineIntervalRow {
    const rows = this.rows;
    const window = this.window;
    const intervalStart = i * window.intervalSeconds;
    const intervalEnd = Math.min(window.durationSeconds, intervalStart + window.intervalSeconds);
    const held = rows.held[i]!;
    // Rows are object literals, one per kind of row, each field in its place: built field by
    // field, a row went through a dozen shapes, and compiling that cost more than the rows.
    return {
      line: this.name,
      intervalStart,
      intervalEnd,
      warmup: intervalStart < window.warmupSeconds,
      arrivals: rows.arrivals[i]!,
      answered: rows.answered[i]!,
      abandoned: rows.abandoned[i]!,
      balked: rows.balked[i]!,
      busy: rows.busy[i]!,
      disconnected: rows.disconnected[i]!,
      callbacksAccepted: rows.callbacksAccepted[i]!,
      meanHoldSeconds: ratio(rows.holdSum[i]!, held),
      serviceLevel: ratio(rows.withinServiceLevel[i]!, held),
      meanQueueLength: ratio(this.onHold.rows[i]!, intervalEnd - intervalStart),
    };
  }

  /** Row `i` of the center's report (these metrics being the lines' totals), with the groups' agent figures. */
  totalRow(i: number, agents: AgentIntervalFigures): IntervalRow {
    const rows = this.rows;
    const window = this.window;
    const intervalStart = i * window.intervalSeconds;
    const intervalEnd = Math.min(window.durationSeconds, intervalStart + window.intervalSeconds);
    const held = rows.held[i]!;
    return {
      intervalStart,
      intervalEnd,
      warmup: intervalStart < window.warmupSeconds,
      arrivals: rows.arrivals[i]!,
      answered: rows.answered[i]!,
      abandoned: rows.abandoned[i]!,
      balked: rows.balked[i]!,
      busy: rows.busy[i]!,
      disconnected: rows.disconnected[i]!,
      callbacksAccepted: rows.callbacksAccepted[i]!,
      meanHoldSeconds: ratio(rows.holdSum[i]!, held),
      serviceLevel: ratio(rows.withinServiceLevel[i]!, held),
      agentsScheduled: agents.agentsScheduled,
      agentsOnDuty: agents.agentsOnDuty,
      busyAgents: agents.busyAgents,
      occupancy: agents.occupancy,
      meanQueueLength: ratio(this.onHold.rows[i]!, intervalEnd - intervalStart),
    };
  }

  /** Adds another line's counts into this one (for the center's totals). */
  addAll(other: LineMetrics): void {
    for (const key of COUNTERS) this[key] += other[key];
    if (other.holdMax > this.holdMax) this.holdMax = other.holdMax;
    this.holdSketch.merge(other.holdSketch);
    for (let i = 0; i < this.holdBins.length; i++) this.holdBins[i]! += other.holdBins[i]!;
    for (const key of ROW_COUNTERS) {
      const to = this.rows[key];
      const from = other.rows[key];
      for (let i = 0; i < to.length; i++) to[i]! += from[i]!;
    }
    for (let i = 0; i < this.onHold.rows.length; i++) this.onHold.rows[i]! += other.onHold.rows[i]!;
  }
}

const COUNTERS = [
  'offered', 'answered', 'abandoned', 'balked', 'busy', 'disconnected', 'closed', 'timedOut', 'callbacksAtTimeout', 'waited', 'holdSum', 'answeredHoldSum', 'withinServiceLevel',
  'peopleOffered', 'redialCalls', 'redialsAfterClose', 'callbacksOffered', 'callbacksAccepted', 'callbacksConnected', 'callbacksFailed',
  'callbackAttempts', 'callbackDelaySum', 'transfersIn', 'transfersOut', 'transfersLostOn', 'transfersLostFrom',
] as const;
const ROW_COUNTERS = [
  'arrivals', 'answered', 'abandoned', 'balked', 'busy', 'disconnected', 'callbacksAccepted', 'held', 'holdSum', 'withinServiceLevel',
] as const;

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

export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}
