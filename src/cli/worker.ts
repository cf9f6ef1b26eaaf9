// `queuecast worker`: one machine's share of a cluster, until it is stopped or loses Redis.
import type { Command } from 'commander';
import { runClusterWorker } from '../node/cluster/clusterWorker';
import { redactedUrl } from '../node/cluster/connection';

/** Adds `queuecast worker` to the program. */
export function workerCommand(cli: Command, options: { positiveInteger: (name: string) => (value: string) => number; redisUrl: (value: string) => string }): void {
  cli
    .command('worker')
    .description("take replications from a Redis cluster's queue and run them, until stopped (Ctrl-C finishes the jobs in hand)")
    .requiredOption('--redis <url>', 'the cluster\'s Redis: redis://[:password@]host:port, or rediss:// for TLS', options.redisUrl)
    .option('-c, --concurrency <n>', 'jobs at once, each on its own thread (default: one per core)', options.positiveInteger('--concurrency'))
    .option('--lock-seconds <n>', "a job's lock; a dead worker's job runs elsewhere within about twice this", options.positiveInteger('--lock-seconds'), 30)
    .option('--quiet', 'no line per job')
    .action(async (opts: { redis: string; concurrency?: number; lockSeconds: number; quiet?: boolean }) => {
      const worker = await runClusterWorker({
        redis: opts.redis,
        lockSeconds: opts.lockSeconds,
        ...(opts.concurrency === undefined ? {} : { concurrency: opts.concurrency }),
        ...(opts.quiet ? {} : { onJob: ({ id, kind, seconds, started, failed }) => process.stderr.write(`${kind} ${id}: ${started ? 'started' : failed ? `failed: ${failed}` : `done in ${seconds.toFixed(2)} s`}\n`) }),
      });
      process.stderr.write(`queuecast worker: taking jobs from ${redactedUrl(opts.redis)}\n`);
      const stop = () => void worker.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await worker.closed;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
