import { expect } from 'vitest';
import { replicate, type Report, type Scenario } from '../../src';
import { meanAndStandardError } from './scenarios';

// What the exact Markov-chain tests of the model share (test/model/multiLineExact.test.ts and
// the tests of the routing features after it): steady-state runs, replications and the check of
// a simulated figure against its exact value.
//
// Tolerance: each case runs 16 independent replications (replicate()), each of many counted
// hours after a warm-up of 20 of the slowest mean times, so that the empty start is gone; a
// figure passes when its mean over the replications lies within 4.5 standard errors of the
// exact value. Student t with 15 degrees of freedom puts a false alarm below 1 in 2,000 per
// check (the seeds are fixed, so the tests are deterministic anyway). Each check also asserts
// that the tolerance itself is small (`sharpEnough`), so that a wrong model cannot pass on noise.
export const replications = 16;
export const standardErrors = 4.5;
/** Truncations keep less mass than this on their boundary. */
export const NEGLIGIBLE = 1e-12;

/** A fraction or an occupancy: 1 point. */
export const POINT = 0.01;
/** A mean wait: 5% of the exact wait. */
export const waitTolerance = (exactSeconds: number) => 0.05 * exactSeconds;

export const exponential = (meanSeconds: number) => ({ type: 'exponential', meanSeconds }) as const;

/** The steady-state run of a scenario: a warm-up of 20 of its slowest mean times, then the counted hours. */
export function steadyState<S extends object>(
  scenario: S,
  { slowestMeanSeconds, seed, countedHours = 1000 }: { slowestMeanSeconds: number; seed: number; countedHours?: number },
): S & Pick<Scenario, 'seed' | 'warmupSeconds' | 'durationSeconds'> {
  const warmupSeconds = 20 * slowestMeanSeconds;
  return { ...scenario, seed, warmupSeconds, durationSeconds: warmupSeconds + countedHours * 3600 };
}

export async function reportsOf(scenario: Scenario): Promise<Report[]> {
  const { reports } = await replicate(scenario, { replications });
  return reports;
}

/**
 * Asserts that the mean over the replications is within `standardErrors` standard errors of the
 * exact value, and that this tolerance is under `sharpEnough`. Soft, so that one run reports
 * every figure that is off.
 */
export function check(metric: string, values: readonly number[], exact: number, sharpEnough: number): void {
  const { mean, standardError } = meanAndStandardError(values);
  const tolerance = standardErrors * standardError;
  expect.soft(tolerance, `${metric}: tolerance ${tolerance} must be under ${sharpEnough}`).toBeLessThan(sharpEnough);
  expect.soft(Math.abs(mean - exact), `${metric}: simulated ${mean} ± ${tolerance}, exact ${exact}`).toBeLessThanOrEqual(tolerance);
}
