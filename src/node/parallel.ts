import {
  checkReplicationOptions,
  summarizeAll,
  summarizePairs,
  withReplicationSeed,
  type ComparedPair,
  type Comparison,
  type Replicated,
  type ReplicationOptions,
} from '../experiment';
import type { Report } from '../metrics';
import { resolveScenario, type Scenario } from '../scenario';

import { defaultWorkers, runOnWorkers } from './workerPool';
import type { ReplicationResult } from './workerProtocol';

/** Options of the worker-thread `replicate()` and `compare()`. */
export interface ParallelOptions extends ReplicationOptions {
  /** Worker threads; default: one per core. */
  workers?: number;
}

/**
 * `replicate()` on worker threads: the same reports, bit for bit, as in-process for the same
 * seed, in a fraction of the time on a machine with several cores.
 *
 * @example
 * import { replicate } from 'queuecast/node';
 * const { summary } = await replicate(scenario, { replications: 32 });
 */
export async function replicate(scenario: Scenario, options: ParallelOptions): Promise<Replicated> {
  const resolved = resolveScenario(scenario);
  const { replications, seed, confidence } = checkReplicationOptions('replicate', options, resolved.seed);
  const tasks = Array.from({ length: replications }, (_, k) => ({
    kind: 'replicate' as const,
    scenario: withReplicationSeed(resolved, seed, k),
  }));
  const results = await runOnWorkers(tasks, options.workers ?? defaultWorkers(), options.onProgress);
  const reports = results.map((result) => unwrap(result, 'replicate') as Report);
  return { replications, reports, summary: summarizeAll(reports, confidence) };
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
  const variantResolved = resolveScenario(variant);
  const { replications, seed, confidence } = checkReplicationOptions('compare', options, baselineResolved.seed);
  const tasks = Array.from({ length: replications }, (_, k) => ({
    kind: 'compare' as const,
    baseline: withReplicationSeed(baselineResolved, seed, k),
    variant: withReplicationSeed(variantResolved, seed, k),
  }));
  const results = await runOnWorkers(tasks, options.workers ?? defaultWorkers(), options.onProgress);
  return summarizePairs(results.map((result) => unwrap(result, 'compare') as ComparedPair), confidence);
}

/**
 * The reports of the worker-thread `replicate()` without their summary, for staffing by
 * simulation (which pools callers by interval itself).
 */
export async function replicateReports(scenario: Scenario, options: ParallelOptions): Promise<{ reports: Report[] }> {
  const resolved = resolveScenario(scenario);
  const { replications, seed } = checkReplicationOptions('replicate', options, resolved.seed);
  const tasks = Array.from({ length: replications }, (_, k) => ({ kind: 'replicate' as const, scenario: withReplicationSeed(resolved, seed, k) }));
  const results = await runOnWorkers(tasks, options.workers ?? defaultWorkers(), options.onProgress);
  return { reports: results.map((result) => unwrap(result, 'replicate') as Report) };
}

function unwrap(result: ReplicationResult, caller: string): Report | ComparedPair {
  if (!result.ok) throw new Error(`${caller}: a worker failed: ${result.message}`);
  return result.kind === 'replicate' ? result.report : result.pair;
}
