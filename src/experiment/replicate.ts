import { yieldToHost } from '../engine';
import type { Report } from '../metrics';
import { runScenario } from '../season';
import { replicationSeed } from '../random';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { summarizeAll, type ReportSummary } from './estimate';
import { checkReplicationOptions, type ReplicationOptions } from './options';

/** What `replicate()` resolves to. */
export interface Replicated {
  replications: number;
  /** One report per replication, replication k seeded by `replicationSeed(seed, k)`. */
  reports: Report[];
  /** Every figure of the reports as an `Estimate`: `summary.hold.meanSeconds.mean`. */
  summary: ReportSummary;
}

/**
 * Runs independent replications of a scenario and summarizes each figure with its mean,
 * standard deviation and Student t confidence interval.
 *
 * @example
 * const { summary } = await replicate(scenario, { replications: 20 });
 * console.log(summary.hold.meanSeconds.mean, '±', summary.hold.meanSeconds.halfWidth);
 */
export async function replicate(scenario: Scenario, options: ReplicationOptions): Promise<Replicated> {
  const resolved = resolveScenario(scenario);
  const { replications, seed, confidence } = checkReplicationOptions('replicate', options, resolved.seed);
  const reports: Report[] = [];
  for (let k = 0; k < replications; k++) {
    reports.push(await runScenario(withReplicationSeed(resolved, seed, k), undefined));
    options.onProgress?.(k + 1, replications);
  }
  return { replications, reports, summary: summarizeAll(reports, confidence) };
}

/** Replication k of a scenario: its own seed, derived from the run's seed and k. */
export function withReplicationSeed(scenario: ResolvedScenario, seed: number, k: number): ResolvedScenario {
  return { ...scenario, seed: replicationSeed(seed, k) };
}

/**
 * The reports of `replicate()` without their summary: for callers that summarize the
 * replications their own way (staffing by simulation pools callers by interval) and would
 * otherwise pay for a summary of every figure of every report.
 *
 * @example
 * const reports = await replicateReports(scenario, { replications: 20 });
 */
export async function replicateReports(scenario: Scenario, options: ReplicationOptions): Promise<{ reports: Report[] }> {
  const resolved = resolveScenario(scenario);
  const { replications, seed } = checkReplicationOptions('replicate', options, resolved.seed);
  const reports: Report[] = [];
  for (let k = 0; k < replications; k++) {
    // A run shorter than a slice never yields: without a turn of the host's event loop between
    // replications, a staffing search of small rosters would hold it (timers, signal handlers)
    // for a whole roster.
    if (k > 0) await yieldToHost();
    reports.push(await runScenario(withReplicationSeed(resolved, seed, k), undefined));
    options.onProgress?.(k + 1, replications);
  }
  return { reports };
}
