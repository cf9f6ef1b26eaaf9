// The caller's side of the cluster: jobs into the queue, results back in the order of the jobs,
// each counted once however many times a job ran, and an error, never a hang, when Redis goes.
import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReplicationJob, ReplicationOutcome, ReplicationRunner, RunnerOptions } from '../../experiment';
import { outcomeOf } from '../workerThreads';
import type { ReplicationResult } from '../workerProtocol';
import { ClusterError, DEFAULT_QUEUE, connectRedis, redactedUrl, watchConnection, type ClusterOptions } from './connection';
import { PROTOCOL, encodeExact, readResult, type JobData } from './protocol';

export type { ClusterOptions } from './connection';

// When no event has come for this long, the caller asks Redis for its jobs' states itself (an
// event can be missed while a connection is re-established).
const QUIET_MILLISECONDS = 2_000;

/**
 * A runner on a Redis cluster: each replication goes to the cluster's queue as one job, run by
 * whichever machine's `queuecast worker --redis URL` takes it, and the outcomes come back the
 * same, bit for bit, as in-process. It connects at each call, within `timeoutSeconds`, and
 * fails with a `ClusterError` (never hangs) when Redis goes; an abort takes the call's
 * unfinished jobs off the queue.
 *
 * @example
 * import { replicate } from 'queuecast';
 * import { redisCluster } from 'queuecast/node';
 * const runner = redisCluster({ redis: 'redis://queue.example:6379' });
 * const { summary } = await replicate(scenario, { replications: 320, runner });
 */
export function redisCluster(options: ClusterOptions): ReplicationRunner {
  return { run: (jobs, runOptions = {}) => runOnCluster(jobs, options, runOptions) };
}

