import { OptionsError } from '../errors';
import { resolveJob, resolverOnce, type ReplicationOutcome, type ReplicationRunner } from '../experiment';
import { resolveScenario } from '../scenario';
import { defaultWorkers, runOnWorkers } from './workerPool';
import type { ReplicationResult } from './workerProtocol';

/** Options of `workerThreads()`. */
export interface WorkerThreadsOptions {
  /** Worker threads; default: one per core. */
  workers?: number;
}

/**
 * A runner on this machine's worker threads: each replication on one thread (a comparison's
 * two arms together), the same outcomes, bit for bit, as in-process, in a fraction of the time
 * on a machine with several cores. Threads stay warm between calls for a few seconds (a sweep
 * of many comparisons does not pay their start each time) and never keep the process alive.
 *
 * @example
 * import { replicate } from 'queuecast';
 * import { workerThreads } from 'queuecast/node';
 * const { summary } = await replicate(scenario, { replications: 32, runner: workerThreads() });
 */
export function workerThreads(options: WorkerThreadsOptions = {}): ReplicationRunner {
  const { workers = defaultWorkers() } = options ?? {};
  if (!(Number.isInteger(workers) && workers >= 1)) throw new OptionsError('workerThreads', [{ path: 'workers', expected: 'an integer >= 1', received: workers }]);
  return {
    async run(jobs, runOptions = {}) {
      // Resolved here, each scenario once, so that no thread validates it again.
      const resolve = resolverOnce(resolveScenario);
      const results = await runOnWorkers(
        jobs.map((job) => resolveJob(job, resolve)),
        workers,
        runOptions,
      );
      return results.map(outcomeOf);
    },
  };
}

/** The outcome of a worker's answer, or its failure as an error. */
export function outcomeOf(result: ReplicationResult, index: number, results: readonly ReplicationResult[]): ReplicationOutcome {
  if (!result.ok) throw new Error(`replication ${index + 1} of ${results.length} failed on a worker thread: ${result.message}`);
  const { ok: _ok, ...outcome } = result;
  return outcome;
}
