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

// The q-quantile of sorted values as a prediction of one more value from the same distribution:
// at rank q (n + 1), between two ranks by linear interpolation (Hyndman and Fan's type 6). A
// new value falls at or below the k-th of n with probability k / (n + 1), so this median and p90
// are met 50% and 90% of the time however few futures a budget buys (the rank ceil(q n), which
// the report's sketch uses, gives a p90 met 15 times in 16 with 15 futures); with 39 or 99
// futures both are the same rank. Past the ends, the end (NaN when there are none).
function quantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = q * (n + 1);
  if (rank <= 1) return sorted[0]!;
  if (rank >= n) return sorted[n - 1]!;
  const below = Math.floor(rank);
  const low = sorted[below - 1]!;
  const fraction = rank - below;
  // Exact ranks stay exact (and a never-answered Infinity above them cannot make a NaN).
  return fraction === 0 ? low : low + fraction * (sorted[below]! - low);
}
