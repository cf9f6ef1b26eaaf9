import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { QuantileSketch } from '../../src';

// The sketch's doc comment promises: for any q, quantile(q) is within a relative error of
// `relativeAccuracy` of the exact q-quantile of the values recorded, for values from 1 ms to
// about 30 years (1e9 s); values under 1 ms count as 0 (an absolute error under 1 ms); and the
// q-quantile is the value at rank ceil(q n) in sorted order (rank 1 for q = 0: the "lower"
// quantile). These tests hold it to exactly that, against the sorted values.
//
// The only slack is floating point at the bucket edges, where the error is the bound itself:
// a value within a few ulps of an edge may land in the neighbouring bucket, so the bound is
// checked as relativeAccuracy * (1 + 1e-9).

const MIN_VALUE = 1e-3;
const MAX_VALUE = 1e9;

/** The exact lower q-quantile: the value at rank max(1, ceil(q n)) of the sorted values. */
function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

function sketchOf(values: readonly number[], relativeAccuracy?: number): QuantileSketch {
  const sketch = relativeAccuracy === undefined ? new QuantileSketch() : new QuantileSketch(relativeAccuracy);
  for (const v of values) sketch.add(v);
  return sketch;
}

/** Asserts the promised bound for one q. */
function expectWithinBound(sketch: QuantileSketch, sorted: readonly number[], q: number): void {
  const exact = exactQuantile(sorted, q);
  const estimate = sketch.quantile(q);
  if (exact < MIN_VALUE) {
    // Under 1 ms: reported as 0.
    expect(estimate, `q ${q}: exact ${exact}`).toBe(0);
  } else {
    const bound = sketch.relativeAccuracy * exact * (1 + 1e-9);
    expect(Math.abs(estimate - exact), `q ${q}: exact ${exact}, sketch ${estimate}`).toBeLessThanOrEqual(bound);
  }
}

// Hold times as they come: many exact zeros (answered at once), some under a millisecond,
// whole seconds, and any double from 1 ms to 1e9 s, spread over their magnitudes.
const holdValue = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: MIN_VALUE, maxExcluded: true, noNaN: true }),
  fc.integer({ min: 0, max: 7200 }),
  fc.double({ min: MIN_VALUE, max: MAX_VALUE, noNaN: true }),
  fc.double({ min: -3, max: 9, noNaN: true }).map((exponent) => 10 ** exponent),
);
const quantileLevel = fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.95, 0.99, 1), fc.double({ min: 0, max: 1, noNaN: true }));

describe('QuantileSketch against exact sample quantiles', () => {
  test.prop([fc.array(holdValue, { minLength: 1, maxLength: 400 }), fc.array(quantileLevel, { minLength: 1, maxLength: 10 })], {
    numRuns: 300,
  })('within 0.5% (the default) of the value at rank ceil(q n)', (values, levels) => {
    const sketch = sketchOf(values);
    const sorted = [...values].sort((a, b) => a - b);
    expect(sketch.count).toBe(values.length);
    for (const q of levels) expectWithinBound(sketch, sorted, q);
  });

  test.prop(
    [
      fc.constantFrom(0.0005, 0.001, 0.01, 0.02, 0.05),
      fc.array(holdValue, { minLength: 1, maxLength: 300 }),
      fc.array(quantileLevel, { minLength: 1, maxLength: 10 }),
    ],
    { numRuns: 200 },
  )('within any other accuracy asked for', (relativeAccuracy, values, levels) => {
    const sketch = sketchOf(values, relativeAccuracy);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of levels) expectWithinBound(sketch, sorted, q);
  });

  test.prop([fc.array(holdValue, { maxLength: 200 }), fc.array(holdValue, { minLength: 1, maxLength: 200 }), quantileLevel], {
    numRuns: 200,
  })('merging two sketches gives the sketch of all the values', (first, second, q) => {
    const merged = sketchOf(first);
    merged.merge(sketchOf(second));
    const all = sketchOf([...first, ...second]);
    expect(merged.count).toBe(all.count);
    expect(merged.quantile(q)).toBe(all.quantile(q));
    expectWithinBound(merged, [...first, ...second].sort((a, b) => a - b), q);
  });
});

describe('QuantileSketch, worked examples', () => {
  test('the lower quantile: rank ceil(q n), not an interpolation or the rank above', () => {
    // Ten values 10% apart, far more than the 0.5% accuracy, so each rank is unmistakable.
    const values = Array.from({ length: 10 }, (_, i) => 100 * 1.1 ** i);
    const sketch = sketchOf(values);
    const near = (q: number, rank: number) => expect(Math.abs(sketch.quantile(q) / values[rank - 1]! - 1), `q ${q}`).toBeLessThanOrEqual(0.005);
    near(0, 1);
    near(0.1, 1); // ceil(1) = 1
    near(0.10001, 2);
    near(0.5, 5);
    near(0.9, 9); // ceil(9) = 9: the 9th value, not the 10th
    near(0.90001, 10);
    near(0.95, 10);
    near(1, 10);
  });

  test('the doc comment: [0, 12, 30, 95]', () => {
    const sketch = sketchOf([0, 12, 30, 95]);
    expect(Math.abs(sketch.quantile(0.5) - 12)).toBeLessThanOrEqual(0.005 * 12);
    expect(sketch.quantile(0.25)).toBe(0); // answered at once
    expect(Math.abs(sketch.quantile(0.9) - 95)).toBeLessThanOrEqual(0.005 * 95);
    expect(new QuantileSketch().quantile(0.5)).toBeNaN();
  });

  test('the bound is tight: on a fine grid of values the worst error comes within 1% of it, never past it', () => {
    // So a sketch whose buckets were even slightly wider than promised would fail the tests above.
    const values = Array.from({ length: 20_000 }, (_, i) => 10 * 1.0001 ** i); // 10 s to about 74 s
    const sketch = sketchOf(values);
    let worst = 0;
    for (let rank = 1; rank <= values.length; rank++) {
      const q = (rank - 0.5) / values.length; // ceil(q n) = rank
      const exact = exactQuantile(values, q);
      expect(exact).toBe(values[rank - 1]);
      worst = Math.max(worst, Math.abs(sketch.quantile(q) - exact) / exact);
    }
    expect(worst).toBeLessThanOrEqual(0.005 * (1 + 1e-9));
    expect(worst).toBeGreaterThan(0.99 * 0.005);
  });
});
