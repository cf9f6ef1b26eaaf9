import { normalQuantile } from './normal';
import type { Uniform } from './streams';

/** A distribution of durations in seconds, as a JSON-able spec (see DESIGN.md). */
export type Distribution =
  | { type: 'exponential'; meanSeconds: number }
  | { type: 'lognormal'; meanSeconds: number; cv: number }
  | { type: 'gamma'; meanSeconds: number; cv: number }
  | { type: 'fixed'; seconds: number }
  | { type: 'uniform'; minSeconds: number; maxSeconds: number }
  | { type: 'empirical'; seconds: readonly number[] };

/** A compiled distribution: draws durations from a uniform source. */
export interface Sampler {
  /** The distribution's mean, in seconds. */
  readonly meanSeconds: number;
  /** One draw, in seconds, consuming uniforms from `uniform`. */
  sample(uniform: Uniform): number;
}

/**
 * Compiles a validated distribution spec into a sampler.
 *
 * Every continuous family but gamma is drawn by inversion, one uniform per draw, so the same
 * caller's handle time moves monotonically when a variant changes the distribution's parameters.
 *
 * @example
 * const handle = compileDistribution({ type: 'lognormal', meanSeconds: 300, cv: 0.8 });
 * handle.sample(new RandomStreams(1).stream('handle')); // seconds
 */
export function compileDistribution(spec: Distribution): Sampler {
  switch (spec.type) {
    case 'exponential':
      return exponential(spec.meanSeconds);
    case 'lognormal':
      return lognormal(spec.meanSeconds, spec.cv);
    case 'gamma':
      return gamma(spec.meanSeconds, spec.cv);
    case 'fixed':
      return fixed(spec.seconds);
    case 'uniform':
      return uniform(spec.minSeconds, spec.maxSeconds);
    case 'empirical':
      return empirical(spec.seconds);
  }
}

/** The mean of a distribution spec, in seconds, without compiling it. */
export function meanOf(spec: Distribution): number {
  return compileDistribution(spec).meanSeconds;
}

function exponential(meanSeconds: number): Sampler {
  return {
    meanSeconds,
    // 1 - u lies in (0, 1], so the logarithm is finite.
    sample: (u) => -meanSeconds * Math.log(1 - u()),
  };
}

function lognormal(meanSeconds: number, cv: number): Sampler {
  const sigma = Math.sqrt(Math.log1p(cv * cv));
  const mu = Math.log(meanSeconds) - (sigma * sigma) / 2;
  return {
    meanSeconds,
    sample: (u) => Math.exp(mu + sigma * normalQuantile(openUnit(u()))),
  };
}

function gamma(meanSeconds: number, cv: number): Sampler {
  const shape = 1 / (cv * cv);
  const scale = meanSeconds / shape;
  return { meanSeconds, sample: (u) => scale * standardGamma(shape, u) };
}

function fixed(seconds: number): Sampler {
  return { meanSeconds: seconds, sample: () => seconds };
}

function uniform(minSeconds: number, maxSeconds: number): Sampler {
  const width = maxSeconds - minSeconds;
  return { meanSeconds: minSeconds + width / 2, sample: (u) => minSeconds + width * u() };
}

function empirical(seconds: readonly number[]): Sampler {
  // Resampling the observed durations (a bootstrap), each equally likely.
  const values = Float64Array.from(seconds);
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  return { meanSeconds: total / n, sample: (u) => values[Math.floor(u() * n)]! };
}

/**
 * Gamma(shape, 1) by Marsaglia and Tsang's squeeze method; shapes below 1 are boosted by
 * Gamma(shape) = Gamma(shape + 1) * U^(1/shape).
 */
export function standardGamma(shape: number, u: Uniform): number {
  if (shape < 1) return standardGamma(shape + 1, u) * Math.pow(openUnit(u()), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(openUnit(u()));
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const w = openUnit(u());
    if (w < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Maps [0, 1) into (0, 1): inversion formulas need both ends open. */
function openUnit(p: number): number {
  return p > 0 ? p : 2 ** -33;
}
