// The seam between experiments and where their replications run: a replication job is plain
// JSON (the scenarios as written, and the replication's own derived seed), and a runner turns
// jobs into results, on this machine's worker threads or on a Redis cluster. replicate(),
// compare(), sweep() (and staffing by simulation) only build jobs and read results.
import type { ComparedPair } from '../experiment';
import type { Report } from '../metrics';
import { resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { runOnWorkers } from './workerPool';
import type { ReplicationResult, ReplicationTask } from './workerProtocol';

/** One whole replication: a run, or both arms of a comparison, on the replication's derived seed. */
export type ReplicationJob =
  | { kind: 'replicate'; scenario: Scenario; seed: number }
  | { kind: 'compare'; baseline: Scenario; variant: Scenario; seed: number };

/** Runs jobs somewhere and resolves to their results in the order of the jobs. */
export type ReplicationRunner = (
  jobs: readonly ReplicationJob[],
  onDone?: (done: number, total: number) => void,
) => Promise<ReplicationResult[]>;

/** A job as a worker thread's task: scenarios validated and resolved (each once), the seed set. */
export function taskOf(job: ReplicationJob, resolved: (scenario: Scenario) => ResolvedScenario = resolveScenario): ReplicationTask {
  return job.kind === 'replicate'
    ? { kind: 'replicate', scenario: { ...resolved(job.scenario), seed: job.seed } }
    : { kind: 'compare', baseline: { ...resolved(job.baseline), seed: job.seed }, variant: { ...resolved(job.variant), seed: job.seed } };
}

/** A runner on this machine's worker threads. */
export function threadRunner(workers: number): ReplicationRunner {
  return (jobs, onDone) => {
    const cache = new Map<Scenario, ResolvedScenario>();
    const resolved = (scenario: Scenario) => cache.get(scenario) ?? cache.set(scenario, resolveScenario(scenario)).get(scenario)!;
    return runOnWorkers(
      jobs.map((job) => taskOf(job, resolved)),
      workers,
      onDone,
    );
  };
}

/** The result's report or pair, or the worker's failure as an error. */
export function unwrapResult(result: ReplicationResult, caller: string): Report | ComparedPair {
  if (!result.ok) throw new Error(`${caller}: a worker failed: ${result.message}`);
  return result.kind === 'replicate' ? result.report : result.pair;
}
