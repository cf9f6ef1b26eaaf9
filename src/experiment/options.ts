import { OptionsError, type FoundProblem } from '../errors';
import { inProcess, type ReplicationRunner } from './runner';

/** Options of `replicate()` and `compare()`. */
export interface ReplicationOptions {
  /** Independent replications, at least 2. */
  replications: number;
  /** Seed of replication 0's derivation; default: the (baseline) scenario's seed. */
  seed?: number;
  /** Of the confidence intervals; default 0.95. */
  confidence?: number;
  /**
   * Where the replications run; default `inProcess()`. `queuecast/node` has `workerThreads()`
   * and `redisCluster()`: the same results, bit for bit.
   */
  runner?: ReplicationRunner;
  /** Aborting stops the replications; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each replication (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

/** Replication options checked, with their defaults. */
export interface CheckedReplicationOptions {
  replications: number;
  seed: number;
  confidence: number;
  runner: ReplicationRunner;
  signal: AbortSignal | undefined;
}

/** Checks the options, naming each bad one; returns them with defaults. */
export function checkReplicationOptions(caller: string, options: ReplicationOptions, scenarioSeed: number): CheckedReplicationOptions {
  const problems: FoundProblem[] = [];
  const { replications, seed = scenarioSeed, confidence = 0.95, runner, signal } = options ?? ({} as ReplicationOptions);
  if (!(Number.isInteger(replications) && replications >= 2)) problems.push({ path: 'replications', expected: 'an integer >= 2', received: replications });
  if (!Number.isInteger(seed)) problems.push({ path: 'seed', expected: 'an integer', received: seed });
  if (!(confidence > 0 && confidence < 1)) problems.push({ path: 'confidence', expected: 'a number in (0, 1)', received: confidence });
  problems.push(...runnerProblems(runner, signal));
  if (problems.length > 0) throw new OptionsError(caller, problems);
  return { replications, seed, confidence, runner: runner ?? inProcess(), signal };
}

/** What is wrong with a `runner` and a `signal` given as options (staffing's too); undefined is fine for both. */
export function runnerProblems(runner: unknown, signal: unknown): FoundProblem[] {
  const problems: FoundProblem[] = [];
  if (runner !== undefined && typeof (runner as Partial<ReplicationRunner> | null)?.run !== 'function') {
    problems.push({ path: 'runner', expected: 'a ReplicationRunner: inProcess(), or workerThreads() or redisCluster() of queuecast/node', received: runner });
  }
  if (signal !== undefined && typeof (signal as { throwIfAborted?: unknown } | null)?.throwIfAborted !== 'function') {
    problems.push({ path: 'signal', expected: 'an AbortSignal', received: signal });
  }
  return problems;
}
