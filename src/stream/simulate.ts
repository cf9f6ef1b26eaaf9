import type { Subscriber } from 'rxjs';
import { Observable } from './rx';
import { ContactCenter, metricsWindow, runCenter } from '../model';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { EventEmitter, type EventSink } from './eventEmitter';
import type { SimEvent } from './events';
import { runPaced, type RealtimeOptions } from './paced';
import { OptionsError } from '../errors';

/** Options of `simulate()`. */
export interface SimulateOptions {
  /** Longest stretch of simulation between two yields to the host, in milliseconds; default 8. */
  sliceMilliseconds?: number;
  /** Pace the events to the wall clock (for live views) instead of running as fast as possible. */
  realtime?: RealtimeOptions;
}

/**
 * The simulation of a scenario as a cold stream of events: each subscription runs a simulation
 * of its own, and unsubscribing stops it. The stream starts with `run-started` and ends with
 * `run-ended`; an invalid scenario errors with a `ScenarioError` before anything is simulated.
 * It runs as fast as it can, yielding to the host between slices; with `realtime: { speed }`
 * its events come out paced to the wall clock instead (speed 60: a simulated minute a second).
 *
 * @example
 * simulate(scenario).pipe(filter((e) => e.type === 'abandoned')).subscribe((e) => console.log(e.time));
 * simulate(scenario, { realtime: { speed: 60 } }).subscribe(updateDashboard);
 * @see simulateBatches (faster for consumers that take arrays), summarize, intervals, run
 */
export function simulate(scenario: Scenario | ResolvedScenario, options: SimulateOptions = {}): Observable<SimEvent> {
  return new Observable<SimEvent>((subscriber) => runInto(scenario, options, subscriber, new SubscriberSink(subscriber)));
}

/** Each event straight to the subscriber. */
class SubscriberSink implements EventSink {
  constructor(private readonly subscriber: Subscriber<SimEvent>) {}

  push(event: SimEvent): void {
    this.subscriber.next(event);
  }
  flush(): void {}
}

/**
 * Starts a simulation whose events go to `sink`, completing or erroring `subscriber` at the
 * end; returns the teardown that stops it.
 */
export function runInto(scenario: Scenario | ResolvedScenario, options: SimulateOptions, subscriber: Subscriber<unknown>, sink: EventSink): () => void {
  const resolved = resolveScenario(scenario);
  const window = metricsWindow(resolved);
  const center = new ContactCenter(resolved, new EventEmitter(sink, window));
  const stop = new AbortController();
  sink.push({ type: 'run-started', time: 0, window });
  center.start();
  const realtime = options.realtime;
  if (realtime !== undefined && !(realtime.speed > 0 && Number.isFinite(realtime.speed))) {
    throw new OptionsError('simulate', [{ path: 'realtime.speed', expected: 'a number > 0', received: realtime.speed }]);
  }
  const slices = options.sliceMilliseconds === undefined ? {} : { sliceMilliseconds: options.sliceMilliseconds };
  const flush = () => sink.flush();
  const paced = realtime && runPaced(center.simulation, realtime, flush);
  const finished = paced ? paced.done : runCenter(center, { ...slices, signal: stop.signal, onSlice: flush });
  finished.then(
    () => {
      sink.push({ type: 'run-ended', time: center.simulation.now });
      sink.flush();
      subscriber.complete();
    },
    (error: unknown) => {
      if (!stop.signal.aborted) subscriber.error(error);
    },
  );
  return () => {
    // Stop mid-slice, not at the end of it: nobody is listening any more.
    center.simulation.stop();
    stop.abort();
    paced?.cancel();
  };
}
