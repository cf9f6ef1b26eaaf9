import type { AgentIntervalFigures } from './report';
import { SpanSums } from './spanSums';
import { StepIntegral } from './stepIntegral';
import type { MetricsWindow } from './window';
import { ratio } from './lineMetrics';

/** One agent group's time integrals (busy, on duty, scheduled) and its counted answers by line. */
export class GroupMetrics {
  /** Busy agent-seconds: each call's, dial's or wrap-up's span, added when it ends. */
  readonly busy: SpanSums;
  /** Of those, the wrap-up agent-seconds (after-call work); undefined when no call is wrapped up. */
  readonly wrapUp: SpanSums | undefined;
  readonly onDuty: StepIntegral;
  readonly scheduled: StepIntegral;
  /** Counted calls answered, by line index. */
  readonly answeredByLine: Float64Array;
  /** Busy agent-seconds in the counted window (talk, dialing, wrap-up), by the line of the call. */
  readonly busyByLine: Float64Array;
  private readonly from: number;
  private readonly to: number;

  constructor(
    readonly name: string,
    window: MetricsWindow,
    rowCount: number,
  ) {
    const integral = () => new StepIntegral(rowCount, window.intervalSeconds, window.warmupSeconds, window.durationSeconds);
    this.busy = new SpanSums(rowCount, window.intervalSeconds, window.warmupSeconds, window.durationSeconds);
    this.wrapUp = window.afterCallWork ? new SpanSums(rowCount, window.intervalSeconds, window.warmupSeconds, window.durationSeconds) : undefined;
    this.onDuty = integral();
    this.scheduled = integral();
    this.answeredByLine = new Float64Array(window.lines.length);
    this.busyByLine = new Float64Array(window.lines.length);
    // Created holding doubles, as they may (docs/design-decisions.md, "Fields that hold seconds start as doubles").
    this.from = this.to = 0.5;
    this.from = window.warmupSeconds;
    this.to = window.durationSeconds;
  }

  /** An agent was busy with a call of `line` from `since` to `time`: its counted part goes to the line. */
  addBusy(line: number, since: number, time: number): void {
    this.busy.add(since, time);
    const from = since > this.from ? since : this.from;
    const to = time < this.to ? time : this.to;
    if (to > from) this.busyByLine[line]! += to - from;
  }

  finish(time: number): void {
    this.onDuty.finish(time);
    this.scheduled.finish(time);
  }
}

/** Agent figures of row `i` from integrals summed over one or more groups. */
export function agentRowFigures(busy: number, onDuty: number, scheduled: number, span: number): AgentIntervalFigures {
  return {
    agentsScheduled: ratio(scheduled, span),
    agentsOnDuty: ratio(onDuty, span),
    busyAgents: ratio(busy, span),
    occupancy: occupancy(busy, onDuty),
  };
}

/**
 * busy / on duty. Busy agents never outnumber those on duty, but the two integrals are summed
 * at different instants, so rounding could put the ratio a few ulps above 1: it is capped.
 */
export function occupancy(busySeconds: number, onDutySeconds: number): number {
  return Math.min(1, ratio(busySeconds, onDutySeconds));
}
