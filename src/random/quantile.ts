import type { Distribution } from './distribution';
import { gammaCdf, logGamma } from './incompleteGamma';
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

function openUnit(p: number): number {
  return p > 0 ? p : 2 ** -33;
}
