import type { Report } from '../metrics';
import type { SliceOptions } from '../model';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { runScenario, runScenarioSync } from './runSeason';
import type { SeasonReport } from './seasonReport';

/**
 * Simulates a scenario and resolves to its `Report`: the fast path, which builds no event
 * objects. A scenario with a `calendar` runs its days and resolves to a `SeasonReport` (the
 * season's figures, plus `days` and `weeks` rows). The scenario is validated first; an invalid
 * one rejects with a `ScenarioError` that lists every problem. Long runs yield to the host
 * between slices.
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
  return runScenario(resolveScenario(scenario), undefined, options);
}

/**
 * The same run as `run()`, without yielding: for workers and for callers who own their thread.
 *
 * @example
 * const report = runSync(scenario); // blocks until the run is over
 */
export function runSync(scenario: Scenario | ResolvedScenario): Report {
  return runScenarioSync(resolveScenario(scenario), undefined);
}

/**
 * Whether a report is a season's (of a scenario with a calendar).
 *
 * @example
 * const report = await run(season);
 * if (isSeasonReport(report)) report.weeks[0]!.totalHoldHours;
 */
export function isSeasonReport(report: Report): report is SeasonReport {
  return Array.isArray((report as Partial<SeasonReport>).days);
}
