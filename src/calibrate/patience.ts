// Patience as the records show it: a family when one fits the Kaplan–Meier curve where a
// planner reads it, else the curve itself with a smooth tail.
import type { Distribution } from '../random';
import type { DurationTally } from './durationTally';
import { cdfOf, type FittedDistribution } from './families';

/** The minutes a planner reads patience at: P(still waiting) after 1, 5 and 10 minutes. */
export const PATIENCE_CHECKS = [60, 300, 600] as const;
/** Quantiles kept of the Kaplan–Meier patience: a step of 0.005 in probability. */
const QUANTILES = 200;
/**
 * A family is taken when it is within two of Kaplan–Meier's standard errors (Greenwood) at
 * every check, or within this much (a difference no planner would act on).
 */
const CLOSE_ENOUGH = 0.01;

type Step = { seconds: number; survival: number; atRisk: number };

/** P(patience > seconds) by Kaplan–Meier at one check, with its standard error. */
export interface SurvivalCheck {
  seconds: number;
  kaplanMeier: number;
  standardError: number;
  /** Callers still waiting then: below 20 the check tells nothing and is not used. */
  atRisk: number;
}

/** Fewer callers than this at risk and Kaplan–Meier's step there is one or two people's. */
const AT_RISK = 20;

/** A candidate patience beside Kaplan–Meier: its median and its P(patience > t) at each check. */
export interface PatienceCandidate {
  family: FittedDistribution['family'] | 'kaplan-meier';
  distribution: Distribution;
  medianSeconds: number;
  survival: number[];
  /** The largest gap to Kaplan–Meier at the checks with 20 callers at risk. */
  largestGap: number;
}

/**
 * The patience to put in the scenario: the best family by AIC when it is as close to
 * Kaplan–Meier at 1, 5 and 10 minutes as the data can tell (or closer than the curve's own
 * quantiles, on thin data), else the Kaplan–Meier curve as an
 * `empirical` distribution (200 quantiles; past the last step with 1% of the callers still at
 * risk, an exponential tail at the rate the data beyond shows). Every candidate states its
 * median and its survival at the checks.
 */
export function choosePatience(tally: DurationTally, families: readonly FittedDistribution[]): { chosen: PatienceCandidate; candidates: PatienceCandidate[]; checks: SurvivalCheck[] } {
  const steps = tally.kaplanMeier();
  const checks = PATIENCE_CHECKS.map((seconds) => survivalCheck(steps, tally.count, seconds));
  const candidates = families.map((fit) => {
    const cdf = cdfOf(fit.distribution);
    return candidate(fit.family, fit.distribution, (t) => 1 - cdf(t), checks);
  });
  const empirical = kaplanMeierDistribution(tally, steps);
  const sorted = empirical.seconds;
  candidates.push(candidate('kaplan-meier', empirical, (t) => 1 - upperRank(sorted, t) / sorted.length, checks));
  const best = candidates[0]!;
  const curve = candidates.at(-1)!;
  const fits = checks.every((check, i) => check.atRisk < AT_RISK || Math.abs(best.survival[i]! - check.kaplanMeier) <= Math.max(2 * check.standardError, CLOSE_ENOUGH));
  return { chosen: fits || best.largestGap <= curve.largestGap ? best : curve, candidates, checks };
}

function candidate(family: PatienceCandidate['family'], distribution: Distribution, survival: (t: number) => number, checks: readonly SurvivalCheck[]): PatienceCandidate {
  const at = checks.map((check) => survival(check.seconds));
  return {
    family,
    distribution,
    medianSeconds: median(survival),
    survival: at,
    largestGap: Math.max(0, ...checks.map((check, i) => (check.atRisk < AT_RISK ? 0 : Math.abs(at[i]! - check.kaplanMeier)))),
  };
}

/** Kaplan–Meier at `seconds`, with Greenwood's standard error. */
function survivalCheck(steps: readonly Step[], count: number, seconds: number): SurvivalCheck {
  let survival = 1;
  let before = 1;
  let greenwood = 0;
  let atRisk = count;
  for (const step of steps) {
    if (step.seconds > seconds) {
      atRisk = step.atRisk;
      break;
    }
    atRisk = 0;
    const deaths = step.atRisk * (1 - step.survival / before);
    if (step.atRisk > deaths) greenwood += deaths / (step.atRisk * (step.atRisk - deaths));
    survival = before = step.survival;
  }
  return { seconds, kaplanMeier: survival, standardError: count > 0 ? survival * Math.sqrt(greenwood) : 0, atRisk };
}

/**
 * The Kaplan–Meier patience as 200 quantiles, linear between the curve's steps (so a bump such
 * as callers hanging up when an announcement plays is kept), and past the last step with 20
 * callers still at risk an exponential tail: its mean is the exposure beyond over the hang-ups
 * beyond when there are 20 of them, else the curve's own hazard over its second half.
 */
export function kaplanMeierDistribution(tally: DurationTally, steps: readonly Step[] = tally.kaplanMeier()): { type: 'empirical'; seconds: number[] } {
  const n = steps[0]?.atRisk ?? 0;
  const reliable = Math.min(AT_RISK, 0.2 * n);
  const curve: Array<{ seconds: number; survival: number }> = [{ seconds: 0, survival: 1 }];
  for (const step of steps) {
    if (step.atRisk < reliable) break;
    curve.push(step);
  }
  const cut = curve.at(-1)!;
  let hangUps = 0;
  let exposure = 0;
  const exact = tally.exact();
  const censored = tally.censored();
  for (let i = 0; i < exact.seconds.length; i++) {
    if (exact.seconds[i]! > cut.seconds) {
      hangUps += exact.counts[i]!;
      exposure += exact.counts[i]! * (exact.seconds[i]! - cut.seconds);
    }
  }
  for (let i = 0; i < censored.seconds.length; i++) {
    if (censored.seconds[i]! > cut.seconds) exposure += censored.counts[i]! * (censored.seconds[i]! - cut.seconds);
  }
  // The hazard over the curve's second half, where there are too few hang-ups beyond it.
  let half = curve[0]!;
  for (const point of curve) if (point.seconds <= cut.seconds / 2) half = point;
  const fall = Math.log(half.survival / cut.survival);
  const tailMean = hangUps >= 20 || !(fall > 0) ? exposure / Math.max(1, hangUps) : (cut.seconds - half.seconds) / fall;
  const seconds: number[] = [];
  let k = 1;
  for (let i = 0; i < QUANTILES; i++) {
    const s = 1 - (i + 0.5) / QUANTILES;
    let t: number;
    if (s >= cut.survival) {
      while (k < curve.length - 1 && curve[k]!.survival > s) k++;
      const [a, b] = [curve[k - 1]!, curve[k]!];
      t = a.survival === b.survival ? b.seconds : a.seconds + ((a.survival - s) / (a.survival - b.survival)) * (b.seconds - a.seconds);
    } else t = cut.seconds + tailMean * Math.log(cut.survival / s);
    seconds.push(Math.round(t * 10) / 10);
  }
  return { type: 'empirical', seconds };
}

/** How many of the sorted values are at most t. */
function upperRank(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a decreasing survival function crosses 1/2, by bisection to a tenth of a second. */
function median(survival: (t: number) => number): number {
  let lo = 0;
  let hi = 1;
  while (survival(hi) > 0.5 && hi < 1e9) hi *= 2;
  while (hi - lo > 0.1) {
    const mid = (lo + hi) / 2;
    if (survival(mid) > 0.5) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 10) / 10;
}
