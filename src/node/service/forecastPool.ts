import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Scenario } from '../../scenario';
import type { ForecastTask, ForecastTaskResult } from './forecastTask';

/** Options of a `ForecastPool`. */
export interface ForecastPoolOptions {
  /** Threads that run forecasts; default one per core. */
  threads?: number | undefined;
  /** Requests that may wait for a thread; past that the pool is full. Default 32. */
  maxQueue?: number | undefined;
  /** The scenario every task forecasts for, compiled once per thread (tasks then carry none). */
  scenario?: Scenario | undefined;
}

/** What a thread of the pool is started with. */
export interface ForecastPoolData {
  scenario: Scenario | undefined;
  threads: number;
  /** One Int32: the requests in the pool now, waiting or running (the request thread keeps it). */
  load: SharedArrayBuffer;
}

// Tasks whose times on a thread make the pool's pace: their median, so that one task stalled by
// the machine (a thread descheduled) does not shed the requests behind it.
const PACE_TASKS = 16;

/**
 * The forecast service's threads (piscina): forecasts run there, off the thread that answers
 * requests, so `/health` and `/metrics` answer at once under any load. A bounded queue in front:
 * when it is full, `run` says so at once and the service sheds the request (503).
 */
export class ForecastPool {
  private readonly piscina: Piscina<ForecastTask | 'ready?', ForecastTaskResult>;
  /** Resolves once every thread has loaded the model and warmed it up. */
  readonly ready: Promise<void>;
  private started = false;
  private readonly maxQueue: number;
  private readonly threads: number;
  // Requests in the pool, waiting or running: the threads read it to take their share of the budget.
  private readonly load = new Int32Array(new SharedArrayBuffer(4));
  private readonly recent: number[] = [];
  private serviceMilliseconds = 0;

  constructor(options: ForecastPoolOptions = {}) {
    const threads = options.threads ?? availableParallelism();
    this.threads = threads;
    this.maxQueue = options.maxQueue ?? 32;
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      maxQueue: this.maxQueue,
      // Threads stay warm (modules loaded, code compiled) for the service's life.
      idleTimeout: Infinity,
      workerData: { scenario: options.scenario, threads, load: this.load.buffer as SharedArrayBuffer } satisfies ForecastPoolData,
    });
    this.ready = Promise.all(Array.from({ length: threads }, () => this.piscina.run('ready?'))).then(() => {
      this.started = true;
    });
    this.ready.catch(() => {});
  }

  /** True once `ready` has resolved. */
  get isReady(): boolean {
    return this.started;
  }

  /** Requests waiting for a thread. */
  get queued(): number {
    return this.piscina.queueSize;
  }

  /** True when a request would find the queue full: it can be shed before its body is read. */
  get full(): boolean {
    return this.piscina.queueSize >= this.maxQueue;
  }

  /**
   * How long a request sent now would wait for a thread, in milliseconds: the requests ahead of
   * it, times the time a task takes on a thread (from its start there to its answer here; the
   * median of the last PACE_TASKS), shared among the threads. 0 while a thread is free.
   */
  get expectedWaitMilliseconds(): number {
    const ahead = Atomics.load(this.load, 0) - this.threads + 1;
    return ahead <= 0 ? 0 : (ahead * this.serviceMilliseconds) / this.threads;
  }

  /** Runs one request's forecasts on a thread, or answers 'full' at once when the queue is. */
  async run(task: ForecastTask): Promise<Exclude<ForecastTaskResult, { outcome: 'ready' }> | 'full'> {
    Atomics.add(this.load, 0, 1);
    try {
      const result = (await this.piscina.run(task)) as Exclude<ForecastTaskResult, { outcome: 'ready' }>;
      if ('startedAt' in result) {
        const took = performance.timeOrigin + performance.now() - result.startedAt;
        if (this.recent.push(took) > PACE_TASKS) this.recent.shift();
        this.serviceMilliseconds = [...this.recent].sort((a, b) => a - b)[this.recent.length >> 1]!;
      }
      return result;
    } catch (error) {
      if (error instanceof Error && error.message === 'Task queue is at limit') return 'full';
      throw error;
    } finally {
      Atomics.sub(this.load, 0, 1);
    }
  }

  /** Stops the threads. */
  close(): Promise<void> {
    return this.piscina.destroy();
  }
}

// The built package runs dist/forecast-worker.js; from sources, a bootstrap that loads the TypeScript.
function workerFile(): string {
  return import.meta.url.endsWith('.ts')
    ? new URL('./forecastWorkerSource.mjs', import.meta.url).href
    : new URL('./forecast-worker.js', import.meta.url).href;
}
