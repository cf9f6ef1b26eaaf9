import type { WaitForecast } from './forecastWait';

/** The forecast from the waits of many futures (sorted here in place) and how many hung up first. */
export function summarizeWaits(waits: Float64Array, abandons: number, offerCallback: boolean): WaitForecast {
  const replications = waits.length;
  waits.sort();
  let total = 0;
  for (let r = 0; r < replications; r++) total += waits[r]!;
  const p50Seconds = quantile(waits, 0.5);
  return {
    meanSeconds: total / replications,
    p50Seconds,
    p90Seconds: quantile(waits, 0.9),
    probAbandon: abandons / replications,
    announceSeconds: Math.ceil(p50Seconds / 60) * 60,
    offerCallback,
  };
}

/** What a caller who reaches an agent at once is told. */
export const ANSWERED_AT_ONCE: WaitForecast = Object.freeze({
  meanSeconds: 0, p50Seconds: 0, p90Seconds: 0, probAbandon: 0, announceSeconds: 0, offerCallback: false,
});

// The q-quantile of sorted values: the value at rank ceil(q * n), as the report's sketch.
function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** The replications option checked, as every forecaster checks it. */
export function replicationsOf(replications = 1000): number {
  if (!(Number.isInteger(replications) && replications >= 1 && replications <= 1_000_000)) {
    throw new RangeError(`forecastWait: replications must be an integer from 1 to 1,000,000, got ${replications}`);
  }
  return replications;
}
