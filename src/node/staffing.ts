import { staffBySimulation as staffInProcess, type StaffingOptions, type StaffingResult } from '../staffing';
import type { ClusterOptions } from './cluster/clusterRunner';
import { replicateReports } from './parallel';

/** Options of the worker-thread (or cluster) `staffBySimulation()`. */
export interface ParallelStaffingOptions extends StaffingOptions {
  /** Worker threads; default: one per core. */
  workers?: number;
  /** Run each roster's replications as jobs on a Redis cluster instead: the same roster, bit for bit. */
  cluster?: ClusterOptions;
}

/**
 * `staffBySimulation()` with each roster's replications on worker threads (or a cluster's workers): the same roster,
 * bit for bit, as in-process for the same seed (the workers return the same reports). A
 * `runReplications` given in the options (a cluster's) takes precedence over the workers.
 *
 * @example
 * import { staffBySimulation } from 'queuecast/node';
 * const plan = await staffBySimulation(scenario, { target: { serviceLevel: 0.8 }, replications: 20 });
 */
export function staffBySimulation(scenario: Parameters<typeof staffInProcess>[0], options: ParallelStaffingOptions): Promise<StaffingResult> {
  const { workers, cluster, ...rest } = options;
  return staffInProcess(scenario, {
    runReplications: (s, o) => replicateReports(s, { ...o, ...(workers === undefined ? {} : { workers }), ...(cluster ? { cluster } : {}) }),
    ...rest,
  });
}
