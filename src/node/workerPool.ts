import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReplicationResult, ReplicationTask } from './workerProtocol';

/**
 * Runs tasks on a few worker threads, one task per worker at a time, and hands back the
 * results in the order the tasks were given.
 */
export async function runOnWorkers(
  tasks: readonly ReplicationTask[],
  workers: number,
  onDone?: (done: number, total: number) => void,
): Promise<ReplicationResult[]> {
  const count = Math.max(1, Math.min(workers, tasks.length));
  const results: ReplicationResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: count }, () => startWorker());
  try {
    await Promise.all(
      pool.map(async (worker) => {
        while (next < tasks.length) {
          const index = next++;
          results[index] = await ask(worker, tasks[index]!);
          onDone?.(++done, tasks.length);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}

/** How many workers to start by default: one per core the host offers. */
export function defaultWorkers(): number {
  return availableParallelism();
}

function ask(worker: Worker, task: ReplicationTask): Promise<ReplicationResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (result: ReplicationResult) => {
      worker.off('error', onError);
      resolve(result);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(task);
  });
}

// The built package runs dist/replication-worker.js. From sources (examples run with tsx,
// tests) the worker registers tsx's loader itself, then loads the TypeScript file.
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./replication-worker.js', import.meta.url));
  const loader = import.meta.resolve('tsx/esm/api');
  const script = new URL('./replicationWorker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(bootstrap, { eval: true });
}
