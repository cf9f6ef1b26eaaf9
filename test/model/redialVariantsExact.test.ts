import { describe, expect, it } from 'vitest';
import { solveStationary } from '../support/ctmc';
import { NEGLIGIBLE, POINT, check, exponential, reportsOf, steadyState } from '../support/exactChecks';

// Redials only after some outcomes (redial.after) against an exact Markov chain
// (test/support/ctmc.ts), with the tolerance of multiLineExact.test.ts (16 replications, 4.5
// standard errors, test/support/exactChecks.ts).

describe('redials after abandonment only: exact Markov chain', () => {
  // One line, 8 agents and 11 trunks; callers who abandon call again with probability 0.6
  // after an exponential delay of 600 s, callers who hear a busy signal never do
  // (redial.after: ['abandoned']). The chain: (calls in the center, people waiting to redial),
  // as case (b) of multiLineExact.test.ts with a busy signal at 11 calls, which sends the call
  // (first or redial) away for good. The cap of 10 calls is left out of the chain: reaching it
  // takes 9 abandonments in a row, each redialed, about (0.6 × 0.12)^9 ≈ 5e-11.
  //
  // Wrong version caught: redials after every outcome (busy signals too, the default) makes
  // 16.4% of the calls redials instead of 5.3%, 17.3% of them busy instead of 11.5%, and 13.1%
  // of the people give up instead of 15.9%. Tolerances are under 1 point.
  it('a busy signal ends the story; an abandonment may be followed by a redial', async () => {
    const line = { perHour: 100, agents: 8, trunks: 11, handleSeconds: 300, patienceSeconds: 300, redialProbability: 0.6, redialSeconds: 600 };
    const exact = redialsAfterAbandonment(line);
    const scenario = steadyState(
      {
        arrivals: { perHour: line.perHour },
        agents: line.agents,
        trunks: line.trunks,
        handleTime: exponential(line.handleSeconds),
        patience: exponential(line.patienceSeconds),
        redial: { probability: line.redialProbability, delay: exponential(line.redialSeconds), after: ['abandoned' as const] },
      },
      { slowestMeanSeconds: line.redialSeconds, seed: 90 },
    );
    const reports = await reportsOf(scenario);
    check('share of calls that are redials', reports.map((r) => r.redials.calls / r.callers.offered), exact.redialShare, POINT);
    check('share of calls that hear a busy signal', reports.map((r) => r.callers.busy / r.callers.offered), exact.busy, POINT);
    check('share of calls abandoned', reports.map((r) => r.callers.abandoned / r.callers.offered), exact.abandoned, POINT);
    check('share of people who give up', reports.map((r) => r.people.gaveUp / r.people.offered), exact.gaveUp, POINT);
  });
});

/** State [calls in the center, people waiting to redial]. */
function redialsAfterAbandonment(line: {
  perHour: number;
  agents: number;
  trunks: number;
  handleSeconds: number;
  patienceSeconds: number;
  redialProbability: number;
  redialSeconds: number;
}) {
  const lambda = line.perHour / 3600;
  const mu = 1 / line.handleSeconds;
  const theta = 1 / line.patienceSeconds;
  const delta = 1 / line.redialSeconds;
  const p = line.redialProbability;
  const n = line.agents;
  const chain = solveStationary({
    initial: [0, 0],
    inside: ([, orbit = 0]) => orbit <= 40,
    transitions: ([k = 0, orbit = 0], emit) => {
      if (k < line.trunks) emit(lambda, [k + 1, orbit], 'first call');
      else emit(lambda, [k, orbit], 'busy');
      if (orbit > 0) {
        if (k < line.trunks) emit(orbit * delta, [k + 1, orbit - 1], 'redial');
        else emit(orbit * delta, [k, orbit - 1], 'redial busy');
      }
      if (k > 0) emit(Math.min(k, n) * mu, [k - 1, orbit]);
      if (k > n) {
        emit((k - n) * theta * p, [k - 1, orbit + 1], 'abandoned, will redial');
        emit((k - n) * theta * (1 - p), [k - 1, orbit], 'abandoned for good');
      }
    },
  });
  expect(chain.boundaryMass, 'mass where the truncation cuts').toBeLessThan(NEGLIGIBLE);
  const redials = chain.flow('redial') + chain.flow('redial busy');
  const calls = lambda + redials;
  return {
    redialShare: redials / calls,
    busy: (chain.flow('busy') + chain.flow('redial busy')) / calls,
    abandoned: (chain.flow('abandoned, will redial') + chain.flow('abandoned for good')) / calls,
    gaveUp: (chain.flow('busy') + chain.flow('redial busy') + chain.flow('abandoned for good')) / lambda,
  };
}
