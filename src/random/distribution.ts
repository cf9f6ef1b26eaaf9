import { gammaQuantile } from './incompleteGamma';
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
   * The p-quantile (p in [0, 1)): the duration not exceeded with probability p. A caller who
   * draws one uniform and is served by several groups with different handle-time distributions
   * is then comparably long or short in each (DESIGN.md, "Routing").
   */
  quantile(p: number): number;
  /**
   * For families drawn by inversion from exactly one uniform: the draw from that uniform, so
   * that `sample(u)` equals `fromUniform(u.next())` and a model can keep the uniform and pay for
   * the transform only if the value is needed (a caller's patience, when they hold).
   */
  fromUniform?(uniform: number): number;
}

/** A sampler drawn by inversion from one uniform (see `Sampler.fromUniform`). */
export type InverseSampler = Sampler & { fromUniform(uniform: number): number };

/** True when `sampler` draws by inversion from one uniform. */
export function byInversion(sampler: Sampler): sampler is InverseSampler {
  return typeof sampler.fromUniform === 'function';
}

/**
 * Compiles a validated distribution spec into a sampler.
 *
 * Every continuous family but gamma is drawn by inversion, one uniform per draw, so the same
 * caller's handle time moves monotonically when a variant changes the distribution's parameters.
 * Samplers are instances of one class per family, not closures: a closure made per run is a
 * new function to V8, and optimized code that inlined the last run's was thrown away in the next.
 *
 * @example
 * const handle = compileDistribution({ type: 'lognormal', meanSeconds: 300, cv: 0.8 });
 * handle.sample(new RandomStreams(1).stream('handle')); // seconds
 */
export function compileDistribution(spec: Distribution): Sampler {
  switch (spec.type) {
    case 'exponential':
      return new Exponential(spec.meanSeconds);
    case 'lognormal':
      return new Lognormal(spec.meanSeconds, spec.cv);
    case 'gamma':
      return new Gamma(spec.meanSeconds, spec.cv);
    case 'fixed':
      return new Fixed(spec.seconds);
    case 'uniform':
      return new UniformOver(spec.minSeconds, spec.maxSeconds);
    case 'empirical':
      return new Empirical(spec.seconds);
  }
}

/** The mean of a distribution spec, in seconds, without compiling it. */
export function meanOf(spec: Distribution): number {
  return compileDistribution(spec).meanSeconds;
}

abstract class Family implements Sampler {
  abstract readonly meanSeconds: number;
  abstract sample(uniform: Uniform): number;
  abstract sampleAbove(uniform: Uniform, elapsedSeconds: number): number;
  abstract quantile(p: number): number;

  above(elapsedSeconds: number): (uniform: Uniform) => number {
    return (uniform) => this.sampleAbove(uniform, elapsedSeconds);
  }
}

class Exponential extends Family {
  constructor(readonly meanSeconds: number) {
    super();
  }

  fromUniform(p: number): number {
    // 1 - p lies in (0, 1], so the logarithm is finite.
    return -this.meanSeconds * Math.log(1 - p);
  }

  // Drawn by inversion: the draw from p is the p-quantile.
  quantile(p: number): number {
    return this.fromUniform(p);
  }

  sample(uniform: Uniform): number {
    return this.fromUniform(uniform.next());
  }

  // Memoryless: what is left does not depend on what has elapsed.
  sampleAbove(uniform: Uniform, elapsedSeconds: number): number {
    return elapsedSeconds + this.sample(uniform);
  }
}

class Lognormal extends Family {
  private readonly sigma: number;
  private readonly mu: number;

  constructor(readonly meanSeconds: number, cv: number) {
    super();
    this.sigma = Math.sqrt(Math.log1p(cv * cv));
    this.mu = Math.log(meanSeconds) - (this.sigma * this.sigma) / 2;
  }

  fromUniform(p: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(openUnit(p)));
  }

  quantile(p: number): number {
    return this.fromUniform(p);
  }

  sample(uniform: Uniform): number {
    return this.fromUniform(uniform.next());
  }

  sampleAbove(uniform: Uniform, elapsedSeconds: number): number {
    return this.above(elapsedSeconds)(uniform);
  }

  override above(elapsedSeconds: number): (uniform: Uniform) => number {
    if (elapsedSeconds <= 0) return (uniform) => this.sample(uniform);
    const { mu, sigma } = this;
    // Inversion on the upper tail: P(X > x) = tail * (1 - u) with tail = P(X > elapsed),
    // computed as a tail so that long-elapsed calls keep their precision.
    const tail = normalUpperTail((Math.log(elapsedSeconds) - mu) / sigma);
    if (tail <= 0) return () => elapsedSeconds;
    return (uniform) => Math.max(elapsedSeconds, Math.exp(mu - sigma * normalQuantile(openUnit(tail * (1 - uniform.next())))));
  }
}

