import { normalQuantile } from './normal';

// The gamma function's logarithm and the regularized incomplete gamma, for distributions of
// moderate shape: the gamma quantile (per-route handle times) and the likelihoods of the
// calibration. src/analytic has its own versions, tuned for the huge arguments of Erlang
// formulas. Both layers import nothing, so Legendre's continued fraction is written in each
// (docs/design-decisions.md, "Layers").

// Lanczos (g = 7, n = 9), accurate to about 1e-15 for positive arguments.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(z) for z > 0. */
export function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let a = LANCZOS[0]!;
  const t = w + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (w + i);
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(shape, x), the regularized lower incomplete gamma (the Gamma(shape, 1) CDF at x). */
export function gammaCdf(shape: number, x: number): number {
  if (x <= 0) return 0;
  return x < shape + 1 ? lowerSeries(shape, x) : 1 - Math.exp(logUpperFraction(shape, x));
}

/** ln Q(shape, x), the log of the Gamma(shape, 1) survival at x, without underflow in the far tail. */
export function logGammaSurvival(shape: number, x: number): number {
  if (x <= 0) return 0;
  return x < shape + 1 ? Math.log1p(-lowerSeries(shape, x)) : logUpperFraction(shape, x);
}

function lowerSeries(shape: number, x: number): number {
  const logPrefix = shape * Math.log(x) - x - logGamma(shape);
  let term = 1 / shape;
  let sum = term;
  for (let n = 1; n < 10_000 && term > sum * 1e-16; n++) {
    term *= x / (shape + n);
    sum += term;
  }
  return Math.min(1, sum * Math.exp(logPrefix));
}

/** ln Q(shape, x) for x >= shape + 1, from Legendre's continued fraction. */
function logUpperFraction(shape: number, x: number): number {
  return shape * Math.log(x) - x - logGamma(shape) + logLegendreFraction(shape, x);
}

/**
 * `ln K(b, z)`, Legendre's continued fraction with `Q(b, z) = z^b e^-z / Γ(b) · K(b, z)`, by the
 * modified Lentz method, for `z >= b + 1` where it converges in a few dozen steps.
 */
function logLegendreFraction(b: number, z: number): number {
  const tiny = 1e-300;
  let denominator = z + 1 - b;
  let c = 1 / tiny;
  let d = 1 / denominator;
  let fraction = d;
  for (let i = 1; i <= 100_000_000; i++) {
    const numerator = -i * (i - b);
    denominator += 2;
    d = numerator * d + denominator;
    if (Math.abs(d) < tiny) d = tiny;
    c = denominator + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) <= 2 * Number.EPSILON) return Math.log(fraction);
  }
  throw new Error(`queuecast internal error: incomplete gamma fraction did not converge (b=${b}, z=${z})`);
}

/** The u-quantile of Gamma(shape, 1): Newton steps on the regularized incomplete gamma, kept in a bracket. */
export function gammaQuantile(shape: number, u: number): number {
  if (u <= 0) return 0;
  if (u >= 1) return Infinity;
  // Wilson–Hilferty start, then safeguarded Newton.
  const z = normalQuantile(u);
  const c = 1 / (9 * shape);
  let x = Math.max(1e-12, shape * Math.pow(1 - c + z * Math.sqrt(c), 3));
  let low = 0;
  let high = Infinity;
  const logGammaShape = logGamma(shape);
  for (let i = 0; i < 100; i++) {
    const error = gammaCdf(shape, x) - u;
    if (error > 0) high = x;
    else low = x;
    const density = Math.exp((shape - 1) * Math.log(x) - x - logGammaShape);
    let next = density > 0 ? x - error / density : NaN;
    if (!(next > low && next < high)) next = high === Infinity ? Math.max(2 * x, x + 1) : (low + high) / 2;
    if (Math.abs(next - x) <= 1e-12 * x) return next;
    x = next;
  }
  return x;
}
