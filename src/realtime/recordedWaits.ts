import { predictors as classic, type Predictor } from './predictors';
import type { CenterSnapshot } from './snapshot';
import type { WaitForecast } from './types';

/** One call as a center's records give it (a `CallRecord` of queuecast/node's readers will do); times in seconds. */
export interface RecordedCall {
  line: string;
  arrivedAt: number;
  outcome: 'answered' | 'abandoned' | string;
  /** When an agent picked up (answered calls). */
  answeredAt?: number | undefined;
  /** When the call ended, or when the caller hung up. */
  endedAt?: number | undefined;
  agent?: string | undefined;
}

/**
 * The center as the records show it when a caller of the scored line arrives behind someone on
 * hold: indexes into the calls given, every line and every agent (not only the scored line's
 * view that the classic predictors see).
 */
export interface RecordedMoment {
  time: number;
  /** The caller arriving. */
  caller: number;
  /** Callers on hold, every line, longest-waiting first (arrived earlier, not yet answered or gone). */
  holding: ReadonlySet<number>;
  /** Calls in progress, every agent. */
  inCall: ReadonlySet<number>;
}

/**
 * A forecast of the caller's wait made from the moment (the model's own, `forecastWait`):
 * undefined leaves the caller out (a sample of the arrivals, a line the forecaster lacks).
 */
export type RecordedForecaster = (moment: RecordedMoment, calls: readonly RecordedCall[]) => Pick<WaitForecast, 'meanSeconds' | 'p50Seconds' | 'p90Seconds'> | undefined;

/** How a forecaster's mean, median and 90th percentile met the waits recorded. */
export interface RecordedForecastScore {
  /** Answered callers forecast: the mean's RMSE and mean error, and the shares at or below the median and p90, are over them. */
  callers: number;
  rmseSeconds: number;
  meanErrorSeconds: number;
  atOrBelowMedianShare: number;
  atOrBelowP90Share: number;
  /**
   * The censored callers forecast too (they hung up): each counts at or below a quantile when
   * they were answered by it (never), above it when they held past it, and unknown otherwise.
   * The shares over answered and censored together lie between `low` (unknown taken as above)
   * and `high` (unknown taken as at or below).
   */
  withCensored: { callers: number; median: { low: number; high: number }; p90: { low: number; high: number } };
}

/** How one predictor's announcements met the waits recorded. */
export interface RecordedScore {
  name: string;
  /** Callers scored: answered after arriving behind someone on hold. */
  callers: number;
  rmseSeconds: number;
  /** Mean of announced − recorded: positive when it over-announces. */
  meanErrorSeconds: number;
  /** Share of the callers whose recorded wait was at or below the announcement. */
  atOrBelowShare: number;
}

/** What `scoreRecordedWaits` found: the scores, and the callers left out. */
export interface RecordedWaits {
  scores: RecordedScore[];
  /** Callers who arrived behind someone on hold and hung up: their wait is censored (known only to exceed the time they held), so they are not scored. */
  censored: number;
  /** The recorded waits of the callers scored, in arrival order. */
  waits: number[];
  /** The forecaster's score, when one is given. */
  forecast?: RecordedForecastScore;
}

/** Options of `scoreRecordedWaits()`. */
export interface RecordedWaitsOptions {
  /** The line whose callers are scored. */
  line: string;
  /** The agents who serve it (their calls of any line keep them busy); default every agent. */
  serves?: (agent: string) => boolean;
  /** The predictors; default queue length, last to enter service, head of line. */
  predictors?: Record<string, Predictor>;
  /** A forecaster scored on the same callers (and on the censored ones, as bounds), from the whole center's state. */
  forecast?: RecordedForecaster;
}

// At one time: callers leave the queue and calls end or start first, then the callers arriving
// are scored, then they join the queue (someone arriving at t is not on hold for another one
// arriving at t).
const LEAVE_QUEUE = 0;
const CALL_ENDS = 1;
const CALL_STARTS = 2;
const ARRIVES = 3;

