import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunnerOptions } from '../experiment';
import type { ReplicationResult, ReplicationTask } from './workerProtocol';

// Workers stay between calls for a few seconds, warm (modules loaded, code compiled), so a
// planner's sweep of many comparisons does not pay their start each time; they never keep
// the process alive.
const idle: Worker[] = [];
let retireTimer: ReturnType<typeof setTimeout> | undefined;
const IDLE_MILLISECONDS = 5_000;

/**
 * Runs tasks on a few worker threads, one task per worker at a time, and hands back the
 * results in the order the tasks were given. An abort rejects at once and ends the workers
 * busy with a task (the idle ones stay warm).
 */
export async function runOnWorkers(tasks: readonly ReplicationTask[], workers: number, options: RunnerOptions = {}): Promise<ReplicationResult[]> {
  const { onDone, signal } = options;
  signal?.throwIfAborted();
  const count = Math.max(1, Math.min(workers, tasks.length));
  const results: ReplicationResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  if (retireTimer) clearTimeout(retireTimer);
  const pool = await Promise.all(Array.from({ length: count }, () => idle.pop() ?? startWorker()));
  // Busy workers keep the process alive until they answer; idle ones never do.
  for (const worker of pool) worker.ref();
  const healthy: Worker[] = [];
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => (onAbort = () => reject(signal!.reason)));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const all = Promise.all(
      pool.map(async (worker) => {
        while (next < tasks.length && !signal?.aborted) {
          const index = next++;
          results[index] = await ask(worker, tasks[index]!);
          onDone?.(++done, tasks.length);
        }
        healthy.push(worker);
      }),
    );
    await Promise.race([all, aborted]);
    signal?.throwIfAborted();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const worker of pool) {
      worker.unref();
      if (healthy.includes(worker)) idle.push(worker);
      else void worker.terminate();
    }
    retireTimer = setTimeout(retireIdleWorkers, IDLE_MILLISECONDS);
    retireTimer.unref();
  }
  return results;
}

/** How many workers to start by default: one per core the host offers. */
export function defaultWorkers(): number {
  return availableParallelism();
}

function retireIdleWorkers(): void {
  for (const worker of idle.splice(0)) void worker.terminate();
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
// tests) the worker is started by a module loaded only then: its `import.meta.resolve` does
// not parse in the CJS build, which would fail `require('queuecast/node')` if loaded with it.
async function startWorker(): Promise<Worker> {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./replication-worker.js', import.meta.url));
  const { sourceWorker } = await import('./sourceWorker');
  return sourceWorker(new URL('./replicationWorker.ts', import.meta.url));
}
