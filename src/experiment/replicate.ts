import type { Report } from '../metrics';
import { replicationSeed } from '../random';
import { resolveScenario, type Scenario } from '../scenario';
import { summarizeAll, type ReportSummary } from './estimate';
import { checkReplicationOptions, type ReplicationOptions } from './options';
import { runReplicateJobs } from './runner';

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
 * standard deviation and Student t confidence interval. They run in-process unless `runner`
 * says otherwise (`workerThreads()` of `queuecast/node`): the same reports, bit for bit.
 *
 * @example
 * const { summary } = await replicate(scenario, { replications: 20 });
 * console.log(summary.hold.meanSeconds.mean, '±', summary.hold.meanSeconds.halfWidth);
 */
export async function replicate(scenario: Scenario, options: ReplicationOptions): Promise<Replicated> {
  const { reports, confidence } = await replicationReports(scenario, options);
  return { replications: reports.length, reports, summary: summarizeAll(reports, confidence) };
}

/**
 * The reports of `replicate()` without their summary: for callers that summarize the
 * replications their own way (staffing by simulation pools callers by interval) and would
 * otherwise pay for a summary of every figure of every report.
 *
 * @example
 * const { reports } = await replicateReports(scenario, { replications: 20 });
 */
export async function replicateReports(scenario: Scenario, options: ReplicationOptions): Promise<{ reports: Report[] }> {
  const { reports } = await replicationReports(scenario, options);
  return { reports };
}

async function replicationReports(scenario: Scenario, options: ReplicationOptions): Promise<{ reports: Report[]; confidence: number }> {
  const resolved = resolveScenario(scenario);
  const { replications, seed, confidence, runner, signal } = checkReplicationOptions('replicate', options, resolved.seed);
  // The jobs carry the frozen copy of what was written: plain JSON, taken again without validation.
  const jobs = Array.from({ length: replications }, (_, k) => ({ kind: 'replicate' as const, scenario: resolved.written, seed: replicationSeed(seed, k) }));
  return { reports: await runReplicateJobs('replicate', jobs, { runner, onProgress: options.onProgress, signal }), confidence };
}
