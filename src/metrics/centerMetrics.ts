import { GroupMetrics, agentRowFigures, occupancy } from './groupMetrics';
import { LineMetrics, ratio } from './lineMetrics';
import type { GroupIntervalRow, GroupReport, IntervalRow, LineReport, Report } from './report';
import type { MetricsWindow } from './window';

/**
 * Streaming accumulators for one run: it hears what happens in the center, in time order, and
 * keeps counts, sums, quantile sketches, time integrals and per-interval rows for each line and
 * each group, never a list of callers; the center's totals add them up when the report is made.
 * Its methods take plain numbers so that the fast path allocates nothing per event.
 *
 * Calls are counted when the person's first call arrived in [warmupSeconds, durationSeconds)
 * (the model says so with `counted`); time-averaged figures (occupancy, queue length) cover the
 * same window. Rows attribute a call to the interval of its arrival, as contact centers report
 * them, and cover warm-up intervals too.
 */
export class CenterMetrics {
  private readonly lines: LineMetrics[];
  private readonly groups: GroupMetrics[];
  private readonly rowCount: number;

  constructor(private readonly window: MetricsWindow) {
    this.rowCount = Math.max(1, Math.ceil(window.durationSeconds / window.intervalSeconds));
    this.lines = window.lines.map((line) => new LineMetrics(line.name, line.serviceLevelSeconds, window, this.rowCount));
    this.groups = window.groups.map((name) => new GroupMetrics(name, window, this.rowCount));
  }

  arrival(time: number, _callerId: number, line: number, attempt: number, counted: boolean): void {
    this.lines[line]!.recordArrival(time, attempt, counted);
  }

  /** A caller reaches an agent (at once or after waiting). */
  answered(time: number, _callerId: number, arrivalTime: number, line: number, group: number, counted: boolean): void {
    this.lines[line]!.recordAnswered(time, arrivalTime, counted);
    if (counted) this.groups[group]!.answeredByLine[line]!++;
  }

  abandoned(time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.lines[line]!.recordAbandoned(time, arrivalTime, counted);
  }

  balked(_time: number, _callerId: number, arrivalTime: number, _estimatedWaitSeconds: number, line: number, counted: boolean): void {
    this.lines[line]!.recordBalked(arrivalTime, counted);
  }

  busySignal(_time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.lines[line]!.recordSentAway(arrivalTime, counted, true);
  }

  disconnected(_time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.lines[line]!.recordSentAway(arrivalTime, counted, false);
  }

  /** An agent finishes a call (an answered caller's or a connected callback's), busy since `agentBusySince`. */
  callEnded(time: number, _callerId: number, line: number, group: number, agentBusySince: number): void {
    this.groups[group]!.addBusy(line, agentBusySince, time);
  }

  /** An agent finishes wrapping up a call that ended `wrapUpSeconds` ago: busy, and counted apart as wrap-up. */
  wrapUpEnded(time: number, _callerId: number, line: number, group: number, wrapUpSeconds: number): void {
    const metrics = this.groups[group]!;
    // From the seconds, as summarize() has them from the event, so that both give the same sums.
    const since = time - wrapUpSeconds;
    metrics.addBusy(line, since, time);
    metrics.wrapUp!.add(since, time);
  }

  /** A call `fromLine` answered goes on to `line`: a call of that line from now on. */
  transferred(time: number, _callerId: number, line: number, fromLine: number, _group: number, counted: boolean): void {
    this.lines[line]!.recordTransferIn(time, counted);
    if (counted) this.lines[fromLine]!.transfersOut++;
  }

  /** The transferred call ended without an agent: the person, of `fromLine`'s calls, gave up. */
  transferLost(_time: number, _callerId: number, line: number, fromLine: number, counted: boolean): void {
    if (!counted) return;
    this.lines[line]!.transfersLostOn++;
    this.lines[fromLine]!.transfersLostFrom++;
  }

  agentsChanged(time: number, scheduled: number, onDuty: number, group: number): void {
    const metrics = this.groups[group]!;
    metrics.scheduled.set(time, scheduled);
    metrics.onDuty.set(time, onDuty);
  }

  callbackOffered(_time: number, _callerId: number, _arrivalTime: number, _estimatedWaitSeconds: number, line: number, counted: boolean): void {
    if (counted) this.lines[line]!.callbacksOffered++;
  }

  /** The caller takes the offer and hangs up: their hold ends at 0 and they are not a caller who held. */
  callbackAccepted(_time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.lines[line]!.recordCallbackAccepted(arrivalTime, counted);
  }

  /** An agent starts dialing a callback request: busy while dialing (counted when the dial or its call ends). */
  callbackDialed(_time: number, _callerId: number, _arrivalTime: number, _attempt: number, line: number, _group: number, counted: boolean): void {
    if (counted) this.lines[line]!.callbackAttempts++;
  }

  /** The caller answered the dial; the agent goes on to the call (ended by `callEnded`). */
  callbackConnected(time: number, _callerId: number, arrivalTime: number, line: number, _group: number, counted: boolean): void {
    if (!counted) return;
    const metrics = this.lines[line]!;
    metrics.callbacksConnected++;
    metrics.callbackDelaySum += time - arrivalTime;
  }

