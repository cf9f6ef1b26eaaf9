import type { OperatorFunction } from 'rxjs';
import { Observable } from './rx';
import { CenterMetrics, type MetricsWindow, type Report } from '../metrics';
import type { SimEvent } from './events';
import { InvalidInputError, OptionsError } from '../errors';
import { EventReplayer } from './eventReplayer';

/**
 * Reduces a stream of `SimEvent`s to the run's `Report`, emitted when the stream completes:
 * the same report `run()` gives for the same scenario and seed, from the events alone. Each
 * event adds its own part and nothing is kept per call, so the stream may be filtered (the
 * events of one line give that line's figures) or read back from JSON. It must start with
 * `run-started`; an event with a name the run lacks or a field missing errors with an
 * `InvalidInputError` naming it (`events[12].counted`).
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

function reduceToReport<T>(
  pick: (report: Report) => readonly T[],
  intervalSeconds?: number,
): OperatorFunction<SimEvent, T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let metrics: CenterMetrics | undefined;
      let replayer: EventReplayer | undefined;
      let lastTime = 0;
      return source.subscribe({
        next(event) {
          if (subscriber.closed) return;
          lastTime = event.time;
          if (event.type === 'run-started') {
            const window: MetricsWindow = intervalSeconds === undefined ? event.window : { ...event.window, intervalSeconds };
            metrics = new CenterMetrics(window);
            replayer = new EventReplayer(metrics, window);
            return;
          }
          if (!replayer) {
            subscriber.error(notStarted(event.type));
            return;
          }
          try {
            replayer.replay(event);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete() {
          if (!metrics) {
            subscriber.error(notStarted(undefined));
            return;
          }
          for (const item of pick(metrics.report(lastTime))) subscriber.next(item);
          subscriber.complete();
        },
      });
    });
}

/** The error of a stream whose first event (`type`, undefined for none) is not `run-started`, which carries the window. */
function notStarted(type: string | undefined): InvalidInputError {
  return new InvalidInputError('events', [
    { path: 'events[0].type', expected: "'run-started' (it carries the run's window)", received: type ?? 'nothing: the stream ended' },
  ]);
}
