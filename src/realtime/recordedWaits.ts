import { predictors as classic, type Predictor } from './predictors';
import type { CenterSnapshot } from './snapshot';

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
}

/** Options of `scoreRecordedWaits()`. */
export interface RecordedWaitsOptions {
  /** The line whose callers are scored. */
  line: string;
  /** The agents who serve it (their calls of any line keep them busy); default every agent. */
  serves?: (agent: string) => boolean;
  /** The predictors; default queue length, last to enter service, head of line. */
  predictors?: Record<string, Predictor>;
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
 * @example
 * const calls = [];
 * for await (const call of readCallRecords('january.txt.gz', { format: 'bank' }).records()) calls.push(call);
 * scoreRecordedWaits(calls, { line: 'PS', serves: (agent) => !agent.startsWith('Z') }).scores;
 */
export function scoreRecordedWaits(calls: readonly RecordedCall[], options: RecordedWaitsOptions): RecordedWaits {
  const chosen: Record<string, Predictor> = options.predictors ?? classic;
  const names = Object.keys(chosen);
  const serves = options.serves ?? (() => true);
  const events: Array<[time: number, kind: number, call: number]> = [];
  calls.forEach((call, i) => {
    const answered = call.outcome === 'answered' && call.answeredAt !== undefined;
    if (call.line === options.line) {
      events.push([call.arrivedAt, ARRIVES, i]);
      const left = answered ? call.answeredAt : call.endedAt;
      if (left !== undefined) events.push([left, LEAVE_QUEUE, i]);
    }
    // A call that ended as it began never keeps an agent busy (nor could it be taken off again).
    if (answered && call.endedAt !== undefined && call.endedAt > call.answeredAt! && call.agent !== undefined && serves(call.agent)) {
      events.push([call.answeredAt!, CALL_STARTS, i], [call.endedAt, CALL_ENDS, i]);
    }
  });
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);

  const holding = new Set<number>();
  const inCall = new Set<number>();
  let lastServedWait: number | undefined;
  let handleSum = 0;
  let handled = 0;
  const errors = names.map(() => ({ n: 0, sum: 0, squares: 0, atOrBelow: 0 }));
  const waits: number[] = [];
  let censored = 0;
  // Callers arriving together join the queue once all of them have been scored.
  const joining: number[] = [];
  let joiningAt = -Infinity;
  for (const [time, kind, i] of events) {
    if (time > joiningAt) {
      for (const j of joining) holding.add(j);
      joining.length = 0;
    }
    const call = calls[i]!;
    if (kind === LEAVE_QUEUE) {
      if (holding.delete(i) && call.outcome === 'answered') lastServedWait = time - call.arrivedAt;
    } else if (kind === CALL_STARTS) {
      inCall.add(i);
    } else if (kind === CALL_ENDS) {
      if (inCall.delete(i)) {
        handleSum += time - call.answeredAt!;
        handled++;
      }
    } else {
      if (holding.size > 0 && inCall.size > 0) {
        if (call.outcome === 'answered' && call.answeredAt !== undefined) {
          const wait = call.answeredAt - call.arrivedAt;
          const snapshot = snapshotAt(time, calls, holding, inCall, lastServedWait);
          const context = { meanHandleSeconds: handled > 0 ? handleSum / handled : NaN };
          waits.push(wait);
          names.forEach((name, p) => {
            const announced = chosen[name]!(snapshot, context);
            if (!Number.isFinite(announced)) return;
            const tally = errors[p]!;
            tally.n++;
            tally.sum += announced - wait;
            tally.squares += (announced - wait) ** 2;
            if (wait <= announced) tally.atOrBelow++;
          });
        } else censored++;
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
  return { scores, censored, waits };
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
