import { Observable, type OperatorFunction } from 'rxjs';
import { CenterMetrics, type MetricsWindow, type Report } from '../metrics';
import type { SimEvent } from './events';

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
    throw new RangeError(`intervals: seconds must be a number > 0, got ${seconds}`);
  }
  return reduceToReport((report) => report.intervals, seconds);
}

function reduceToReport<T>(
  pick: (report: Report) => readonly T[],
  intervalSeconds?: number,
): OperatorFunction<SimEvent, T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let metrics: CenterMetrics | undefined;
      let lastTime = 0;
      // Arrival times of the callers still without an outcome: events carry waits, and the
      // metrics count callers by arrival.
      const arrivals = new Map<number, number>();
      const arrivalOf = (callerId: number) => arrivals.get(callerId) ?? NaN;
      return source.subscribe({
        next(event) {
          lastTime = event.time;
          if (event.type === 'run-started') {
            const window: MetricsWindow = intervalSeconds === undefined ? event.window : { ...event.window, intervalSeconds };
            metrics = new CenterMetrics(window);
            return;
          }
          if (!metrics) {
            subscriber.error(new Error('summarize: the stream did not start with a run-started event'));
            return;
          }
          apply(metrics, event, arrivals, arrivalOf);
        },
        error: (error: unknown) => subscriber.error(error),
        complete() {
          if (!metrics) {
            subscriber.error(new Error('summarize: the stream ended before a run-started event'));
            return;
          }
          for (const item of pick(metrics.report(lastTime))) subscriber.next(item);
          subscriber.complete();
        },
      });
    });
}

function apply(
  metrics: CenterMetrics,
  event: Exclude<SimEvent, { type: 'run-started' }>,
  arrivals: Map<number, number>,
  arrivalOf: (callerId: number) => number,
): void {
  switch (event.type) {
    case 'arrival':
      arrivals.set(event.callerId, event.time);
      return metrics.arrival(event.time, event.callerId);
    case 'answered':
      metrics.answered(event.time, event.callerId, arrivalOf(event.callerId));
      arrivals.delete(event.callerId);
      return;
    case 'abandoned':
      metrics.abandoned(event.time, event.callerId, arrivalOf(event.callerId));
      arrivals.delete(event.callerId);
      return;
    case 'call-ended':
      return metrics.callEnded(event.time, event.callerId);
    case 'agents-changed':
      return metrics.agentsChanged(event.time, event.scheduled, event.onDuty);
    case 'callback-offered':
      return metrics.callbackOffered(event.time, event.callerId, arrivalOf(event.callerId));
    case 'callback-accepted':
      return metrics.callbackAccepted(event.time, event.callerId, arrivalOf(event.callerId));
    case 'callback-dialed':
      return metrics.callbackDialed(event.time, event.callerId, arrivalOf(event.callerId));
    case 'callback-connected':
      metrics.callbackConnected(event.time, event.callerId, arrivalOf(event.callerId));
      arrivals.delete(event.callerId);
      return;
    case 'callback-unanswered':
      return metrics.callbackUnanswered(event.time, event.callerId, arrivalOf(event.callerId));
    case 'callback-failed':
      metrics.callbackFailed(event.time, event.callerId, arrivalOf(event.callerId));
      arrivals.delete(event.callerId);
      return;
    case 'run-ended':
      return;
  }
}
