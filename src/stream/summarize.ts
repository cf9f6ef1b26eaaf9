import type { OperatorFunction } from 'rxjs';
import { Observable } from './rx';
import { CenterMetrics, type MetricsWindow, type Report } from '../metrics';
import type { SimEvent } from './events';
import { OptionsError } from '../errors';

/**
 * Reduces a stream of `SimEvent`s to the run's `Report`, emitted when the stream completes:
 * the same report `run()` gives for the same scenario and seed, from the events alone.
 *
 * @example
 * const report = await lastValueFrom(simulate(scenario).pipe(summarize()));
 * @see intervals
 */
export function summarize(): OperatorFunction<SimEvent, Report> {
  return reduceToReport((report) => [report]);
}

/**
 * Reduces a stream of `SimEvent`s to tidy per-interval rows of `seconds` each (default: the
 * scenario's own intervals), emitted one by one when the stream completes: ready for a chart,
 * a CSV file or a dataframe.
 *
 * @example
 * const rows = await lastValueFrom(simulate(scenario).pipe(intervals(900), toArray()));
 * @see summarize
 */
export function intervals(seconds?: number): OperatorFunction<SimEvent, Report['intervals'][number]> {
  if (seconds !== undefined && !(seconds > 0 && Number.isFinite(seconds))) {
    throw new OptionsError('intervals', [{ path: 'seconds', expected: 'a number > 0', received: seconds }]);
  }
  return reduceToReport((report) => report.intervals, seconds);
}

/** What the stream has told of a person's current call. */
interface Call {
  arrivalTime: number;
  /** Since when an agent has been busy with the call (answered, or dialing), NaN before. */
  agentBusySince: number;
  line: number;
  attempt: number;
  counted: boolean;
  /** On a transferred call: the line it came from. */
  fromLine?: number;
}

function reduceToReport<T>(
  pick: (report: Report) => readonly T[],
  intervalSeconds?: number,
): OperatorFunction<SimEvent, T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let reducer: Reducer | undefined;
      let lastTime = 0;
      return source.subscribe({
        next(event) {
          lastTime = event.time;
          if (event.type === 'run-started') {
            const window: MetricsWindow = intervalSeconds === undefined ? event.window : { ...event.window, intervalSeconds };
            reducer = new Reducer(window);
            return;
          }
          if (!reducer) {
            subscriber.error(new Error('summarize: the stream did not start with a run-started event'));
            return;
          }
          reducer.apply(event);
        },
        error: (error: unknown) => subscriber.error(error),
        complete() {
          if (!reducer) {
            subscriber.error(new Error('summarize: the stream ended before a run-started event'));
            return;
          }
          for (const item of pick(reducer.metrics.report(lastTime))) subscriber.next(item);
          subscriber.complete();
        },
      });
    });
}

/**
 * Feeds events to the metrics. Events carry names and waits; the metrics count calls by
 * arrival and people by their first call, so the calls in progress are kept, and a person sent
 * away is kept while their line lets them call again.
 */
class Reducer {
  readonly metrics: CenterMetrics;
  private readonly calls = new Map<number, Call>();
  /** The call that ended last: a `transferred` event of its caller follows at once. */
  private ended: { callerId: number; call: Call } | undefined;
  private readonly lineIndex = new Map<string, number>();
  private readonly groupIndex = new Map<string, number>();

  constructor(private readonly window: MetricsWindow) {
    this.metrics = new CenterMetrics(window);
    window.lines.forEach((line, i) => this.lineIndex.set(line.name, i));
    window.groups.forEach((group, i) => this.groupIndex.set(group, i));
  }

