import type { Distribution } from './distribution';
import { normalQuantile } from './normal';

/**
 * A distribution's quantile function: the duration whose probability of not being exceeded is
 * `u`. A caller who draws one uniform and is served by several groups with different handle-time
 * distributions is then comparably long or short in each (DESIGN.md, "Routing").
 *
 * @example
 * compileQuantile({ type: 'exponential', meanSeconds: 300 })(0.5); // 207.9 s, the median
 */
export function compileQuantile(spec: Distribution): (u: number) => number {
  switch (spec.type) {
    case 'exponential': {
      const mean = spec.meanSeconds;
      return (u) => -mean * Math.log(1 - u);
    }
    case 'lognormal': {
      const sigma = Math.sqrt(Math.log1p(spec.cv * spec.cv));
      const mu = Math.log(spec.meanSeconds) - (sigma * sigma) / 2;
      return (u) => Math.exp(mu + sigma * normalQuantile(openUnit(u)));
    }
    case 'gamma': {
      const shape = 1 / (spec.cv * spec.cv);
      const scale = spec.meanSeconds / shape;
      return (u) => scale * gammaQuantile(shape, u);
    }
    case 'fixed': {
      const seconds = spec.seconds;
      return () => seconds;
    }
    case 'uniform': {
      const { minSeconds, maxSeconds } = spec;
      return (u) => minSeconds + (maxSeconds - minSeconds) * u;
    }
    case 'empirical': {
      const sorted = Float64Array.from(spec.seconds).sort();
      return (u) => sorted[Math.min(sorted.length - 1, Math.floor(u * sorted.length))]!;
    }
  }
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
    const error = regularizedLowerGamma(shape, x) - u;
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

/** P(shape, x): a series below shape + 1, a continued fraction for the upper tail above. */
function regularizedLowerGamma(shape: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = shape * Math.log(x) - x - logGamma(shape);
  if (x < shape + 1) {
    let term = 1 / shape;
    let sum = term;
    for (let n = 1; n < 1000 && term > sum * 1e-16; n++) {
      term *= x / (shape + n);
      sum += term;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Lentz's method for the continued fraction of Q(shape, x).
  const tiny = 1e-300;
  let b = x + 1 - shape;
  let cc = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 1000; n++) {
    const an = -n * (n - shape);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    cc = b + an / cc;
    if (Math.abs(cc) < tiny) cc = tiny;
    d = 1 / d;
    const step = d * cc;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

// Lanczos (g = 7, n = 9), accurate to about 1e-15 for positive arguments.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let a = LANCZOS[0]!;
  const t = w + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (w + i);
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(a);
}

function openUnit(p: number): number {
  return p > 0 ? p : 2 ** -33;
}
