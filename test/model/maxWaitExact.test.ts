import { describe, it } from 'vitest';
import type { Report } from '../../src';
import { POINT, check, exponential, reportsOf, steadyState, waitTolerance } from '../support/exactChecks';

// A maximum wait (maxWaitSeconds, onTimeout 'message') against exact values of the virtual
// waiting time, with the tolerance of multiLineExact.test.ts (16 replications, 4.5 standard
// errors, test/support/exactChecks.ts).
//
// One line, one agent, FCFS, Poisson arrivals (rate λ), exponential handle times (rate μ),
// maximum wait D. Every caller's deadline is the same D after their arrival, so a caller who
// finds virtual wait V (the work of the callers ahead who will be served) waits exactly V when
// V <= D and times out at D when V > D, never taking service; a caller who times out adds no
// work for anyone. So V jumps by an Exp(μ) service at an arrival only when V <= D, and falls at
// rate 1. By level crossing (down-crossings of x = up-crossings of x), with f the density of V
// on x > 0 and p0 = P(V = 0):
//   f(x) = λ p0 e^{-μx} + λ ∫_0^{min(x,D)} f(y) e^{-μ(x-y)} dy.
// For x < D, g(x) = f(x) e^{μx} solves g' = λ g, g(0) = λ p0: f(x) = λ p0 e^{-(μ-λ)x}. For
// x > D the integral stops at D: f(x) = f(D-) e^{-μ(x-D)} = λ p0 e^{-(μ-λ)D} e^{-μ(x-D)}.
// Normalization: p0 (1 + λ (1 - e^{-aD}) / a + (λ/μ) e^{-aD}) = 1, a = μ - λ. By PASTA:
//   P(timeout) = P(V > D) = p0 (λ/μ) e^{-aD};
//   mean wait of the answered = ∫_0^D x f(x) dx / (1 - P(timeout)),
//     ∫_0^D x f(x) dx = λ p0 (1/a² - e^{-aD} (D/a + 1/a²));
//   mean hold of all who held (everyone here) = ∫_0^D x f(x) dx + D P(timeout);
//   answered within T = P(V <= T) = p0 (1 + λ (1 - e^{-aT}) / a), T <= D;
//   occupancy = P(V > 0) = 1 - p0, which equals (λ/μ)(1 - P(timeout)) (the work of those served).
//
// With exponential patience (rate θ) as well, a caller with V = x <= D abandons when patience
// < x and is answered otherwise; one with V > D abandons when patience < D and times out
// otherwise (a tie has probability 0). Only the answered add work, so
//   f(x) = λ p0 e^{-μx} + λ ∫_0^{min(x,D)} f(y) e^{-θy} e^{-μ(x-y)} dy,
// g' = λ e^{-θx} g: f(x) = λ p0 exp(-μx + λ(1 - e^{-θx})/θ) for x < D, f(D-) e^{-μ(x-D)} after;
// P(V > D) = f(D-)/μ; P(timeout) = P(V > D) e^{-θD}; P(abandon) = ∫_0^D f(x)(1 - e^{-θx}) dx +
// P(V > D)(1 - e^{-θD}); mean wait of the answered = ∫_0^D x f(x) e^{-θx} dx / P(answered). The
// integrals are taken by Simpson's rule on 4,000 panels (error far below 1e-9 here); the three
// outcomes add up to 1 within 1e-9 (asserted), a check of the derivation.
//
// Wrong versions, and what they give (the same formulas with the bug put in):
// - the timeout measured from the answer (nobody times out while waiting): no timeouts, and
//   the answered wait 2,160 s (M/M/1) instead of 35.0 s;
// - timed-out callers still taking service (the timer counts them but the agent serves them):
//   V is the M/M/1 workload, P(V > D) 83.5% instead of 33.6%, occupancy 0.90 instead of 0.598;
// - with patience, the line's maximum wait replacing patience (one timer, always D): nobody
//   abandons (instead of 22.8%), 39.0% time out (instead of 19.2%);
// - patience replacing the maximum wait (the timer only when there is no patience): nobody
//   times out, 37.7% abandon, the answered wait 88.2 s instead of 29.8 s.
// (The timeout firing at D of a person's first attempt only needs redials to show: see the
// worked example in test/model/maxWait.test.ts.) The tolerances are under 1 point and 5%.

const HANDLE_SECONDS = 240;
const MAX_WAIT_SECONDS = 180;

