import { normalQuantile, normalUpperTail } from './normal';
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
  /**
   * One draw conditioned on exceeding `elapsedSeconds`: the total duration of a call (or a
   * patience) that has already lasted that long. Subtract `elapsedSeconds` for what is left.
   * A duration already past every value the distribution allows ends now (returns elapsed).
   */
  sampleAbove(uniform: Uniform, elapsedSeconds: number): number;
  /** `sampleAbove` for one elapsed time, drawn many times: what depends only on it is computed once. */
  above(elapsedSeconds: number): (uniform: Uniform) => number;
  /**
   * For families drawn by inversion from exactly one uniform: the draw from that uniform, so
   * that `sample(u)` equals `fromUniform(u())` and a model can keep the uniform and pay for
   * the transform only if the value is needed (a caller's patience, when they hold).
   */
  readonly fromUniform?: (uniform: number) => number;
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
  const sampler = compileFamily(spec);
  const above = sampler.above ?? ((elapsed: number) => (u: Uniform) => sampler.sampleAbove(u, elapsed));
  return { ...sampler, above };
}

type FamilySampler = Omit<Sampler, 'above'> & Partial<Pick<Sampler, 'above'>>;

function compileFamily(spec: Distribution): FamilySampler {
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

function exponential(meanSeconds: number): FamilySampler {
  // 1 - p lies in (0, 1], so the logarithm is finite.
  const fromUniform = (p: number) => -meanSeconds * Math.log(1 - p);
  const sample = (u: Uniform) => fromUniform(u());
  // Memoryless: what is left does not depend on what has elapsed.
  return { meanSeconds, sample, fromUniform, sampleAbove: (u, elapsed) => elapsed + sample(u) };
}

function lognormal(meanSeconds: number, cv: number): FamilySampler {
  const sigma = Math.sqrt(Math.log1p(cv * cv));
  const mu = Math.log(meanSeconds) - (sigma * sigma) / 2;
  const fromUniform = (p: number) => Math.exp(mu + sigma * normalQuantile(openUnit(p)));
  const sample = (u: Uniform) => fromUniform(u());
  return {
    meanSeconds,
    sample,
    fromUniform,
    sampleAbove: (u, elapsed) => above(elapsed)(u),
    above,
  };

  function above(elapsed: number): (u: Uniform) => number {
    if (elapsed <= 0) return sample;
    // Inversion on the upper tail: P(X > x) = tail * (1 - u) with tail = P(X > elapsed),
    // computed as a tail so that long-elapsed calls keep their precision.
    const tail = normalUpperTail((Math.log(elapsed) - mu) / sigma);
    if (tail <= 0) return () => elapsed;
    return (u) => Math.max(elapsed, Math.exp(mu - sigma * normalQuantile(openUnit(tail * (1 - u())))));
  }
}

function gamma(meanSeconds: number, cv: number): FamilySampler {
  const shape = 1 / (cv * cv);
  const scale = meanSeconds / shape;
  const sample = (u: Uniform) => scale * standardGamma(shape, u);
  return {
    meanSeconds,
    sample,
    sampleAbove(u, elapsed) {
      // Rejection while it is cheap; deep in the tail the residual of a gamma tends to an
      // exponential with the scale as its mean, which then stands in.
      for (let tries = 0; tries < 64; tries++) {
        const x = sample(u);
        if (x > elapsed) return x;
      }
      return elapsed - scale * Math.log(1 - u());
    },
  };
}

function fixed(seconds: number): FamilySampler {
  return { meanSeconds: seconds, sample: () => seconds, sampleAbove: (_u, elapsed) => Math.max(seconds, elapsed) };
}

function uniform(minSeconds: number, maxSeconds: number): FamilySampler {
  const width = maxSeconds - minSeconds;
  const fromUniform = (p: number) => minSeconds + width * p;
  return {
    meanSeconds: minSeconds + width / 2,
    sample: (u) => fromUniform(u()),
    fromUniform,
    sampleAbove(u, elapsed) {
      const from = Math.max(minSeconds, elapsed);
      return from >= maxSeconds ? elapsed : from + (maxSeconds - from) * u();
    },
  };
}

function empirical(seconds: readonly number[]): FamilySampler {
  // Resampling the observed durations (a bootstrap), each equally likely.
  const values = Float64Array.from(seconds);
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  const sorted = Float64Array.from(values).sort();
  const fromUniform = (p: number) => values[Math.floor(p * n)]!;
  return {
    meanSeconds: total / n,
    sample: (u) => fromUniform(u()),
    fromUniform,
    sampleAbove(u, elapsed) {
      // Resample among the observed durations longer than what has elapsed.
      let first = 0;
      while (first < n && sorted[first]! <= elapsed) first++;
      return first === n ? elapsed : sorted[first + Math.floor(u() * (n - first))]!;
    },
  };
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