/**
 * Replays a center's call records as the snapshots a live center would have taken, and scores
 * the classic predictors against the waits its callers really had (DESIGN.md, "Real time"). At
 * each arrival on `line` behind someone already on hold (so the caller surely waits), the
 * snapshot holds that line's callers on hold with their waits so far, the agents seen in a
 * call (`serves`) with their elapsed times, taken as the agents on duty (the records do not
 * say who was on duty; with someone on hold an agent on duty is busy), and the wait of the
 * line's last caller to reach an agent (LES); the queue-length predictor's mean handle is that
 * of the calls ended so far. A caller later answered scores each predictor; one who hung up is
 * censored and counted apart.
 *
 * A `forecast` (the model's own, `forecastWait` from a snapshot of the whole center: every
 * line's callers on hold, every agent's calls) is scored on the same callers: its mean by RMSE,
 * its median and p90 by the share of answered callers at or below them, and the censored
 * callers as bounds on those shares (one who held past a quantile was above it; one who hung up
 * before it, unknown).
 *
 * @example
 * const calls = [];
 * for await (const call of readCallRecords('january.txt.gz', { format: 'bank' }).records()) calls.push(call);
 * scoreRecordedWaits(calls, { line: 'PS', serves: (agent) => !agent.startsWith('Z') }).scores;
 */
export function scoreRecordedWaits(calls: readonly RecordedCall[], options: RecordedWaitsOptions): RecordedWaits {
  const chosen: Record<string, Predictor> = options.predictors ?? classic;
  const names = Object.keys(chosen);
  const serves = options.serves ?? (() => true);
  const forecast = options.forecast;
  const events: Array<[time: number, kind: number, call: number]> = [];
  calls.forEach((call, i) => {
    const answered = call.outcome === 'answered' && call.answeredAt !== undefined;
    // The forecaster sees every line's queue; the classic predictors only the scored line's.
    if (call.line === options.line || forecast) {
      events.push([call.arrivedAt, ARRIVES, i]);
      const left = answered ? call.answeredAt : call.endedAt;
      if (left !== undefined) events.push([left, LEAVE_QUEUE, i]);
    }
    // A call that ended as it began never keeps an agent busy (nor could it be taken off again).
    if (answered && call.endedAt !== undefined && call.endedAt > call.answeredAt! && call.agent !== undefined && (forecast || serves(call.agent))) {
      events.push([call.answeredAt!, CALL_STARTS, i], [call.endedAt, CALL_ENDS, i]);
    }
  });
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);

  const holding = new Set<number>();
  const inCall = new Set<number>();
  // Every line's callers on hold and every agent's calls, for the forecaster.
  const holdingAll = new Set<number>();
  const inCallAll = new Set<number>();
  let lastServedWait: number | undefined;
  let handleSum = 0;
  let handled = 0;
  const errors = names.map(() => ({ n: 0, sum: 0, squares: 0, atOrBelow: 0 }));
  const forecastTally = new ForecastTally();
  const waits: number[] = [];
  let censored = 0;
  // Callers arriving together join the queue once all of them have been scored.
  const joining: number[] = [];
  let joiningAt = -Infinity;
  for (const [time, kind, i] of events) {
    if (time > joiningAt) {
      for (const j of joining) {
        holdingAll.add(j);
        if (calls[j]!.line === options.line) holding.add(j);
      }
      joining.length = 0;
    }
    const call = calls[i]!;
    const own = call.line === options.line;
    if (kind === LEAVE_QUEUE) {
      holdingAll.delete(i);
      if (holding.delete(i) && call.outcome === 'answered') lastServedWait = time - call.arrivedAt;
    } else if (kind === CALL_STARTS) {
      inCallAll.add(i);
      if (serves(call.agent!)) inCall.add(i);
    } else if (kind === CALL_ENDS) {
      inCallAll.delete(i);
      if (inCall.delete(i)) {
        handleSum += time - call.answeredAt!;
        handled++;
      }
    } else {
      if (own && holding.size > 0 && inCall.size > 0) {
        const answered = call.outcome === 'answered' && call.answeredAt !== undefined;
        const announced = forecast?.({ time, caller: i, holding: holdingAll, inCall: inCallAll }, calls);
        if (answered) {
          const wait = call.answeredAt! - call.arrivedAt;
          const snapshot = snapshotAt(time, calls, holding, inCall, lastServedWait);
          const context = { meanHandleSeconds: handled > 0 ? handleSum / handled : NaN };
          waits.push(wait);
          names.forEach((name, p) => {
            const announcement = chosen[name]!(snapshot, context);
            if (!Number.isFinite(announcement)) return;
            const tally = errors[p]!;
            tally.n++;
            tally.sum += announcement - wait;
            tally.squares += (announcement - wait) ** 2;
            if (wait <= announcement) tally.atOrBelow++;
          });
          if (announced) forecastTally.answered(announced, wait);
        } else {
          censored++;
          // Hung up after holding this long (or unknown: nothing is learnt from them).
          if (announced) forecastTally.censored(announced, call.endedAt === undefined ? 0 : call.endedAt - call.arrivedAt);
        }
      }
      // A caller who left the queue as they came (or whose leaving is not recorded) is not on hold.
      const left = call.outcome === 'answered' ? call.answeredAt : call.endedAt;
      if (left !== undefined && left > time) {
        joining.push(i);
        joiningAt = time;
      }
    }
  }
  const scores = names.map((name, p) => {
    const { n, sum, squares, atOrBelow } = errors[p]!;
    return { name, callers: n, rmseSeconds: Math.sqrt(squares / n), meanErrorSeconds: sum / n, atOrBelowShare: atOrBelow / n };
  });
  return { scores, censored, waits, ...(forecast ? { forecast: forecastTally.score() } : {}) };
}

