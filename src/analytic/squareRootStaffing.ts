import { logNormalUpper, normalHazard } from './normal';

/** What a staffing plan must achieve; exactly one of these. */
export type StaffingTarget =
  /** At least this fraction answered within `serviceLevelSeconds`: a number in [0, 1). */
  | { readonly serviceLevel: number }
  /** Mean hold over all callers at most this many seconds. */
  | { readonly meanWaitSeconds: number }
  /** At most this fraction of callers abandon (needs a patience: Erlang A). */
  | { readonly probAbandon: number };

/** Checked inputs of a staffing question, in the units of the public API. */
export interface StaffingProblem {
  /** Offered load R in Erlangs. */
  readonly load: number;
  readonly meanHandleSeconds: number;
  /** Absent: callers never abandon (Erlang C). */
  readonly meanPatienceSeconds: number | undefined;
  readonly serviceLevelSeconds: number;
  readonly target: StaffingTarget;
}

/**
 * The square-root staffing estimate `ceil(R + β√R)`, with β from the many-server (QED)
 * diffusion limit of the model, solved for the target:
 *
 * - Erlang C (Halfin and Whitt 1981): P(wait) ≈ α(β) = 1 / (1 + β Φ(β) / φ(β)), and with
 *   n - R = β√R the exact Erlang C tail and mean: SL ≈ 1 - α e^(-β√R t / h),
 *   mean wait ≈ α h / (β√R).
 * - Erlang A (Garnett, Mandelbaum and Reiman 2002), r = θ/μ = handle / patience,
 *   β̂ = β / √r, h(x) = φ(x) / (1 - Φ(x)):
 *   P(wait) ≈ 1 / (1 + √r h(β̂) / h(-β)), P(abandon) ≈ P(wait) √r (h(β̂) - β̂) / √R,
 *   mean wait = P(abandon) × patience,
 *   P(offered wait > t) ≈ P(wait) (1 - Φ(β̂ + t√(θμR))) / (1 - Φ(β̂)), and the service level
 *   ≈ 1 - P(offered wait > t) - P(abandon) (1 - P(offered wait > t | wait)), treating
 *   abandonment as independent of the offered wait among those who wait.
 *
 * It is a rule of thumb shown beside the exact answer (planners know it), and the point where
 * the exact search starts. Internal to `src/analytic`.
 */
export function squareRootEstimate(problem: StaffingProblem): number {
  const { load, meanPatienceSeconds } = problem;
  const fewestAgents = meanPatienceSeconds === undefined ? Math.floor(load) + 1 : 1;
  if (load === 0) return fewestAgents;
  const rootLoad = Math.sqrt(load);
  const approximates = meanPatienceSeconds === undefined ? halfinWhitt(problem, rootLoad) : garnettMandelbaumReiman(problem, rootLoad, meanPatienceSeconds);
  // The approximations improve monotonically in β; bisect for the smallest β meeting the target.
  let low = meanPatienceSeconds === undefined ? 0 : (1 - load) / rootLoad;
  if (approximates(low)) return fewestAgents;
  let high = Math.max(4, low + 4);
  while (!approximates(high) && high < 1e3) high *= 2;
  for (let i = 0; i < 60; i++) {
    const middle = 0.5 * (low + high);
    if (approximates(middle)) high = middle;
    else low = middle;
  }
  return Math.max(fewestAgents, Math.ceil(load + high * rootLoad - 1e-9));
}

type MeetsTarget = (beta: number) => boolean;

function halfinWhitt(problem: StaffingProblem, rootLoad: number): MeetsTarget {
  const { meanHandleSeconds, serviceLevelSeconds, target } = problem;
  return (beta) => {
    const probWait = beta <= 0 ? 1 : 1 / (1 + beta / normalHazard(-beta));
    const spare = beta * rootLoad;
    if ('serviceLevel' in target) {
      return 1 - probWait * Math.exp((-spare * serviceLevelSeconds) / meanHandleSeconds) >= target.serviceLevel;
    }
    if ('meanWaitSeconds' in target) return (probWait * meanHandleSeconds) / spare <= target.meanWaitSeconds;
    return true; // no abandonment without patience
  };
}

function garnettMandelbaumReiman(problem: StaffingProblem, rootLoad: number, meanPatienceSeconds: number): MeetsTarget {
  const { meanHandleSeconds, serviceLevelSeconds, target, load } = problem;
  const rootRatio = Math.sqrt(meanHandleSeconds / meanPatienceSeconds); // √(θ/μ)
  const timeScale = rootLoad / Math.sqrt(meanHandleSeconds * meanPatienceSeconds); // √(θμR)
  return (beta) => {
    const scaledBeta = beta / rootRatio;
    const hazard = normalHazard(scaledBeta);
    const probWait = 1 / (1 + (rootRatio * hazard) / normalHazard(-beta));
    const probAbandon = Math.min(1, (probWait * rootRatio * Math.max(0, hazard - scaledBeta)) / rootLoad);
    if ('probAbandon' in target) return probAbandon <= target.probAbandon;
    if ('meanWaitSeconds' in target) return probAbandon * meanPatienceSeconds <= target.meanWaitSeconds;
    const laterGivenWait = Math.exp(
      logNormalUpper(scaledBeta + serviceLevelSeconds * timeScale) - logNormalUpper(scaledBeta),
    );
    const serviceLevel = 1 - probWait * laterGivenWait - probAbandon * (1 - laterGivenWait);
    return load === 0 || serviceLevel >= target.serviceLevel;
  };
}
