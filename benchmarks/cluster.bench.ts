// 64 replications of the reference model (250,000 callers each) through a Redis cluster of 2
// `queuecast worker` processes (one job at a time each), against the same replications on 2
// worker threads of this process, alternating, several rounds; the reports must be identical.
// Job overhead: 64 replications of a 100-caller scenario through the cluster, whose simulation
// takes well under a millisecond, so that what remains is the job's cost (queue, lock, events,
// JSON both ways, a worker thread's hop). Starts its own redis-server on a free port.
// Measures the built package (npm run build first).
//   npx tsx benchmarks/cluster.bench.ts [--replications 64] [--rounds 3]
import { isDeepStrictEqual } from 'node:util';
import { replicate } from '../dist/index.js';
import { redisCluster, workerThreads } from '../dist/node.js';
import { startRedis, startWorker, stopProcess } from '../test/support/redisServer';
import { alternate, median, option, report, type BenchResult } from './measure';
import { referenceModel } from './referenceModel';

const replications = option('replications', 64);
const rounds = option('rounds', 3);
const WORKERS = 2;
const scenario = referenceModel(250_000);
const tiny = referenceModel(100);

const redis = await startRedis();
const workers = await Promise.all(Array.from({ length: WORKERS }, () => startWorker(redis.url, ['--lock-seconds', '30', '--quiet'])));
try {
  const cluster = redisCluster({ redis: redis.url });
  const onWorkerThreads = workerThreads({ workers: WORKERS });
  // Both warm: workers started, code compiled.
  const onThreads = await replicate(scenario, { replications, runner: onWorkerThreads });
  const onCluster = await replicate(scenario, { replications, runner: cluster });
  if (!isDeepStrictEqual(onThreads, onCluster)) throw new Error('cluster reports differ from worker-thread ones');
  await replicate(tiny, { replications, runner: cluster });

  const seconds = await alternate(
    {
      threads: () => replicate(scenario, { replications, runner: onWorkerThreads }),
      cluster: () => replicate(scenario, { replications, runner: cluster }),
      tiny: () => replicate(tiny, { replications, runner: cluster }),
    },
    rounds,
  );
  const threads = median(seconds.threads!);
  const onRedis = median(seconds.cluster!);
  const tinySeconds = median(seconds.tiny!);
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  const results: BenchResult[] = [
    { bench: `replicate() on ${WORKERS} worker threads`, replications, rounds, medianSeconds: round3(threads), speed: 1 },
    {
      bench: `replicate() on a Redis cluster of ${WORKERS} worker processes`,
      replications,
      rounds,
      medianSeconds: round3(onRedis),
      speed: Math.round((threads / onRedis) * 100) / 100,
      // What each job cost beyond the simulation, from the difference: each worker ran half the jobs.
      overheadMsPerJob: Math.round((((onRedis - threads) * WORKERS) / replications) * 1000 * 10) / 10,
      identicalReports: 'yes',
    },
    {
      bench: `job overhead: ${replications} jobs of 100 callers on the cluster`,
      replications,
      rounds,
      medianSeconds: round3(tinySeconds),
      // Wall time per job, and per job and worker (the two run side by side).
      msPerJob: Math.round((tinySeconds / replications) * 1000 * 10) / 10,
      msPerJobPerWorker: Math.round(((tinySeconds * WORKERS) / replications) * 1000 * 10) / 10,
    },
  ];
  report(results);
} finally {
  await Promise.all(workers.map((w) => stopProcess(w.process)));
  await redis.stop();
}
