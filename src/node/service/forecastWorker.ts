import { workerData } from 'node:worker_threads';
import { createWaitForecaster, type ForecastOptions, type WaitForecast, type WaitForecaster } from '../../realtime';
import { budgetShare } from './budgetShare';
import type { ForecastPoolData } from './forecastPool';
import type { ForecastTask, ForecastTaskResult } from './forecastTask';

// A thread of the forecast service's pool (piscina): answers one request's forecasts, within
// what is left of its deadline, and stops when the flag its request shares is raised (the
// client has gone). The scenario fixed at start comes once, as the pool's workerData.
const pool = workerData as ForecastPoolData;
const fixed: WaitForecaster | undefined = pool.scenario ? createWaitForecaster(pool.scenario) : undefined;
const load = new Int32Array(pool.load);
if (fixed) warmUp(fixed);

/** Runs one request's forecasts (every line asked, in turn) and says how they ended. */
export default function forecastTask(task: ForecastTask | 'ready?'): ForecastTaskResult {
  // Answered once this module has loaded (and warmed up): the pool is ready.
  if (task === 'ready?') return { outcome: 'ready' };
  const cancelled = new Int32Array(task.cancel);
  if (Atomics.load(cancelled, 0) === 1) return { outcome: 'cancelled' };
  const forecaster = fixed ?? createWaitForecaster(task.scenario!);
  const signal = { throwIfAborted: () => { if (Atomics.load(cancelled, 0) === 1) throw new CancelledError(); } };
  const lines = task.lines ?? [undefined];
  const answers: Array<WaitForecast & { computeMilliseconds: number }> = [];
  const startedAt = performance.timeOrigin + performance.now();
  const budget = task.defaultMilliseconds === undefined ? task.options.budget?.milliseconds ?? Infinity : budgetShare(task.defaultMilliseconds, pool.threads, Atomics.load(load, 0));
  try {
    for (let i = 0; i < lines.length; i++) {
      // What is left of the deadline, shared among the lines still to answer.
      const left = task.deadline - Date.now();
      if (left <= 0) return { outcome: 'expired' };
      const milliseconds = Math.min(budget, left / (lines.length - i));
      const options: ForecastOptions = { ...task.options, budget: { ...task.options.budget, milliseconds }, signal };
      if (lines[i] !== undefined) options.line = lines[i]!;
      const start = performance.now();
      const forecast = forecaster(task.snapshot, options);
      answers.push({ ...forecast, computeMilliseconds: performance.now() - start });
    }
  } catch (error) {
    if (error instanceof CancelledError) return { outcome: 'cancelled' };
    throw error;
  }
  return { outcome: 'answered', forecasts: answers, startedAt };
}

class CancelledError extends Error {}

// A thread's first forecasts run before the model's code is compiled, ten to a hundred times
// slower than later ones: a few futures of a congested moment of the scenario's own day, at
// start, keep that from the first requests (whose deadline it would pass).
function warmUp(forecaster: WaitForecaster): void {
  const { lines, groups } = forecaster.scenario;
  const snapshot = {
    lines: {},
    groups: Object.fromEntries(groups.map((group) => [group.name, { agents: 1, busy: [{ elapsedSeconds: 60, line: lines.find((l) => l.routing.some((r) => groups[r.group] === group))!.name }] }])),
  };
  for (const line of lines) forecaster(snapshot, { line: line.name, replications: 20, budget: { milliseconds: 500 } });
}