class Gamma extends Family {
  private readonly shape: number;
  private readonly scale: number;

  constructor(readonly meanSeconds: number, cv: number) {
    super();
    this.shape = 1 / (cv * cv);
    this.scale = meanSeconds / this.shape;
  }

  // Drawn by Marsaglia and Tsang's method (faster than inverting), so the quantile is apart.
  quantile(p: number): number {
    return this.scale * gammaQuantile(this.shape, p);
  }

  sample(uniform: Uniform): number {
    return this.scale * standardGamma(this.shape, uniform);
  }

  sampleAbove(uniform: Uniform, elapsedSeconds: number): number {
    // Rejection while it is cheap; deep in the tail the residual of a gamma tends to an
    // exponential with the scale as its mean, which then stands in.
    for (let tries = 0; tries < 64; tries++) {
      const x = this.sample(uniform);
      if (x > elapsedSeconds) return x;
    }
    return elapsedSeconds - this.scale * Math.log(1 - uniform.next());
  }
}

class Fixed extends Family {
  constructor(readonly meanSeconds: number) {
    super();
  }

  sample(): number {
    return this.meanSeconds;
  }

  quantile(): number {
    return this.meanSeconds;
  }

  sampleAbove(_uniform: Uniform, elapsedSeconds: number): number {
    return Math.max(this.meanSeconds, elapsedSeconds);
  }
}

class UniformOver extends Family {
  readonly meanSeconds: number;

  constructor(private readonly minSeconds: number, private readonly maxSeconds: number) {
    super();
    this.meanSeconds = minSeconds + (maxSeconds - minSeconds) / 2;
  }

  fromUniform(p: number): number {
    return this.minSeconds + (this.maxSeconds - this.minSeconds) * p;
  }

  quantile(p: number): number {
    return this.fromUniform(p);
  }

  sample(uniform: Uniform): number {
    return this.fromUniform(uniform.next());
  }

  sampleAbove(uniform: Uniform, elapsedSeconds: number): number {
    const from = Math.max(this.minSeconds, elapsedSeconds);
    return from >= this.maxSeconds ? elapsedSeconds : from + (this.maxSeconds - from) * uniform.next();
  }
}

// Resampling the observed durations (a bootstrap), each equally likely.
class Empirical extends Family {
  readonly meanSeconds: number;
  private readonly values: Float64Array;
  private readonly sorted: Float64Array;

  constructor(seconds: readonly number[]) {
    super();
    this.values = Float64Array.from(seconds);
    let total = 0;
    for (let i = 0; i < this.values.length; i++) total += this.values[i]!;
    this.meanSeconds = total / this.values.length;
    this.sorted = Float64Array.from(this.values).sort();
  }

  // Resampling picks a value by position in the sample as observed; the quantile, by rank.
  fromUniform(p: number): number {
    return this.values[Math.floor(p * this.values.length)]!;
  }

  quantile(p: number): number {
    const sorted = this.sorted;
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  }

  sample(uniform: Uniform): number {
    return this.fromUniform(uniform.next());
  }

  sampleAbove(uniform: Uniform, elapsedSeconds: number): number {
    // Resample among the observed durations longer than what has elapsed.
    const sorted = this.sorted;
    const n = sorted.length;
    let first = 0;
    while (first < n && sorted[first]! <= elapsedSeconds) first++;
    return first === n ? elapsedSeconds : sorted[first + Math.floor(uniform.next() * (n - first))]!;
  }
}

/**
 * Gamma(shape, 1) by Marsaglia and Tsang's squeeze method; shapes below 1 are boosted by
 * Gamma(shape) = Gamma(shape + 1) * U^(1/shape).
 */
export function standardGamma(shape: number, u: Uniform): number {
  if (shape < 1) return standardGamma(shape + 1, u) * Math.pow(openUnit(u.next()), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(openUnit(u.next()));
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const w = openUnit(u.next());
    if (w < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Maps [0, 1) into (0, 1): inversion formulas need both ends open. */
function openUnit(p: number): number {
  return p > 0 ? p : 2 ** -33;
}
