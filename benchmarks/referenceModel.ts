import type { Scenario } from '../src';

/** The reference model's arrival rate, calls per hour. */
export const REFERENCE_ARRIVALS_PER_HOUR = 570;

/**
 * The reference model of the benchmarks (M/M/50+M: 570 calls an hour, exponential handle
 * 300 s and patience 600 s), long enough for about `callers` callers.
 */
export function referenceModel(callers: number): Scenario {
  return {
    seed: 1,
    arrivals: { perHour: REFERENCE_ARRIVALS_PER_HOUR },
    agents: 50,
    durationSeconds: (callers / REFERENCE_ARRIVALS_PER_HOUR) * 3600,
    handleTime: { type: 'exponential', meanSeconds: 300 },
    patience: { type: 'exponential', meanSeconds: 600 },
  };
}