  /** Nobody answered the dial: the agent is free again. */
  callbackUnanswered(
    time: number, _callerId: number, _arrivalTime: number, _attempt: number, line: number, group: number, _counted: boolean, agentBusySince: number,
  ): void {
    this.groups[group]!.addBusy(line, agentBusySince, time);
  }

  /** The request's last allowed dial went unanswered. */
  callbackFailed(_time: number, _callerId: number, _arrivalTime: number, line: number, counted: boolean): void {
    if (counted) this.lines[line]!.callbacksFailed++;
  }

  closed(time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean): void {
    this.lines[line]!.recordClosed(time, arrivalTime, counted);
  }

  redialAfterClose(_time: number, _callerId: number, line: number, counted: boolean): void {
    if (counted) this.lines[line]!.redialsAfterClose++;
  }

  /** The caller's wait reached the line's maximum: a message ended the call, or a callback request took its place. */
  timedOut(time: number, _callerId: number, arrivalTime: number, line: number, counted: boolean, toCallback: boolean): void {
    this.lines[line]!.recordTimedOut(time, arrivalTime, counted, toCallback);
  }

  /**
   * The report of the run that ended at `time`. Its rows are built in loops of methods, not by
   * closures made per report: V8 compiled such a closure again in every run of a process.
   */
  report(time: number): Report {
    const window = this.window;
    const end = Math.max(time, window.durationSeconds);
    for (const group of this.groups) group.finish(end);

    const total = new LineMetrics('', window.serviceLevelSeconds, window, this.rowCount);
    for (const line of this.lines) total.addAll(line);
    let busySeconds = 0;
    let wrapUpSeconds = 0;
    let onDutySeconds = 0;
    for (const group of this.groups) {
      busySeconds += group.busy.windowSum;
      wrapUpSeconds += group.wrapUp ? group.wrapUp.windowSum : 0;
      onDutySeconds += group.onDuty.windowSum;
    }
    const lines: Record<string, LineReport> = {};
    for (const line of this.lines) {
      lines[line.name] = {
        ...line.figures(line.serviceLevelSeconds),
        intervals: line.lineRows(),
      };
    }
    const groups: Record<string, GroupReport> = {};
    for (const group of this.groups) groups[group.name] = this.groupReport(group);

    const { holdDistribution, people, redials, ...figures } = total.figures(window.serviceLevelSeconds);
    return {
      ...figures,
      agents: window.afterCallWork
        ? { occupancy: occupancy(busySeconds, onDutySeconds), wrapUpOccupancy: occupancy(wrapUpSeconds, onDutySeconds) }
        : { occupancy: occupancy(busySeconds, onDutySeconds) },
      intervals: this.totalRows(total),
      holdDistribution,
      people,
      redials,
      lines,
      groups,
    };
  }

  private totalRows(total: LineMetrics): IntervalRow[] {
    const window = this.window;
    // The groups' integrals summed per row first, in plain loops: one function building the
    // rows and iterating the groups took V8 over 20 ms to compile, for 30 ms of report.
    const busy = new Float64Array(this.rowCount);
    const onDuty = new Float64Array(this.rowCount);
    const scheduled = new Float64Array(this.rowCount);
    for (const group of this.groups) {
      for (let i = 0; i < this.rowCount; i++) {
        busy[i]! += group.busy.rows[i]!;
        onDuty[i]! += group.onDuty.rows[i]!;
        scheduled[i]! += group.scheduled.rows[i]!;
      }
    }
    const rows: IntervalRow[] = [];
    for (let i = 0; i < this.rowCount; i++) {
      const intervalStart = i * window.intervalSeconds;
      const span = Math.min(window.durationSeconds, intervalStart + window.intervalSeconds) - intervalStart;
      rows.push(total.totalRow(i, agentRowFigures(busy[i]!, onDuty[i]!, scheduled[i]!, span)));
    }
    return rows;
  }

  private groupReport(group: GroupMetrics): GroupReport {
    const window = this.window;
    const answered: Record<string, number> = {};
    const occupancyByLine: Record<string, number> = {};
    window.lines.forEach((line, i) => {
      answered[line.name] = group.answeredByLine[i]!;
      occupancyByLine[line.name] = occupancy(group.busyByLine[i]!, group.onDuty.windowSum);
    });
    const intervals: GroupIntervalRow[] = [];
    for (let i = 0; i < this.rowCount; i++) {
      const intervalStart = i * window.intervalSeconds;
      const intervalEnd = Math.min(window.durationSeconds, intervalStart + window.intervalSeconds);
      const agents = agentRowFigures(group.busy.rows[i]!, group.onDuty.rows[i]!, group.scheduled.rows[i]!, intervalEnd - intervalStart);
      intervals.push({
        group: group.name,
        intervalStart,
        intervalEnd,
        warmup: intervalStart < window.warmupSeconds,
        agentsScheduled: agents.agentsScheduled,
        agentsOnDuty: agents.agentsOnDuty,
        busyAgents: agents.busyAgents,
        occupancy: agents.occupancy,
      });
    }
    return {
      occupancy: occupancy(group.busy.windowSum, group.onDuty.windowSum),
      ...(group.wrapUp ? { wrapUpOccupancy: occupancy(group.wrapUp.windowSum, group.onDuty.windowSum) } : {}),
      occupancyByLine,
      agentsOnDuty: ratio(group.onDuty.windowSum, window.durationSeconds - window.warmupSeconds),
      answered,
      intervals,
    };
  }
}
