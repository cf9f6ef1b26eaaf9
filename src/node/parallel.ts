import {
  checkReplicationOptions,
  summarizeAll,
  summarizePairs,
  type ComparedPair,
  type Comparison,
  type Replicated,
  type ReplicationOptions,
} from '../experiment';
import type { Report } from '../metrics';
import { replicationSeed } from '../random';
import { resolveScenario, type Scenario } from '../scenario';
import { clusterRunner, type ClusterOptions } from './cluster/clusterRunner';
import { threadRunner, unwrapResult, type ReplicationRunner } from './replicationJobs';
import { defaultWorkers } from './workerPool';

/** Options of the worker-thread (or cluster) `replicate()`, `compare()` and `sweep()`. */
export interface ParallelOptions extends ReplicationOptions {
  /** Worker threads; default: one per core. */
  workers?: number;
  /**
   * Run the replications as jobs on a Redis cluster (`queuecast worker --redis URL` on each
   * machine) instead of this machine's threads: the same results, bit for bit.
   */
  cluster?: ClusterOptions;
}

/**
 * Where replications run: the cluster when one is given, else this machine's worker threads.
 * The seam for anything that runs many replications (staffing by simulation too).
 *
 * @example
 * const run = replicationRunner({ cluster: { redis: 'redis://queue.example:6379' } });
 * const [result] = await run([{ kind: 'replicate', scenario, seed: 1 }]);
 */
export function replicationRunner(options: Pick<ParallelOptions, 'workers' | 'cluster'>): ReplicationRunner {
  return options.cluster ? clusterRunner(options.cluster) : threadRunner(options.workers ?? defaultWorkers());
}

/**
 * `replicate()` on worker threads: the same reports, bit for bit, as in-process for the same
 * seed, in a fraction of the time on a machine with several cores.
 *
 * @example
 * import { replicate } from 'queuecast/node';
 * const { summary } = await replicate(scenario, { replications: 32 });
 * // or on a cluster: { replications: 320, cluster: { redis: 'redis://queue.example:6379' } }
 */
export async function replicate(scenario: Scenario, options: ParallelOptions): Promise<Replicated> {
  const { reports, confidence } = await replicationReports(scenario, options);
  return { replications: reports.length, reports, summary: summarizeAll(reports, confidence) };
}

/**
 * `compare()` on worker threads: each worker runs whole pairs (both arms of a replication), so
 * common random numbers and the direct/indirect split work exactly as in-process.
 *
 * @example
 * import { compare } from 'queuecast/node';
 * const { savings } = await compare(baseline, variant, { replications: 32 });
 */
export async function compare(baseline: Scenario, variant: Scenario, options: ParallelOptions): Promise<Comparison> {
  const baselineResolved = resolveScenario(baseline);
  resolveScenario(variant);
  const { replications, seed, confidence } = checkReplicationOptions('compare', options, baselineResolved.seed);
  const jobs = Array.from({ length: replications }, (_, k) => ({ kind: 'compare' as const, baseline, variant, seed: replicationSeed(seed, k) }));
  const results = await replicationRunner(options)(jobs, options.onProgress);
  return summarizePairs(results.map((result) => unwrapResult(result, 'compare') as ComparedPair), confidence);
}

/**
 * The reports of `replicate()` without their summary, on worker threads or the cluster: for
 * staffing by simulation, which pools callers by interval itself.
 *
 * @example
 * const { reports } = await replicateReports(scenario, { replications: 20 });
 */
export async function replicateReports(scenario: Scenario, options: ParallelOptions): Promise<{ reports: Report[] }> {
  const { reports } = await replicationReports(scenario, options);
  return { reports };
}

async function replicationReports(scenario: Scenario, options: ParallelOptions): Promise<{ reports: Report[]; confidence: number }> {
  const resolved = resolveScenario(scenario);
  const { replications, seed, confidence } = checkReplicationOptions('replicate', options, resolved.seed);
  const jobs = Array.from({ length: replications }, (_, k) => ({ kind: 'replicate' as const, scenario, seed: replicationSeed(seed, k) }));
  const results = await replicationRunner(options)(jobs, options.onProgress);
  return { reports: results.map((result) => unwrapResult(result, 'replicate') as Report), confidence };
}
