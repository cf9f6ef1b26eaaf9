// Maximum likelihood over the duration families a scenario can hold (lognormal, gamma,
// exponential), with right-censored observations where there are some (patience).
import { OptionsError } from '../errors';
import type { Distribution } from '../random';
import type { DurationTally } from './durationTally';
import { nelderMead } from './nelderMead';
import { gammaCdf, logGamma, logGammaSurvival } from '../random/incompleteGamma';
import { logNormalSurvival, normalCdf } from '../random/normal';

export type Family = 'lognormal' | 'gamma' | 'exponential';

/** One family fitted by maximum likelihood, with how well it fits. */
export interface FittedDistribution {
  family: Family;
  distribution: Distribution;
  logLikelihood: number;
  /** Akaike's criterion, 2·parameters − 2·logLikelihood: the choice among families. */
  aic: number;
  /**
   * Kolmogorov–Smirnov distance between the fitted CDF and the data's (the Kaplan–Meier
   * estimate where observations are censored): the largest gap, from 0 (perfect) to 1.
   */
  distance: number;
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Every family that can be fitted to the tally, best first (lowest AIC). Empty when there are
 * no exact observations. Two-parameter families need at least two distinct exact values.
 */
export function fitFamilies(tally: DurationTally): FittedDistribution[] {
  if (tally.exactCount === 0) return [];
  const censored = tally.censored();
  const fits = [fitExponential(tally), fitLognormal(tally, censored), fitGamma(tally, censored)];
  const steps = tally.kaplanMeier();
  return fits
    .filter((fit): fit is Omit<FittedDistribution, 'distance'> => fit !== undefined && Number.isFinite(fit.logLikelihood) && finiteSpec(fit.distribution))
    .map((fit) => ({ ...fit, distance: distanceFromSteps(fit.distribution, steps) }))
    .sort((a, b) => a.aic - b.aic);
}

function fitExponential(tally: DurationTally): Omit<FittedDistribution, 'distance'> {
  // Censored exponential: total exposure over the number of exact observations.
  const n = tally.exactCount;
  const mean = (tally.sum + tally.censoredSum) / n;
  const logLikelihood = -n * Math.log(mean) - (tally.sum + tally.censoredSum) / mean;
  return { family: 'exponential', distribution: { type: 'exponential', meanSeconds: mean }, logLikelihood, aic: 2 - 2 * logLikelihood };
}

function fitLognormal(tally: DurationTally, censored: { seconds: Float64Array; counts: Float64Array }): Omit<FittedDistribution, 'distance'> | undefined {
  const n = tally.exactCount;
  const meanLog = tally.sumLog / n;
  const varLog = tally.sumLogSquares / n - meanLog * meanLog;
  if (!(n >= 2 && varLog > 1e-12)) return undefined;
  const logCensored = censored.seconds.map(Math.log);
  const logLikelihood = (mu: number, sigma: number) => {
    let ll = -tally.sumLog - n * Math.log(sigma) - n * HALF_LOG_TWO_PI - (tally.sumLogSquares - 2 * mu * tally.sumLog + n * mu * mu) / (2 * sigma * sigma);
    for (let i = 0; i < logCensored.length; i++) ll += censored.counts[i]! * logNormalSurvival((logCensored[i]! - mu) / sigma);
    return ll;
  };
  let mu = meanLog;
  let sigma = Math.sqrt(varLog);
  if (logCensored.length > 0) {
    const best = nelderMead((x) => -logLikelihood(x[0]!, Math.exp(x[1]!)), [mu, Math.log(sigma)], [0.5, 0.3], 800);
    mu = best.x[0]!;
    sigma = Math.exp(best.x[1]!);
  }
  const ll = logLikelihood(mu, sigma);
  const distribution: Distribution = { type: 'lognormal', meanSeconds: Math.exp(mu + (sigma * sigma) / 2), cv: Math.sqrt(Math.expm1(sigma * sigma)) };
  return { family: 'lognormal', distribution, logLikelihood: ll, aic: 4 - 2 * ll };
}

function fitGamma(tally: DurationTally, censored: { seconds: Float64Array; counts: Float64Array }): Omit<FittedDistribution, 'distance'> | undefined {
  const n = tally.exactCount;
  const mean = tally.sum / n;
  const variance = tally.sumSquares / n - mean * mean;
  if (!(n >= 2 && variance > 1e-12 * mean * mean)) return undefined;
  const logLikelihood = (shape: number, scale: number) => {
    let ll = (shape - 1) * tally.sumLog - tally.sum / scale - n * shape * Math.log(scale) - n * logGamma(shape);
    for (let i = 0; i < censored.seconds.length; i++) ll += censored.counts[i]! * logGammaSurvival(shape, censored.seconds[i]! / scale);
    return ll;
  };
  // Exact data: the profile likelihood in the shape alone (scale = mean / shape), from the moments' guess.
  const start = Math.log((mean * mean) / variance);
  const exposureMean = (tally.sum + tally.censoredSum) / n;
  const best =
    censored.seconds.length === 0
      ? nelderMead((x) => -logLikelihood(Math.exp(x[0]!), mean / Math.exp(x[0]!)), [start], [0.5], 400)
      : nelderMead((x) => -logLikelihood(Math.exp(x[0]!), Math.exp(x[1]!)), [start, Math.log(exposureMean / Math.exp(start))], [0.5, 0.5], 800);
  const shape = Math.exp(best.x[0]!);
  const scale = censored.seconds.length === 0 ? mean / shape : Math.exp(best.x[1]!);
  const ll = logLikelihood(shape, scale);
  return { family: 'gamma', distribution: { type: 'gamma', meanSeconds: shape * scale, cv: 1 / Math.sqrt(shape) }, logLikelihood: ll, aic: 4 - 2 * ll };
}

/**
 * The CDF of a fitted family's distribution (exponential, lognormal, gamma): to read a fit
 * beside the Kaplan–Meier curve, or at the minutes a planner asks about.
 *
 * @example
 * const cdf = cdfOf(fit.scenario.patience);
 * cdf(120); // the share of callers who would hang up within 2 minutes
 */
export function cdfOf(distribution: Distribution): (seconds: number) => number {
  switch (distribution.type) {
    case 'exponential':
      return (t) => (t <= 0 ? 0 : -Math.expm1(-t / distribution.meanSeconds));
    case 'lognormal': {
      const sigma = Math.sqrt(Math.log1p(distribution.cv ** 2));
      const mu = Math.log(distribution.meanSeconds) - (sigma * sigma) / 2;
      return (t) => (t <= 0 ? 0 : normalCdf((Math.log(t) - mu) / sigma));
    }
    case 'gamma': {
      const shape = 1 / distribution.cv ** 2;
      const scale = distribution.meanSeconds / shape;
      return (t) => gammaCdf(shape, t / scale);
    }
    default:
      throw new OptionsError('cdfOf', [{ path: 'type', expected: 'a fitted family', received: distribution.type, message: `not a fitted family: ${distribution.type}` }]);
  }
}

function distanceFromSteps(distribution: Distribution, steps: ReadonlyArray<{ seconds: number; survival: number; atRisk: number }>): number {
  const cdf = cdfOf(distribution);
  // Where fewer than 1% of the observations (and 20, or a fifth of a small sample) are still at
  // risk the Kaplan–Meier curve is noise (its last steps drop to 0 on one or two callers): the
  // distance stops there.
  const n = steps[0]?.atRisk ?? 0;
  const reliable = Math.max(0.01 * n, Math.min(20, 0.2 * n));
  // At each step's upper edge: bins are a second wide (0.5% past 30 minutes), finer than any
  // gap worth reporting.
  let distance = 0;
  for (const step of steps) if (step.atRisk >= reliable) distance = Math.max(distance, Math.abs(cdf(step.seconds) - (1 - step.survival)));
  return distance;
}

function finiteSpec(distribution: Distribution): boolean {
  return Object.values(distribution).every((value) => typeof value === 'string' || (Number.isFinite(value) && (value as number) > 0));
}