async function runOnCluster(jobs: readonly ReplicationJob[], options: ClusterOptions, { onDone, signal }: RunnerOptions): Promise<ReplicationOutcome[]> {
  signal?.throwIfAborted();
  if (jobs.length === 0) return [];
  const [client, eventsClient] = await Promise.all([connectRedis(options), connectRedis(options)]);
  const name = options.queue ?? DEFAULT_QUEUE;
  const queue = new Queue<JobData>(name, { connection: client });
  queue.on('error', () => undefined);
  let events: QueueEvents | undefined;
  // QueueEvents reads on a duplicate of the connection it is given, and BullMQ's close waits
  // for that duplicate to be ready: with Redis lost before it was, the duplicate would
  // reconnect for ever and keep the process alive. Kept here, it is disconnected with the others.
  const readers: Redis[] = [];
  let ended = false;
  const duplicate = eventsClient.duplicate.bind(eventsClient);
  eventsClient.duplicate = (override) => {
    const reader = duplicate(override);
    readers.push(reader);
    if (ended) reader.disconnect();
    return reader;
  };
  const run = new ClusterRun(jobs, queue, onDone);
  const stopWatching = [client, eventsClient].map((connection) => watchConnection(connection, options, (error) => run.fail(error)));
  const onAbort = () => run.fail(signal!.reason as Error);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  const setUp = async () => {
    // Read the event stream from where it is now, so no completion is missed before the first read.
    const [latest] = (await client.xrevrange(queue.keys.events!, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
    events = new QueueEvents(name, { connection: eventsClient, lastEventId: latest?.[0] ?? '0-0' });
    events.on('error', () => undefined);
    events.on('completed', ({ jobId, returnvalue }) => run.completed(jobId, returnvalue));
    events.on('failed', ({ jobId, failedReason }) => run.failed(jobId, failedReason));
    await events.waitUntilReady();
    await queue.addBulk(
      jobs.map((job, index) => ({
        name: job.kind,
        data: { protocol: PROTOCOL, job: encodeExact(job) },
        // Completed jobs stay a while, so that a caller that missed the event can still read them.
        opts: { jobId: run.jobId(index), attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } },
      })),
    );
  };
  try {
    // Every step races the run's own failure (Redis lost), so that none of them can hang.
    const results = await Promise.race([setUp().then(() => run.results()), run.results()]);
    return results.map(outcomeOf);
  } catch (error) {
    if (error instanceof ClusterError || signal?.aborted) throw error;
    throw new ClusterError(`the cluster on ${redactedUrl(options.redis)} failed: ${(error as Error).message}`);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    run.fail(new ClusterError('the run has ended'));
    for (const stop of stopWatching) stop();
    // Tidy up only with Redis there to answer: a caller that lost it must hear so at once.
    if (client.status === 'ready') {
      await run.abandonUnfinished();
      await settleWithin(Promise.allSettled([events?.close(), queue.close()]), 1_000);
    } else {
      // Closing is what ends QueueEvents' read loop, which otherwise retries a dead Redis
      // forever and keeps the process alive; nothing is left to wait for.
      void Promise.allSettled([events?.close(), queue.close()]);
    }
    ended = true;
    for (const connection of [client, eventsClient, ...readers]) connection.disconnect();
  }
}

/** One call's jobs: which are done, and the promise of all their results. */
class ClusterRun {
  private readonly runId = randomUUID();
  private readonly received: Array<ReplicationResult | undefined>;
  private done = 0;
  private settled = false;
  private lastNews = performance.now();
  private resolve!: (results: ReplicationResult[]) => void;
  private reject!: (error: Error) => void;
  private readonly promise: Promise<ReplicationResult[]>;
  private reconcileTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly jobs: readonly ReplicationJob[],
    private readonly queue: Queue<JobData>,
    private readonly onDone?: (done: number, total: number) => void,
  ) {
    this.received = new Array(jobs.length);
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // The caller awaits `results()` only once the jobs are queued; a failure before that must not go unhandled.
    this.promise.catch(() => undefined);
  }

  jobId(index: number): string {
    return `${this.runId}.${index}`;
  }

  private indexOf(jobId: string): number | undefined {
    const prefix = `${this.runId}.`;
    return jobId.startsWith(prefix) ? Number(jobId.slice(prefix.length)) : undefined;
  }

  /** All the results, in the order of the jobs; rejects when the run fails. */
  results(): Promise<ReplicationResult[]> {
    if (!this.settled) this.reconcileTimer ??= setInterval(() => void this.reconcile(), QUIET_MILLISECONDS / 2);
    return this.promise;
  }

  completed(jobId: string, returnvalue: unknown): void {
    const index = this.indexOf(jobId);
    if (index === undefined || this.settled) return;
    this.lastNews = performance.now();
    // A job that ran twice (its first worker died) is counted once.
    if (this.received[index] !== undefined) return;
    try {
      this.received[index] = readResult(resultText(returnvalue), this.jobs[index]!);
    } catch (error) {
      this.fail(new ClusterError(`replication ${index + 1} of ${this.jobs.length}: ${(error as Error).message}`));
      return;
    }
    this.done++;
    this.onDone?.(this.done, this.jobs.length);
    if (this.done === this.jobs.length) this.finish(() => this.resolve(this.received as ReplicationResult[]));
  }

  failed(jobId: string, reason: string): void {
    const index = this.indexOf(jobId);
    if (index === undefined) return;
    this.fail(new ClusterError(`replication ${index + 1} of ${this.jobs.length} failed on a worker: ${reason}`));
  }

  fail(error: Error): void {
    this.finish(() => this.reject(error));
  }

  /** Jobs nobody has finished, taken off the queue so that no worker runs them for nothing. */
  async abandonUnfinished(): Promise<void> {
    const unfinished = this.jobs.map((_, i) => i).filter((i) => this.received[i] === undefined);
    if (unfinished.length === 0 || this.queue.closing) return;
    await settleWithin(Promise.allSettled(unfinished.map((i) => this.queue.remove(this.jobId(i)))), 1_000);
  }

  private finish(settle: () => void): void {
    if (this.settled) return;
    this.settled = true;
    clearInterval(this.reconcileTimer);
    settle();
  }

  /** After a quiet spell, reads the unfinished jobs' states from Redis. */
  private async reconcile(): Promise<void> {
    if (this.settled || performance.now() - this.lastNews < QUIET_MILLISECONDS) return;
    this.lastNews = performance.now();
    const unfinished = this.jobs.map((_, i) => i).filter((i) => this.received[i] === undefined);
    try {
      const found = await Promise.all(unfinished.map((i) => Job.fromId(this.queue, this.jobId(i))));
      for (const job of found) {
        if (job?.id === undefined) continue;
        if (job.finishedOn && job.failedReason) this.failed(job.id, job.failedReason);
        else if (job.finishedOn) this.completed(job.id, job.returnvalue);
      }
    } catch {
      // Redis unreachable: the connection watch says so.
    }
  }
}

/** A worker's answer as BullMQ hands it over: the processor's string, JSON-encoded once more or not. */
function resultText(returnvalue: unknown): string {
  if (typeof returnvalue !== 'string') return JSON.stringify(returnvalue);
  try {
    const inner: unknown = JSON.parse(returnvalue);
    return typeof inner === 'string' ? inner : returnvalue;
  } catch {
    return returnvalue;
  }
}

async function settleWithin(promise: Promise<unknown>, milliseconds: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, milliseconds)))]);
  clearTimeout(timer);
}
