import { assembleSweep, planSweep, type ComparedPair, type Sweep, type SweepOptions } from '../experiment';
import type { Scenario } from '../scenario';
import { replicationRunner, type ParallelOptions } from './parallel';
import { unwrapResult, type ReplicationJob } from './replicationJobs';

/** Options of the worker-thread (or cluster) `sweep()`. */
export type ParallelSweepOptions = SweepOptions & Pick<ParallelOptions, 'workers' | 'cluster'>;

/**
 * `sweep()` on worker threads, or on a Redis cluster with `cluster`: every replication of every
 * cell is one job (both arms of the cell's comparison), so the sweep is the same, bit for bit,
 * as in-process, and a cell's replications spread over every core or machine.
 *
 * @example
 * import { sweep } from 'queuecast/node';
 * const { rows } = await sweep(scenario, { vary: { 'agents.scale': [0.9, 1, 1.1] }, replications: 30 });
 */
export async function sweep(scenario: Scenario, options: ParallelSweepOptions): Promise<Sweep> {
  const plan = planSweep(scenario, options);
  const baseline = options.baseline ?? scenario;
  // Replication k of every cell has the same seed (the plan's): common random numbers across cells.
  const seeds = plan.pairs.slice(0, plan.replications).map((pair) => pair.baseline.seed);
  const jobs: ReplicationJob[] = plan.cells.flatMap(({ scenario: variant }) =>
    seeds.map((seed) => ({ kind: 'compare' as const, baseline, variant, seed })),
  );
  const results = await replicationRunner(options)(jobs, options.onProgress);
  return assembleSweep(plan, results.map((result) => unwrapResult(result, 'sweep') as ComparedPair));
}