  apply(event: Exclude<SimEvent, { type: 'run-started' }>): void {
    const metrics = this.metrics;
    if (event.type === 'run-ended') return;
    if (event.type === 'agents-changed') {
      metrics.agentsChanged(event.time, event.scheduled, event.onDuty, this.group(event.group));
      return;
    }
    const { time, callerId } = event;
    if (event.type === 'arrival') {
      const line = this.line(event.line);
      const earlier = this.calls.get(callerId);
      const counted = earlier ? earlier.counted : time >= this.window.warmupSeconds && time < this.window.durationSeconds;
      this.calls.set(callerId, { arrivalTime: time, agentBusySince: NaN, line, attempt: event.attempt, counted });
      metrics.arrival(time, callerId, line, event.attempt, counted);
      return;
    }
    if (event.type === 'transferred') {
      const from = this.ended?.callerId === callerId ? this.ended.call : undefined;
      const line = this.line(event.line);
      const fromLine = this.line(event.fromLine);
      const counted = from ? from.counted : false;
      this.calls.set(callerId, { arrivalTime: time, agentBusySince: NaN, line, attempt: (from?.attempt ?? 1) + 1, counted, fromLine });
      metrics.transferred(time, callerId, line, fromLine, this.group(event.group), counted);
      return;
    }
    const call = this.calls.get(callerId);
    const arrivalTime = call ? call.arrivalTime : NaN;
    const line = call ? call.line : this.line(event.line);
    const counted = call ? call.counted : false;
    switch (event.type) {
      case 'answered':
        if (call) call.agentBusySince = time;
        return metrics.answered(time, callerId, arrivalTime, line, this.group(event.group), counted);
      case 'abandoned':
        metrics.abandoned(time, callerId, arrivalTime, line, counted);
        return this.sentAway(time, callerId, call);
      case 'balked':
        metrics.balked(time, callerId, arrivalTime, event.estimatedWaitSeconds, line, counted);
        return this.sentAway(time, callerId, call);
      case 'busy':
        metrics.busySignal(time, callerId, arrivalTime, line, counted);
        return this.sentAway(time, callerId, call);
      case 'disconnected':
        metrics.disconnected(time, callerId, arrivalTime, line, counted);
        return this.sentAway(time, callerId, call);
      case 'call-ended':
        metrics.callEnded(time, callerId, line, this.group(event.group), call ? call.agentBusySince : time);
        if (call) this.ended = { callerId, call };
        this.calls.delete(callerId);
        return;
      case 'wrap-up-ended':
        return metrics.wrapUpEnded(time, callerId, line, this.group(event.group), event.wrapUpSeconds);
      case 'callback-offered':
        return metrics.callbackOffered(time, callerId, arrivalTime, event.estimatedWaitSeconds, line, counted);
      case 'callback-accepted':
        return metrics.callbackAccepted(time, callerId, arrivalTime, line, counted);
      case 'callback-dialed':
        if (call) call.agentBusySince = time;
        return metrics.callbackDialed(time, callerId, arrivalTime, event.attempt, line, this.group(event.group), counted);
      case 'callback-connected':
        return metrics.callbackConnected(time, callerId, arrivalTime, line, this.group(event.group), counted);
      case 'callback-unanswered':
        return metrics.callbackUnanswered(time, callerId, arrivalTime, event.attempt, line, this.group(event.group), counted, call ? call.agentBusySince : time);
      case 'callback-failed':
        metrics.callbackFailed(time, callerId, arrivalTime, line, counted);
        this.calls.delete(callerId);
        return;
      case 'closed':
        metrics.closed(time, callerId, arrivalTime, line, counted);
        if (call?.fromLine !== undefined) metrics.transferLost(time, callerId, line, call.fromLine, counted);
        this.calls.delete(callerId);
        return;
      case 'redial-after-close':
        metrics.redialAfterClose(time, callerId, line, counted);
        this.calls.delete(callerId);
        return;
    }
  }

  // A person sent away is forgotten once their line lets them call no more (or after a transferred call, their last).
  private sentAway(time: number, callerId: number, call: Call | undefined): void {
    if (call?.fromLine !== undefined) {
      this.metrics.transferLost(time, callerId, call.line, call.fromLine, call.counted);
      this.calls.delete(callerId);
    } else if (!call || call.attempt >= this.window.lines[call.line]!.maxCalls) {
      this.calls.delete(callerId);
    }
  }

  private line(name: string): number {
    return this.lineIndex.get(name) ?? 0;
  }

  private group(name: string): number {
    return this.groupIndex.get(name) ?? 0;
  }
}