describe('maximum wait: exact virtual-waiting-time values', () => {
  it('one agent, no patience: a caller times out exactly when the work ahead exceeds maxWaitSeconds', async () => {
    const perHour = 13.5;
    const exact = withoutPatience(perHour / 3600, 1 / HANDLE_SECONDS, MAX_WAIT_SECONDS, 20);
    const reports = await reportsOf(steadyState(
      {
        serviceLevelSeconds: 20,
        arrivals: { perHour },
        agents: 1,
        handleTime: exponential(HANDLE_SECONDS),
        maxWaitSeconds: MAX_WAIT_SECONDS,
      },
      { slowestMeanSeconds: HANDLE_SECONDS, seed: 300 },
    ));
    check('share timed out', reports.map((r) => timedOut(r) / r.callers.offered), exact.timedOut, POINT);
    check('mean wait of the answered', reports.map((r) => answeredWait(r)), exact.answeredWaitSeconds, waitTolerance(exact.answeredWaitSeconds));
    check('mean hold of all who held', reports.map((r) => r.hold.meanSeconds), exact.holdSeconds, waitTolerance(exact.holdSeconds));
    check('answered within 20 s', reports.map((r) => r.serviceLevel.fraction), exact.withinTarget, POINT);
    check('occupancy', reports.map((r) => r.agents.occupancy), exact.occupancy, POINT);
  });

  it('one agent with exponential patience: whichever of patience and the maximum wait comes first ends the wait', async () => {
    const perHour = 16.5;
    const patienceSeconds = 300;
    const exact = withPatience(perHour / 3600, 1 / HANDLE_SECONDS, 1 / patienceSeconds, MAX_WAIT_SECONDS);
    const reports = await reportsOf(steadyState(
      {
        arrivals: { perHour },
        agents: 1,
        handleTime: exponential(HANDLE_SECONDS),
        patience: exponential(patienceSeconds),
        maxWaitSeconds: MAX_WAIT_SECONDS,
        onTimeout: 'message' as const,
      },
      { slowestMeanSeconds: patienceSeconds, seed: 310 },
    ));
    check('share timed out', reports.map((r) => timedOut(r) / r.callers.offered), exact.timedOut, POINT);
    check('share abandoned', reports.map((r) => r.callers.abandoned / r.callers.offered), exact.abandoned, POINT);
    check('mean wait of the answered', reports.map((r) => answeredWait(r)), exact.answeredWaitSeconds, waitTolerance(exact.answeredWaitSeconds));
    check('occupancy', reports.map((r) => r.agents.occupancy), exact.occupancy, POINT);
  });
});

const timedOut = (r: Report) => r.callers.timedOut ?? Number.NaN;
const answeredWait = (r: Report) => r.speedOfAnswer.meanSeconds;

function withoutPatience(lambda: number, mu: number, maxWait: number, target: number) {
  const a = mu - lambda;
  const tail = Math.exp(-a * maxWait);
  const p0 = 1 / (1 + (lambda * (1 - tail)) / a + (lambda / mu) * tail);
  const timedOut = p0 * (lambda / mu) * tail;
  const waitMass = lambda * p0 * (1 / a ** 2 - tail * (maxWait / a + 1 / a ** 2));
  return {
    timedOut,
    answeredWaitSeconds: waitMass / (1 - timedOut),
    holdSeconds: waitMass + maxWait * timedOut,
    withinTarget: p0 * (1 + (lambda * (1 - Math.exp(-a * target))) / a),
    occupancy: 1 - p0,
  };
}

function withPatience(lambda: number, mu: number, theta: number, maxWait: number) {
  // The density of V on (0, D) over p0.
  const g = (x: number) => lambda * Math.exp(-mu * x + (lambda * (1 - Math.exp(-theta * x))) / theta);
  const p0 = 1 / (1 + simpson(g, maxWait) + g(maxWait) / mu);
  const beyond = (p0 * g(maxWait)) / mu;
  const timedOut = beyond * Math.exp(-theta * maxWait);
  const abandoned = p0 * simpson((x) => g(x) * (1 - Math.exp(-theta * x)), maxWait) + beyond * (1 - Math.exp(-theta * maxWait));
  const answered = p0 + p0 * simpson((x) => g(x) * Math.exp(-theta * x), maxWait);
  if (Math.abs(timedOut + abandoned + answered - 1) > 1e-9) throw new Error(`outcomes add up to ${timedOut + abandoned + answered}`);
  return {
    timedOut,
    abandoned,
    answeredWaitSeconds: (p0 * simpson((x) => x * g(x) * Math.exp(-theta * x), maxWait)) / answered,
    occupancy: 1 - p0,
  };
}

/** ∫_0^to f by Simpson's rule on 4,000 panels. */
function simpson(f: (x: number) => number, to: number): number {
  const panels = 4000;
  const h = to / panels;
  let sum = f(0) + f(to);
  for (let i = 1; i < panels; i++) sum += f(i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}
