import type { ReplicationRunner } from '../experiment';
import { redisCluster } from '../node/cluster/clusterRunner';
import { workerThreads } from '../node/workerThreads';

/** Where a command's replications run: on the cluster at `--redis`, else on `--workers` threads (default one per core). */
export function runnerOf(options: { workers?: number | undefined; redis?: string | undefined }): ReplicationRunner {
  if (options.redis !== undefined) return redisCluster({ redis: options.redis });
  return workerThreads(options.workers === undefined ? {} : { workers: options.workers });
}
