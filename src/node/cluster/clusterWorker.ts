// A cluster worker: takes replication jobs from the Redis queue and runs each on one of this
// machine's worker threads, so that its own event loop stays free to renew the jobs' locks
// (a job whose lock lapses is taken for a dead worker's and run again elsewhere).
import { once } from 'node:events';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { resolveJob } from '../../experiment';
import { resolveScenario, ScenarioError } from '../../scenario';
import { defaultWorkers, runOnWorkers } from '../workerPool';
import { ClusterError, DEFAULT_QUEUE, connectRedis, redactedUrl, watchConnection, type ClusterOptions } from './connection';
import { encodeExact, readJob, type JobData } from './protocol';
import { OptionsError } from '../../errors';

/** Options of `runClusterWorker()`. */
export interface ClusterWorkerOptions extends ClusterOptions {
  /** Jobs at once, each on its own worker thread; default: one per core. */
  concurrency?: number;
  /**
   * How long a job's lock lasts, in seconds; default 30. A worker renews its jobs' locks every
   * half of it; when a worker dies, its job runs again elsewhere once the lock lapses and the
   * next check for stalled jobs (every `lockSeconds`) finds it: within about twice this.
   */
  lockSeconds?: number;
  /**
   * How long the worker waits for a lost Redis to come back (a restart, a failover) before it
   * stops with a `ClusterError`, in seconds; default 300. Meanwhile it reconnects with a backoff
   * (a try after 0.25 s, 0.5 s, 1 s... then every 5 s), idle between tries.
   */
  giveUpAfterSeconds?: number;
  /** Told of each job started, done or failed (for a log line). */
  onJob?: (event: { id: string; kind: string; seconds: number; started?: true; failed?: string }) => void;
}

/** A running cluster worker. */
export interface ClusterWorker {
  /** Settles when the worker stops: resolves after `close()`, rejects with a `ClusterError` when Redis is lost. */
  closed: Promise<void>;
  /**
   * Stops taking jobs and resolves `closed`. With Redis there it first finishes the jobs in
   * hand; with Redis lost (or lost meanwhile) it stops at once: their results could not be
   * stored, and once their locks lapse the jobs run again on another worker.
   */
  close(): Promise<void>;
}

/**
 * Starts taking replication jobs from the cluster's queue: what `queuecast worker --redis URL`
 * runs on each machine. Rejects with a `ClusterError` when Redis cannot be reached.
 *
 * @example
 * import { runClusterWorker } from 'queuecast/node';
 * const worker = await runClusterWorker({ redis: 'redis://queue.example:6379', concurrency: 8 });
 * await worker.closed;
 */
export async function runClusterWorker(options: ClusterWorkerOptions): Promise<ClusterWorker> {
  const problems = (['lockSeconds', 'giveUpAfterSeconds'] as const)
    .filter((name) => options[name] !== undefined && !(Number.isFinite(options[name]) && options[name]! > 0))
    .map((name) => ({ path: name, expected: 'a number of seconds > 0', received: options[name] }));
  if (problems.length > 0) throw new OptionsError('runClusterWorker', problems);
  const connection = await connectRedis(options, { retryStrategy: reconnectDelay });
  const lockMilliseconds = (options.lockSeconds ?? 30) * 1000;
  const concurrency = options.concurrency ?? defaultWorkers();
  const worker = new Worker(options.queue ?? DEFAULT_QUEUE, (job: Job<JobData>) => processJob(job, options), {
    connection,
    concurrency,
    lockDuration: lockMilliseconds,
    stalledInterval: lockMilliseconds,
    // A job may lose its worker twice (two machines dying under it) before it counts as failed.
    maxStalledCount: 2,
    autorun: false,
  });
  let lastError: Error | undefined;
  worker.on('error', (error) => (lastError = error));
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const closed = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let stopped = false;
  // Never waits on Redis: a graceful close would queue commands for a server that is gone.
  const stop = (error?: ClusterError) => {
    if (stopped) return;
    stopped = true;
    stopWatching();
    void worker.close(true).catch(() => undefined);
    connection.disconnect();
    if (error) settle.reject(error);
    else settle.resolve();
  };
  const giveUp = { ...options, timeoutSeconds: options.giveUpAfterSeconds ?? DEFAULT_GIVE_UP_SECONDS };
  const stopWatching = watchConnection(connection, giveUp, stop);
  void worker.run().catch((error: Error) => {
    stop(new ClusterError(`the worker on ${redactedUrl(options.redis)} stopped: ${(lastError ?? error).message}`));
  });
  await worker.waitUntilReady();
  return {
    closed,
    async close() {
      if (!stopped && connection.status === 'ready') {
        const lost = new AbortController();
        await Promise.race([worker.close(), once(connection, 'close', { signal: lost.signal }).catch(() => undefined)]);
        lost.abort();
      }
      stop();
    },
  };
}

const DEFAULT_GIVE_UP_SECONDS = 300;

/** Milliseconds before the next try to reconnect: doubling from 0.25 s, at most 5 s. */
function reconnectDelay(times: number): number {
  return Math.min(250 * 2 ** Math.min(times - 1, 5), 5000);
}

async function processJob(job: Job<JobData>, options: ClusterWorkerOptions): Promise<string> {
  const started = performance.now();
  options.onJob?.({ id: String(job.id), kind: job.name, seconds: 0, started: true });
  const report = (failed?: string) =>
    options.onJob?.({ id: String(job.id), kind: job.name, seconds: (performance.now() - started) / 1000, ...(failed ? { failed } : {}) });
  let replication;
  try {
    replication = readJob(job.data);
  } catch (error) {
    // A job that cannot be read will not be read on the next try either.
    const message = error instanceof ScenarioError ? `its scenario is invalid: ${error.message}` : (error as Error).message;
    report(message);
    throw new UnrecoverableError(message);
  }
  const [result] = await runOnWorkers([resolveJob(replication, resolveScenario)], 1);
  if (!result?.ok) {
    const message = `the simulation failed: ${result?.message ?? 'no result'}`;
    report(message);
    throw new UnrecoverableError(message);
  }
  report();
  return encodeExact(result);
}
