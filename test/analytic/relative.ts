import { expect } from 'vitest';

/** |actual - expected| / |expected|, and 0 when both are the same number (0 included). */
export function relativeDifference(actual: number, expected: number): number {
  if (actual === expected) return 0;
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
