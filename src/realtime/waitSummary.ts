import type { WaitForecast } from './types';
import type { FuturesResult } from './futures';

/** The forecast from the waits of many futures (sorted here in place) and how many hung up first. */
export function summarizeWaits(result: FuturesResult, abandons: number, offerCallback: boolean): WaitForecast {
  const waits = result.waits.sort();
  const futures = waits.length;
  let total = 0;
  for (let r = 0; r < futures; r++) total += waits[r]!;
  const p50Seconds = quantile(waits, 0.5);
  return {
    meanSeconds: total / futures,
    p50Seconds,
    p90Seconds: quantile(waits, 0.9),
    probAbandon: abandons / futures,
    announceSeconds: Math.ceil(p50Seconds / 60) * 60,
    offerCallback,
    futures,
    precisionSeconds: result.precisionSeconds,
    events: result.events,
  };
}

/** What a caller who reaches an agent at once is told: one future says it, as every future would. */
export const ANSWERED_AT_ONCE: WaitForecast = Object.freeze({
  meanSeconds: 0, p50Seconds: 0, p90Seconds: 0, probAbandon: 0, announceSeconds: 0, offerCallback: false, futures: 1, precisionSeconds: 0, events: 0,
});

// The q-quantile of sorted values: the value at rank ceil(q * n), as the report's sketch (NaN when there are none).
function quantile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}
