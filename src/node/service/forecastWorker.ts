import { workerData } from 'node:worker_threads';
import { createWaitForecaster, type ForecastOptions, type WaitForecast, type WaitForecaster } from '../../realtime';
import type { Scenario } from '../../scenario';
import type { ForecastTask, ForecastTaskResult } from './forecastTask';

// A thread of the forecast service's pool (piscina): answers one request's forecasts, within
// what is left of its deadline, and stops when the flag its request shares is raised (the
// client has gone). The scenario fixed at start comes once, as the pool's workerData.
const fixed: WaitForecaster | undefined = (workerData as { scenario?: Scenario } | undefined)?.scenario
  ? createWaitForecaster((workerData as { scenario: Scenario }).scenario)
  : undefined;

/** Runs one request's forecasts (every line asked, in turn) and says how they ended. */
export default function forecastTask(task: ForecastTask): ForecastTaskResult {
  const cancelled = new Int32Array(task.cancel);
  if (Atomics.load(cancelled, 0) === 1) return { outcome: 'cancelled' };
  const forecaster = fixed ?? createWaitForecaster(task.scenario!);
  const signal = { throwIfAborted: () => { if (Atomics.load(cancelled, 0) === 1) throw new CancelledError(); } };
  const lines = task.lines ?? [undefined];
  const answers: Array<WaitForecast & { computeMilliseconds: number }> = [];
  try {
    for (let i = 0; i < lines.length; i++) {
      // What is left of the deadline, shared among the lines still to answer.
      const left = task.deadline - Date.now();
      if (left <= 0) return { outcome: 'expired' };
      const milliseconds = Math.min(task.options.budget?.milliseconds ?? Infinity, left / (lines.length - i));
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
  return { outcome: 'answered', forecasts: answers };
}

class CancelledError extends Error {}
