import { staffBySimulation as staffInProcess, type StaffingOptions, type StaffingResult } from '../staffing';
import { replicateReports } from './parallel';

/** Options of the worker-thread `staffBySimulation()`. */
export interface ParallelStaffingOptions extends StaffingOptions {
  /** Worker threads; default: one per core. */
  workers?: number;
}

/**
 * `staffBySimulation()` with each roster's replications on worker threads: the same roster,
 * bit for bit, as in-process for the same seed (the workers return the same reports). A
 * `runReplications` given in the options (a cluster's) takes precedence over the workers.
 *
 * @example
 * import { staffBySimulation } from 'queuecast/node';
 * const plan = await staffBySimulation(scenario, { target: { serviceLevel: 0.8 }, replications: 20 });
 */
export function staffBySimulation(scenario: Parameters<typeof staffInProcess>[0], options: ParallelStaffingOptions): Promise<StaffingResult> {
  const { workers, ...rest } = options;
  return staffInProcess(scenario, {
    runReplications: (s, o) => replicateReports(s, { ...o, ...(workers === undefined ? {} : { workers }) }),
    ...rest,
  });
}
