import { blockingProbability } from './erlangB';
import { logIncompleteGamma, logScaledLower, scaledLowerSeries } from './gamma';
import { DEFAULT_SERVICE_LEVEL_SECONDS, IssueCollector, offeredLoad, requireObject } from './inputs';

/** A load offered to agents with an unlimited hold queue and callers who hang up. */
export interface ErlangAInput {
  /** Calls offered per hour. */
  readonly arrivalsPerHour: number;
  /** Mean handle time of a call, in seconds. */
  readonly meanHandleSeconds: number;
  /** Mean patience (time a caller holds before hanging up, if not answered), in seconds. */
  readonly meanPatienceSeconds: number;
  /** Agents: a positive integer (at most 1,000,000). Any load works, also more Erlangs than agents. */
  readonly agents: number;
  /** Answer-time threshold for the service level, in seconds; default 20. */
  readonly serviceLevelSeconds?: number;
}

/** Steady-state performance of an Erlang A (M/M/n+M) center. */
export interface ErlangAResult {
  /** Probability that a caller waits at all (finds every agent busy). */
  readonly probWait: number;
  /**
   * Mean hold time over all callers, in seconds: answered at once (0), answered after holding,
   * and abandoned (their time until they hung up).
   */
  readonly meanWaitSeconds: number;
  /** Probability that a caller hangs up before being answered. */
  readonly probAbandon: number;
  /** Fraction of all callers answered (not abandoned) within `seconds`. */
  readonly serviceLevel: { readonly seconds: number; readonly fraction: number };
  /** Fraction of agent time spent on calls: (1 - probAbandon) × offered load / agents. */
  readonly occupancy: number;
  /** Mean number of callers on hold. */
  readonly meanQueueLength: number;
}

/**
 * Erlang A (Palm; Garnett, Mandelbaum and Reiman 2002): the M/M/n+M center whose callers
 * hang up after an exponential patience. Unlike Erlang C it has a steady state at any load,
 * overload included, and it is what a center with abandonment should be planned with.
 *
 * Exact to rounding for tens of thousands of agents: the queue sums are incomplete gamma
 * functions, evaluated in log space; see the comment in the body for the formulas.
 *
 * @example
 * ```ts
 * // 50 Erlangs on 50 agents, callers hold 3 minutes on average before hanging up
 * const a = erlangA({ arrivalsPerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180, agents: 50 });
 * a.probWait;                   // ≈ 0.4580
 * a.probAbandon;                // ≈ 0.0634
 * a.meanWaitSeconds;            // ≈ 11.42 (abandoned callers' time on hold included)
 * a.serviceLevel.fraction;      // ≈ 0.7311 answered within 20 s
 * ```
 * @see erlangC for callers who never hang up, agentsFor for staffing
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const fields = requireObject('erlangA', input);
  const { arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds, agents, serviceLevelSeconds } = fields;
  const issues = new IssueCollector('erlangA');
  issues.nonNegative('arrivalsPerHour', arrivalsPerHour);
  issues.positive('meanHandleSeconds', meanHandleSeconds);
  if (meanPatienceSeconds === Infinity) {
    issues.add('meanPatienceSeconds', 'a positive finite number (callers who never hang up: use erlangC)', meanPatienceSeconds);
  } else {
    issues.positive('meanPatienceSeconds', meanPatienceSeconds);
  }
  issues.agentCount('agents', agents);
  issues.optionalNonNegative('serviceLevelSeconds', serviceLevelSeconds);
  issues.throwIfAny();
  return erlangAMetrics(
    arrivalsPerHour as number,
    meanHandleSeconds as number,
    meanPatienceSeconds as number,
    agents as number,
    (serviceLevelSeconds as number | undefined) ?? DEFAULT_SERVICE_LEVEL_SECONDS,
  );
}

/** Erlang A for checked arguments. */
export function erlangAMetrics(
  arrivalsPerHour: number,
  meanHandleSeconds: number,
  meanPatienceSeconds: number,
  agents: number,
  serviceLevelSeconds: number,
): ErlangAResult {
  // Rates per second: arrivals λ, one agent's service μ, one caller's abandonment θ.
  const arrivalRate = arrivalsPerHour / 3600;
  const abandonRate = 1 / meanPatienceSeconds;
  const load = offeredLoad(arrivalsPerHour, meanHandleSeconds);
  if (arrivalRate === 0) {
    const serviceLevel = { seconds: serviceLevelSeconds, fraction: 1 };
    return { probWait: 0, meanWaitSeconds: 0, probAbandon: 0, serviceLevel, occupancy: 0, meanQueueLength: 0 };
  }
  // With j callers on hold the chain leaves at rate nμ + jθ, so relative to "all agents busy,
  // nobody holding" the probability of j on hold is q_j = Π_{i<=j} λ/(nμ + iθ)
  // = x^j / ((y+1)…(y+j)), x = λ/θ, y = nμ/θ: the terms of the scaled incomplete gamma series
  // S(y, x) = Γ(y+1) e^x x^-y P(y, x). The states with a free agent weigh 1/B - 1 on the same
  // scale (B = Erlang B), so P(wait) = S / (1/B - 1 + S), and Σ j q_j gives the queue length.
  const x = arrivalRate / abandonRate;
  const y = (agents / meanHandleSeconds) / abandonRate;
  let logS: number;
  let queuePerWaiting: number; // E[callers on hold | all agents busy] = Σ j q_j / S
  let abandonPerWaiting: number; // P(abandon | wait) = θ E[on hold | all busy] / λ
  if (x < y + 1) {
    const series = scaledLowerSeries(y, x);
    logS = Math.log(series.sum);
    abandonPerWaiting = series.weightedSumOverZ / series.sum;
    queuePerWaiting = x * abandonPerWaiting;
  } else {
    // Overloaded: the series would be long. Balance of q_j gives Σ j q_j = (x - y) S + y, a sum
    // of positive terms here; S itself comes from the continued fraction, in logs.
    logS = logScaledLower(y, x);
    queuePerWaiting = x - y + y * Math.exp(-logS);
    abandonPerWaiting = queuePerWaiting / x;
  }
  const blocking = blockingProbability(agents, load);
  // P(wait) = 1 / (1 + R), R = (1/B - 1) / S, in logs: 1/B and S can each overflow.
  const logRatio = Math.log1p(-blocking) - Math.log(blocking) - logS;
  const probWait = Math.exp(-logOnePlusExp(logRatio));
  const meanQueueLength = probWait * queuePerWaiting;
  // Abandonment rate θ × (callers on hold) over λ, and Little's law on the queue:
  // mean wait = E[on hold] / λ = P(abandon) / θ.
  const probAbandon = probWait * abandonPerWaiting;
  const meanWaitSeconds = probAbandon * meanPatienceSeconds;
  const scaledTime = abandonRate * serviceLevelSeconds;
  const xAtT = x * Math.exp(-scaledTime);
  // In heavy overload few are answered within t, and subtracting from 1 would leave only noise.
  const fraction =
    xAtT >= y + 2
      ? Math.exp(-logOnePlusExp(-logRatio)) + probWait * answeredWithinGivenWaitOverloaded(x, y, xAtT)
      : 1 - probAbandon - probWait * answeredAfterGivenWait(x, y, logS, xAtT, scaledTime);
  return {
    probWait,
    meanWaitSeconds,
    probAbandon,
    serviceLevel: { seconds: serviceLevelSeconds, fraction },
    // Rounding can put an overloaded center an ulp above fully busy; it never is.
    occupancy: Math.min(1, ((1 - probAbandon) * load) / agents),
    meanQueueLength,
  };
}