// The forecaster's errors and coverage: answered callers exactly; censored ones, whose wait is
// known only to exceed how long they held, as above a quantile they held past, else unknown.
class ForecastTally {
  private n = 0;
  private sum = 0;
  private squares = 0;
  private belowMedian = 0;
  private belowP90 = 0;
  private censoredN = 0;
  private aboveMedian = 0;
  private aboveP90 = 0;

  answered(forecast: Pick<WaitForecast, 'meanSeconds' | 'p50Seconds' | 'p90Seconds'>, wait: number): void {
    this.n++;
    this.sum += forecast.meanSeconds - wait;
    this.squares += (forecast.meanSeconds - wait) ** 2;
    if (wait <= forecast.p50Seconds) this.belowMedian++;
    if (wait <= forecast.p90Seconds) this.belowP90++;
  }

  censored(forecast: Pick<WaitForecast, 'p50Seconds' | 'p90Seconds'>, held: number): void {
    this.censoredN++;
    if (held > forecast.p50Seconds) this.aboveMedian++;
    if (held > forecast.p90Seconds) this.aboveP90++;
  }

  score(): RecordedForecastScore {
    const all = this.n + this.censoredN;
    const bounds = (below: number, above: number) => ({ low: below / all, high: (all - (this.n - below) - above) / all });
    return {
      callers: this.n,
      rmseSeconds: Math.sqrt(this.squares / this.n),
      meanErrorSeconds: this.sum / this.n,
      atOrBelowMedianShare: this.belowMedian / this.n,
      atOrBelowP90Share: this.belowP90 / this.n,
      withCensored: { callers: all, median: bounds(this.belowMedian, this.aboveMedian), p90: bounds(this.belowP90, this.aboveP90) },
    };
  }
}

// The line's view at `time`: its callers on hold longest first (a Set keeps arrival order, as
// they were added in it), the agents in a call, all of them taken as on duty.
function snapshotAt(time: number, calls: readonly RecordedCall[], holding: Set<number>, inCall: Set<number>, lastServedWait: number | undefined): CenterSnapshot {
  const hold: CenterSnapshot['hold'] = [];
  for (const i of holding) hold.push({ waitedSeconds: time - calls[i]!.arrivedAt });
  const busy: CenterSnapshot['busy'] = [];
  for (const i of inCall) busy.push({ elapsedSeconds: time - calls[i]!.answeredAt! });
  return { agents: busy.length, busy, hold, callbacks: [], ...(lastServedWait === undefined ? {} : { lastServedWaitSeconds: lastServedWait }) };
}
