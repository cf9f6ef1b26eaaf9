import { describe, expect, it } from 'vitest';
import { countQuantiles } from '../../src/forecast/countQuantiles';
import { normalQuantile } from '../../src/random/normal';

/** ln n!, summed once into a table. */
const LOG_FACTORIALS = [0];
for (let k = 1; k <= 5000; k++) LOG_FACTORIALS.push(LOG_FACTORIALS[k - 1]! + Math.log(k));
const logFactorial = (n: number) => LOG_FACTORIALS[n]!;

/**
 * The mixture's CDF by brute force: 2,000 equal-probability points of the lognormal day factor,
 * each count's negative binomial probability from its closed form (Gamma ratios by summed logs,
 * r an integer here), cumulated from 0.
 */
function bruteCdf(mean: number, logVariance: number, r: number | undefined, upTo: number): number[] {
  const points = 2000;
  const cdf = new Array<number>(upTo + 1).fill(0);
  for (let i = 0; i < points; i++) {
    const m = mean * Math.exp(normalQuantile((i + 0.5) / points) * Math.sqrt(logVariance) - logVariance / 2);
    let sum = 0;
    for (let n = 0; n <= upTo; n++) {
      const log =
        r === undefined
          ? n * Math.log(m) - m - logFactorial(n)
          : logFactorial(n + r - 1) - logFactorial(r - 1) - logFactorial(n) + r * Math.log(r / (r + m)) + n * Math.log(m / (r + m));
      sum += Math.exp(log);
      cdf[n]! += sum / points;
    }
  }
  return cdf;
}

/** The bounds whose cumulative probabilities are nearest the targets: P(N < low) and P(N <= high). */
function nearestBounds(cdf: number[], lowP: number, highP: number): [number, number] {
  const nearest = (target: number) => cdf.reduce((best, c, n) => (Math.abs(c - target) < Math.abs((cdf[best] ?? 0) - target) ? n : best), -1);
  return [nearest(lowP) + 1, nearest(highP)];
}

describe('countQuantiles', () => {
  it.each([
    [5, 0, undefined],
    [100, 0, undefined],
    [9, 0.04, 14],
    [200, 0.01, 500],
    [40, 0.2, 5],
  ])('mean %d, log variance %d, r %s: the brute-force mixture bounds', (mean, logVariance, r) => {
    const cdf = bruteCdf(mean, logVariance, r, Math.ceil(mean * 6 + 60));
    const dispersion = r === undefined ? 0 : 1 / r;
    expect(countQuantiles(mean, logVariance, dispersion, 0.05, 0.95)).toEqual(nearestBounds(cdf, 0.05, 0.95));
  });

  it('Poisson(100): 84 to 116, P(N < 84) = 0.046 and P(N <= 116) = 0.948 the nearest to 5% and 95%', () => {
    expect(countQuantiles(100, 0, 0, 0.05, 0.95)).toEqual([84, 116]);
    expect(countQuantiles(0, 0.1, 0.1, 0.05, 0.95)).toEqual([0, 0]);
  });
});