/** `ln(1 + e^r)` without overflow for large `r`. */
function logOnePlusExp(r: number): number {
  return r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
}

/*
 * The service level. A waiting caller's offered wait V (until an agent would take them) has
 * density proportional to exp(λH(v) - nμv), H(v) = (1 - e^-θv)/θ (Mandelbaum and Zeltyn, "The
 * M/M/n+G queue: summary of performance measures"), and they are answered iff their own
 * patience outlasts V, which has probability e^-θV. Substituting u = x e^-θv turns the
 * integrals over v into incomplete gamma functions; with x_t = x e^-θt:
 *   P(answered after t | wait)  = (y/x) P(y+1, x_t) / P(y, x)
 *                               = y/(y+1) · exp(λH(t) - (nμ+θ)t) · S(y+1, x_t) / S(y, x)
 *   P(answered within t | wait) = (y/x) (Q(y+1, x_t) - Q(y+1, x)) / P(y, x).
 * Each form is used where it subtracts no nearly equal numbers.
 */

/** P(answered after more than t | wait), for `x_t < y + 2` (a short series). */
function answeredAfterGivenWait(x: number, y: number, logS: number, xAtT: number, scaledTime: number): number {
  const logSAtT = Math.log(scaledLowerSeries(y + 1, xAtT).sum);
  const exponent = -x * Math.expm1(-scaledTime) - (y + 1) * scaledTime;
  return Math.exp(Math.log(y / (y + 1)) + exponent + logSAtT - logS);
}

/** P(answered within t | wait), for `x_t >= y + 2`: both upper tails from continued fractions. */
function answeredWithinGivenWaitOverloaded(x: number, y: number, xAtT: number): number {
  const logUpperAtT = logIncompleteGamma(y + 1, xAtT).logUpper;
  const logUpper = logIncompleteGamma(y + 1, x).logUpper;
  const difference = Math.exp(logUpperAtT) * -Math.expm1(logUpper - logUpperAtT);
  return ((y / x) * difference) / Math.exp(logIncompleteGamma(y, x).logLower);
}
