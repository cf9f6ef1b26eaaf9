import { CenterMetrics, type MetricsWindow, type Report } from '../metrics';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { ContactCenter } from './center';
import type { CenterObserver } from './observer';
import { centerSlices, driveSlices, finishSlices, type SliceOptions, type Slices } from './runCenter';
import { TeeObserver } from './teeObserver';

/**
 * Simulates a scenario and resolves to its `Report`: the fast path, which builds no event
 * objects. The scenario is validated first (unless it is resolved already: `resolveScenario`);
 * an invalid one rejects with a `ScenarioError` that lists every problem. Long runs yield to
 * the host between slices.
 *
 * @example
 * const report = await run({
 *   arrivals: { perHour: 570 }, agents: 50, durationSeconds: 8 * 3600,
 *   handleTime: { type: 'exponential', meanSeconds: 300 },
 *   patience: { type: 'exponential', meanSeconds: 600 },
 * });
 * report.hold.meanSeconds; // seconds on hold, on average
 */
export async function run(scenario: Scenario | ResolvedScenario, options: SliceOptions = {}): Promise<Report> {
  return driveSlices(runSlices(resolveScenario(scenario), undefined, options.sliceMilliseconds), options);
}

/**
 * The same run as `run()`, without yielding: for workers and for callers who own their thread.
 *
 * @example
 * const report = runSync(scenario); // blocks until the run is over
 */
export function runSync(scenario: Scenario | ResolvedScenario): Report {
  return finishSlices(runSlices(resolveScenario(scenario), undefined, Infinity));
}

/**
 * A resolved scenario's run as slices, ending in its report; `tracker`, when given, hears every
 * event too (for experiments that follow particular callers). Both `run()` and `runSync()` are
 * this, driven with and without yielding.
 */
export function* runSlices(scenario: ResolvedScenario, tracker: CenterObserver | undefined, sliceMilliseconds?: number): Slices<Report> {
  const metrics = new CenterMetrics(metricsWindow(scenario));
  const center = new ContactCenter(scenario, tracker ? new TeeObserver(metrics, tracker) : metrics);
  center.start();
  yield* centerSlices(center, sliceMilliseconds);
  return metrics.report(center.simulation.now);
}

/** A resolved scenario's report, without yielding. */
export function runResolvedSync(scenario: ResolvedScenario, tracker: CenterObserver | undefined): Report {
  return finishSlices(runSlices(scenario, tracker, Infinity));
}

/** The window and intervals the metrics of a scenario's run use. */
export function metricsWindow(scenario: ResolvedScenario): MetricsWindow {
  return {
    warmupSeconds: scenario.warmupSeconds,
    durationSeconds: scenario.durationSeconds,
    serviceLevelSeconds: scenario.serviceLevelSeconds,
    intervalSeconds: scenario.reportIntervalSeconds,
    lines: scenario.lines.map((line) => ({
      name: line.name,
      serviceLevelSeconds: line.serviceLevelSeconds,
      maxCalls: line.redial ? line.redial.maxAttempts : 1,
    })),
    groups: scenario.groups.map((group) => group.name),
    // Only when used, so that the reports of a center without it stay what they were.
    ...(scenario.lines.some((line) => line.afterCallWork || line.routing.some((route) => route.afterCallWork)) ? { afterCallWork: true as const } : {}),
    ...(scenario.lines.some((line) => line.maxWaitSeconds !== Infinity) ? { timeouts: true as const } : {}),
    ...(scenario.lines.some((line) => line.maxWaitSeconds !== Infinity && line.onTimeout === 'callback') ? { callbacksAtTimeout: true as const } : {}),
    ...(scenario.lines.some((line) => line.routing.some((route) => route.transfer)) ? { transfers: true as const } : {}),
  };
}
