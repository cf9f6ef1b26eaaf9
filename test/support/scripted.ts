import { CenterMetrics, type Report } from '../../src/metrics';
import { ContactCenter, metricsWindow, type CenterOptions } from '../../src/model';
import { resolveScenario, type Scenario } from '../../src/scenario';
import { EventEmitter } from '../../src/stream/eventEmitter';
import type { SimEvent } from '../../src/stream';

/**
 * Runs a scenario with callers arriving at the given times instead of by Poisson arrivals, for
 * worked examples whose every event time can be computed by hand. Returns the events and the
 * report of the same run.
 */
export function scriptedRun(
  scenario: Scenario,
  arrivalTimes: CenterOptions['arrivalTimes'] & object,
  decisions?: CenterOptions['decisions'],
): { events: SimEvent[]; report: Report } {
  const options: CenterOptions = decisions ? { arrivalTimes, decisions } : { arrivalTimes };
  const resolved = resolveScenario(scenario);
  const events: SimEvent[] = [];
  const window = metricsWindow(resolved);
  const eventCenter = new ContactCenter(resolved, new EventEmitter({ push: (e) => events.push(e), flush: () => {} }, window), options);
  eventCenter.start();
  eventCenter.simulation.run();
  const metrics = new CenterMetrics(window);
  const reportCenter = new ContactCenter(resolved, metrics, options);
  reportCenter.start();
  reportCenter.simulation.run();
  return { events, report: metrics.report(reportCenter.simulation.now) };
}

/** Events as compact `[time, type, callerId or agents]` rows, easy to write out by hand. */
export function timeline(events: SimEvent[]): Array<[number, string, number | string]> {
  return events.map((e) => {
    if (e.type === 'agents-changed') return [e.time, e.type, `${e.onDuty}/${e.scheduled}`];
    if ('callerId' in e) return [e.time, e.type, e.callerId];
    return [e.time, e.type, ''];
  });
}
