// `queuecast worker`: one machine's share of a cluster, until it is stopped or gives up on Redis.
import type { Command } from 'commander';
import { runClusterWorker } from '../node/cluster/clusterWorker';
import { ClusterError, redactedUrl } from '../node/cluster/connection';

interface WorkerCommandOptions {
  redis: string;
  concurrency?: number;
  lockSeconds: number;
  giveUpAfter: number;
  quiet?: boolean;
}

/** Adds `queuecast worker` to the program. */
export function workerCommand(cli: Command, options: { positiveInteger: (name: string) => (value: string) => number; redisUrl: (value: string) => string }): void {
  cli
    .command('worker')
    .description("take replications from a Redis cluster's queue and run them, until stopped (Ctrl-C finishes the jobs in hand; a second Ctrl-C stops at once)")
    .requiredOption('--redis <url>', 'the cluster\'s Redis: redis://[:password@]host:port, or rediss:// for TLS', options.redisUrl)
    .option('-c, --concurrency <n>', 'jobs at once, each on its own thread (default: one per core)', options.positiveInteger('--concurrency'))
    .option('--lock-seconds <n>', "a job's lock; a dead worker's job runs again elsewhere within about twice this", options.positiveInteger('--lock-seconds'), 30)
    .option('--give-up-after <seconds>', 'how long to wait for a lost Redis to come back (trying again with a backoff) before exiting with code 1', options.positiveInteger('--give-up-after'), 300)
    .option('--quiet', 'no line per job')
    .action(async (opts: WorkerCommandOptions) => {
      try {
        await work(opts);
      } catch (error) {
        // Redis unreachable or gone for good is the worker's one expected way to end badly: one line, no stack.
        if (!(error instanceof ClusterError)) throw error;
        process.stderr.write(`queuecast: ${error.message}\n`);
        // Threads still running jobs that can no longer be reported must not keep the process alive.
        process.exit(1);
      }
      process.exit(0);
    });
}

async function work(opts: WorkerCommandOptions): Promise<void> {
  const worker = await runClusterWorker({
    redis: opts.redis,
    lockSeconds: opts.lockSeconds,
    giveUpAfterSeconds: opts.giveUpAfter,
    ...(opts.concurrency === undefined ? {} : { concurrency: opts.concurrency }),
    ...(opts.quiet ? {} : { onJob: ({ id, kind, seconds, started, failed }) => process.stderr.write(`${kind} ${id}: ${started ? 'started' : failed ? `failed: ${failed}` : `done in ${seconds.toFixed(2)} s`}\n`) }),
  });
  process.stderr.write(`queuecast worker: taking jobs from ${redactedUrl(opts.redis)}; gives up ${opts.giveUpAfter} s after losing it\n`);
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals === 1) {
      process.stderr.write(`queuecast worker: ${signal}: stopping once the jobs in hand are done (${signal} again: at once)\n`);
      void worker.close();
    } else {
      process.stderr.write(`queuecast worker: ${signal}: stopping at once; the jobs in hand run again elsewhere once their locks lapse\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await worker.closed;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
