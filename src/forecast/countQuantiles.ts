// Quantiles of an interval's count: negative binomial (Poisson when the dispersion is 0) around a
// mean that the day factor, lognormal, scales. The day factor is integrated over equal-probability
// points of its distribution; each point's probabilities are summed over a window of eight standard
// deviations about its mean, by the pmf's recursion from the mean outwards (no underflow at
// large means, a multiplication a count).
import { logGamma } from '../random/incompleteGamma';
import { normalQuantile } from '../random/normal';

/** Points of the day factor's distribution: 40 missed a bound by one count at a day factor cv of 0.47, 100 match a 2,000-point integration (test/forecast/countQuantiles.test.ts). */
const POINTS = 100;
const STANDARD_POINTS = Array.from({ length: POINTS }, (_, i) => normalQuantile((i + 0.5) / POINTS));
/** Standard deviations each side of a point's mean: beyond, the probability is below 1e-12. */
const WIDTH = 8;

/**
 * The `lowProbability` and `highProbability` quantiles of a count whose mean given the day factor
 * F is `mean * F` and whose variance given F is `mean F + dispersion (mean F)^2`, with log F
 * normal of variance `logVariance` and E[F] = 1.
 *
 * @example
 * countQuantiles(100, 0, 0, 0.05, 0.95); // [84, 116]: Poisson(100), P(N < 84) = 0.046, P(N <= 116) = 0.948
 */
export function countQuantiles(mean: number, logVariance: number, dispersion: number, lowProbability: number, highProbability: number): [number, number] {
  if (!(mean > 0)) return [0, 0];
  const sd = Math.sqrt(logVariance);
  const means = STANDARD_POINTS.map((z) => mean * Math.exp(z * sd - logVariance / 2));
  const windowOf = (m: number) => {
    const spread = WIDTH * Math.sqrt(m + dispersion * m * m) + 5;
    return [Math.max(0, Math.floor(m - spread)), Math.ceil(m + spread)] as const;
  };
  const first = windowOf(means[0]!)[0];
  const pmf = new Float64Array(windowOf(means[POINTS - 1]!)[1] - first + 1);
  const r = dispersion > 0 ? 1 / dispersion : 0;
  for (const m of means) {
    const [lo, hi] = windowOf(m);
    const start = Math.floor(m);
    // p(n+1)/p(n) = (n + r) q / (n + 1) for the negative binomial (r = 1/dispersion, q = dispersion m / (1 + dispersion m)), m / (n + 1) for Poisson.
    const q = dispersion > 0 ? (dispersion * m) / (1 + dispersion * m) : 0;
    const logAtStart =
      dispersion > 0
        ? logGamma(start + r) - logGamma(r) - logGamma(start + 1) + r * Math.log1p(-q) + start * Math.log(q)
        : start * Math.log(m) - m - logGamma(start + 1);
    const atStart = Math.exp(logAtStart) / POINTS;
    let p = atStart;
    for (let n = start; n <= hi; n++) {
      pmf[n - first]! += p;
      p *= dispersion > 0 ? ((n + r) * q) / (n + 1) : m / (n + 1);
    }
    p = atStart;
    for (let n = start - 1; n >= lo; n--) {
      p *= dispersion > 0 ? (n + 1) / ((n + r) * q) : (n + 1) / m;
      pmf[n - first]! += p;
    }
  }
  // Each bound is the count whose cumulative probability is nearest its target: counts are whole,
  // and a bound taken at or past its target would make every interval of a quiet hour cover more
  // than the level says (P(2 <= N <= 9) = 0.93 for a Poisson mean of 5 and a 90% interval).
  const nearest = (target: number): number => {
    let cdf = 0;
    for (let k = 0; k < pmf.length; k++) {
      const before = cdf;
      cdf += pmf[k]!;
      if (cdf >= target) return target - before < cdf - target ? k - 1 + first : k + first;
    }
    return first + pmf.length - 1;
  };
  // P(N < low) and P(N <= high) nearest their targets.
  return [Math.max(0, nearest(lowProbability) + 1), Math.max(0, nearest(highProbability))];
}
