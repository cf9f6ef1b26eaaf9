import { expect } from 'vitest';

/**
 * Below this a double is subnormal or nearly so and carries fewer digits than any tolerance
 * here asks for; two values both below it count as equal (both are "0 to double precision").
 */
const EDGE_OF_DOUBLE = 1e-290;

/** |actual - expected| / |expected|, and 0 when both are the same number (0 included). */
export function relativeDifference(actual: number, expected: number): number {
  if (actual === expected) return 0;
  if (Math.abs(actual) < EDGE_OF_DOUBLE && Math.abs(expected) < EDGE_OF_DOUBLE) return 0;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Asserts agreement to a relative tolerance, naming the metric in the failure. */
export function expectRelative(actual: number, expected: number, tolerance: number, metric: string): void {
  expect(relativeDifference(actual, expected), `${metric}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Converts a load in Erlangs to the API's arrivals per hour. */
export function arrivalsPerHourFor(erlangs: number, meanHandleSeconds: number): number {
  return (erlangs * 3600) / meanHandleSeconds;
}
