import { CenterMetrics, type Report } from '../metrics';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { ContactCenter } from './center';
import { runCenter, type SliceOptions } from './runCenter';

/**
 * Simulates a scenario and resolves to its `Report`: the fast path, which builds no event
 * objects. The scenario is validated first; an invalid one rejects with a `ScenarioError` that
 * lists every problem. Long runs yield to the host between slices.
 *
 * @example
 * const report = await run({
 *   arrivals: { perHour: 570 }, agents: 50, durationSeconds: 8 * 3600,
 *   handleTime: { type: 'exponential', meanSeconds: 300 },
 *   patience: { type: 'exponential', meanSeconds: 600 },
 * });
 * report.hold.meanSeconds; // seconds on hold, on average
 */
export async function run(scenario: Scenario, options: SliceOptions = {}): Promise<Report> {
  const resolved = resolveScenario(scenario);
  const metrics = new CenterMetrics(metricsWindow(resolved));
  const center = new ContactCenter(resolved, metrics);
  center.start();
  await runCenter(center, options);
  return metrics.report(center.simulation.now);
}

/** The same run without yielding: for workers and for callers who own their thread. */
export function runSync(scenario: Scenario): Report {
  const resolved = resolveScenario(scenario);
  const metrics = new CenterMetrics(metricsWindow(resolved));
  const center = new ContactCenter(resolved, metrics);
  center.start();
  center.simulation.run();
  return metrics.report(center.simulation.now);
}

export function metricsWindow(scenario: ResolvedScenario) {
  return {
    warmupSeconds: scenario.warmupSeconds,
    durationSeconds: scenario.durationSeconds,
    serviceLevelSeconds: scenario.serviceLevelSeconds,
    intervalSeconds: scenario.reportIntervalSeconds,
  };
}
