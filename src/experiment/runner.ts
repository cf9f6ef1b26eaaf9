import { yieldToHost } from '../engine';
import type { Report } from '../metrics';
import { driveSlices } from '../model';
import { resolveScenario } from '../scenario';
import type { ComparedPair } from './pair';
import { replicationSlices, resolveJob, resolverOnce, type ReplicationJob, type ReplicationOutcome } from './replication';

/** How a runner reports progress and is stopped. */
export interface RunnerOptions {
  /** Called after each job done, in whatever order they finish. */
  onDone?: (done: number, total: number) => void;
  /** Aborting stops the jobs under way as soon as the runner can; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Where an experiment's replications run: jobs in, their outcomes out in the order of the jobs.
 * `replicate()`, `compare()`, `sweep()` and `staffBySimulation()` take one as `runner`; the
 * default, `inProcess()`, runs them here between turns of the host's event loop;
 * `queuecast/node` has `workerThreads()` and `redisCluster()`. Any runner must give the
 * outcomes `replicationSlices()` gives, so that an experiment is the same wherever it runs.
 */
export interface ReplicationRunner {
  run(jobs: readonly ReplicationJob[], options?: RunnerOptions): Promise<ReplicationOutcome[]>;
}

/**
 * The runner of the main entry: every job in this thread, one after the other, each in slices
 * with the host's event loop served between them (so a service embedding an experiment keeps
 * answering, and an abort stops it within a slice).
 *
 * @example
 * const { summary } = await replicate(scenario, { replications: 20, runner: inProcess() });
 */
export function inProcess(): ReplicationRunner {
  return {
    async run(jobs, options = {}) {
      const resolve = resolverOnce(resolveScenario);
      const outcomes: ReplicationOutcome[] = [];
      for (const job of jobs) {
        // A replication shorter than a slice never yields: without a turn of the host's event
        // loop between them, many small ones (a staffing search's) would hold it throughout.
        if (outcomes.length > 0) await yieldToHost();
        outcomes.push(await driveSlices(replicationSlices(resolveJob(job, resolve)), options.signal ? { signal: options.signal } : {}));
        options.onDone?.(outcomes.length, jobs.length);
      }
      return outcomes;
    },
  };
}

/** What an experiment asks of its runner, beside the jobs. */
export interface RunJobsOptions {
  runner: ReplicationRunner;
  onProgress?: ((done: number, total: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** The reports of `replicate` jobs, checked to be what was asked for. */
export async function runReplicateJobs(caller: string, jobs: ReplicationJob[], options: RunJobsOptions): Promise<Report[]> {
  return (await runJobs(caller, jobs, options)).map((outcome) => (outcome as Extract<ReplicationOutcome, { kind: 'replicate' }>).report);
}

/** The pairs of `compare` jobs, checked to be what was asked for. */
export async function runCompareJobs(caller: string, jobs: ReplicationJob[], options: RunJobsOptions): Promise<ComparedPair[]> {
  return (await runJobs(caller, jobs, options)).map((outcome) => (outcome as Extract<ReplicationOutcome, { kind: 'compare' }>).pair);
}

async function runJobs(caller: string, jobs: ReplicationJob[], { runner, onProgress, signal }: RunJobsOptions): Promise<ReplicationOutcome[]> {
  const outcomes = await runner.run(jobs, { ...(onProgress ? { onDone: onProgress } : {}), ...(signal ? { signal } : {}) });
  signal?.throwIfAborted();
  // A runner of the user's own may answer otherwise: say so here rather than fail deep in a summary.
  if (!Array.isArray(outcomes) || outcomes.length !== jobs.length || outcomes.some((outcome, i) => outcome?.kind !== jobs[i]!.kind)) {
    throw new TypeError(`${caller}: the runner answered ${jobs.length} jobs with something else than their ${jobs.length} outcomes, in order`);
  }
  return outcomes;
}
