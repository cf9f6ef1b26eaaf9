import { describe, expect, it } from 'vitest';
import type { Report } from '../../src';
import { solveStationary, type State } from '../support/ctmc';
import { NEGLIGIBLE, POINT, check, exponential, reportsOf, steadyState, waitTolerance } from '../support/exactChecks';

// The multi-line model against exact steady-state values of continuous-time Markov chains,
// solved numerically by test/support/ctmc.ts (checked against Erlang C and Erlang A in
// test/analytic/ctmc.test.ts), which shares no code with the model. Every time is exponential
// (handle, patience, redial delay) and every rate constant, so each center below is a Markov
// chain on a few counts; its figures come from the stationary distribution π by Little's law
// (mean wait = E[callers on hold] / rate of calls that hold) and by PASTA (a Poisson arrival
// sees π), or as long-run rates of labelled transitions (answers, abandonments, busy signals,
// redials). Each chain is truncated where the mass on the cut is below 1e-12 (asserted).
//
// Tolerance, as in erlang.test.ts: each case runs 16 independent replications (replicate(),
// each 1,000 counted hours, 1,600 for the two-line center whose `general` line varies most,
// after a warm-up of 20 of the slowest mean times, so that the empty start is gone); a figure
// passes when its mean over the replications lies within 4.5 standard errors of the exact
// value. Student t with 15 degrees of freedom puts a false alarm below 1 in 2,000 per check,
// about 1 in 75 for the 26 checks of this file (the seeds are fixed, so the test is
// deterministic anyway). It is also sharp: each check asserts that the tolerance itself is
// small, under 1 point for a fraction (half a point for the small ones), 5% for a mean wait and
// 1 point for an occupancy. The comment of each case says which bugs move its figures by more
// than that (computed with the same chains changed to have the bug, or, for a priority
// ignored, by an independent simulation).
describe('the multi-line model agrees with exact Markov chains', () => {
  // (a) Two lines, two groups, one shared. Line `priority` (priority 1) is served by its own
  // group first and overflows at once to the shared group; line `general` (priority 0) is
  // served by the shared group only. A freed shared agent takes a waiting `priority` caller
  // before any `general` one; a freed `own` agent takes only `priority` callers.
  //
  // The chain: (own agents busy, shared agents busy with `priority`, shared agents busy with
  // `general`, `priority` callers on hold, `general` callers on hold). Lines keep FIFO queues
  // and exponential patience, so the counts suffice. A `priority` caller waits only when both
  // groups are full, a `general` one when the shared group is. Handle times differ by line, so
  // the shared group's busy agents are split by line.
  //
  // Bugs this catches: priority ignored at the shared group (longest wait first across lines)
  // moves `priority`'s abandonment from 3.9% to 6.8% and its mean wait from 6.9 s to 12.3 s,
  // and the order reversed to 8.0% and 14.5 s; overflow at arrival ignored (a caller waits
  // when `own` is full though `shared` has an idle agent) doubles the wait too (14.1 s) and
  // moves the split of its calls by 6 points. Those tolerances are under 0.2 point and 0.2 s.
  it('two lines, two groups, one shared, a priority line', async () => {
    const lines = {
      priority: { perHour: 66, handleSeconds: 240, patienceSeconds: 180 },
      general: { perHour: 72, handleSeconds: 300, patienceSeconds: 600 },
    };
    const agents = { own: 4, shared: 8 };
    const exact = twoLinesSharedGroup(lines, agents);

    const scenario = steadyState(
      {
        lines: [
          {
            name: 'priority',
            priority: 1,
            arrivals: { perHour: lines.priority.perHour },
            handleTime: exponential(lines.priority.handleSeconds),
            patience: exponential(lines.priority.patienceSeconds),
            routing: [{ group: 'own' }, { group: 'shared' }],
          },
          {
            name: 'general',
            arrivals: { perHour: lines.general.perHour },
            handleTime: exponential(lines.general.handleSeconds),
            patience: exponential(lines.general.patienceSeconds),
            routing: [{ group: 'shared' }],
          },
        ],
        groups: [
          { name: 'own', agents: agents.own },
          { name: 'shared', agents: agents.shared },
        ],
      },
      { slowestMeanSeconds: 600, seed: 10, countedHours: 1600 },
    );
    const reports = await reportsOf(scenario);

    for (const name of ['priority', 'general'] as const) {
      const line = (r: Report) => r.lines[name] as NonNullable<Report['lines'][string]>;
      const e = exact[name];
      check(`${name}: abandonment`, reports.map((r) => line(r).abandonment.fraction), e.abandonment, name === 'priority' ? POINT / 2 : POINT);
      check(`${name}: mean wait`, reports.map((r) => line(r).hold.meanSeconds), e.meanWaitSeconds, waitTolerance(e.meanWaitSeconds));
      check(`${name}: probability of waiting`, reports.map((r) => line(r).hold.probWait), e.probWait, POINT);
      for (const group of ['own', 'shared'] as const) {
        const taken = reports.map((r) => (r.groups[group]?.answered[name] ?? 0) / line(r).callers.offered);
        if (e.answeredBy[group] === 0) {
          // `own` never serves `general`: not one call, in any replication.
          expect(taken.every((share) => share === 0), `${group} took calls of ${name}`).toBe(true);
        } else {
          check(`calls of ${name} taken by ${group}`, taken, e.answeredBy[group], POINT);
        }
      }
    }
    check('own: occupancy', reports.map((r) => r.groups.own?.occupancy ?? NaN), exact.occupancy.own, POINT);
    check('shared: occupancy', reports.map((r) => r.groups.shared?.occupancy ?? NaN), exact.occupancy.shared, POINT);
  });

  // (b) One line whose callers call again after abandoning: with probability 0.5, after an
  // exponential delay of mean 600 s. The chain: (calls in the center, people waiting to redial);
  // the people waiting to redial are an orbit that each leave at rate 1/600, and a redial is a
  // new call like any other. The cap of 10 calls in all is left out of the chain: a person
  // reaches it only by abandoning 9 calls in a row and choosing to redial each time, about
  // (0.5 × 0.14)^9 ≈ 4e-11 at this line's abandonment per call (and below 1e-6 even if
  // redials abandoned three times as often), far below any tolerance, so the orbit is Markov.
  //
  // Redials are not Poisson arrivals (their rate depends on the orbit), so what they find is
  // weighted by their rate in each state; shares are ratios of long-run rates. Bugs this
  // catches: redials not counted as calls (their share 0 instead of 7.0%), the redial
  // probability ignored (never redialing, abandonment per call falls from 14.0% to 10.5% and
  // the mean wait from 42.1 s to 31.5 s), people who give up counted per call instead of per
  // person (7.0% instead of 7.5%); tolerances are under 0.4 point and 1.5 s.
  it('one line with redials after abandonment', async () => {
    const line = { perHour: 114, agents: 10, handleSeconds: 300, patienceSeconds: 300, redialProbability: 0.5, redialSeconds: 600 };
    const exact = lineWithRedials(line);
    const scenario = steadyState(
      {
        arrivals: { perHour: line.perHour },
        agents: line.agents,
        handleTime: exponential(line.handleSeconds),
        patience: exponential(line.patienceSeconds),
        redial: { probability: line.redialProbability, delay: exponential(line.redialSeconds) },
      },
      { slowestMeanSeconds: line.redialSeconds, seed: 20 },
    );
    const reports = await reportsOf(scenario);
    check('share of calls that are redials', reports.map((r) => r.redials.calls / r.callers.offered), exact.redialShare, POINT);
    check('abandonment per call', reports.map((r) => r.abandonment.fraction), exact.abandonment, POINT);
    check('share of people who give up', reports.map((r) => r.people.gaveUp / r.people.offered), exact.gaveUp, POINT);
    check('mean wait per call', reports.map((r) => r.hold.meanSeconds), exact.meanWaitSeconds, waitTolerance(exact.meanWaitSeconds));
    check('occupancy', reports.map((r) => r.agents.occupancy), exact.occupancy, POINT);
  });

  // (c) One line with 8 agents and 12 trunks (M/M/8/12+M): at most 12 calls in the center, in a
  // call or on hold; the 13th hears a busy signal. The chain: calls in the center, 0 to 12. By
  // PASTA, P(busy signal) = π(12). Busy calls never hold, so they are not among the callers who
  // held: abandonment and the mean wait are over the others. Bugs this catches: trunks counting
  // only callers on hold (busy signals 7.7% become 0.2%), busy calls counted among those who held
  // (abandonment 6.5% reads 6.0%, the mean wait 38.9 s reads 35.9 s); tolerances are under
  // 0.5 point and 1 s.
  it('one line with trunks: busy signals', async () => {
    const line = { perHour: 96, agents: 8, trunks: 12, handleSeconds: 300, patienceSeconds: 600 };
    const exact = lineWithTrunks(line);
    const scenario = steadyState(
      {
        arrivals: { perHour: line.perHour },
        agents: line.agents,
        trunks: line.trunks,
        handleTime: exponential(line.handleSeconds),
        patience: exponential(line.patienceSeconds),
      },
      { slowestMeanSeconds: line.patienceSeconds, seed: 30 },
    );
    const reports = await reportsOf(scenario);
    check('probability of a busy signal', reports.map((r) => r.callers.busy / r.callers.offered), exact.busy, POINT);
    check('abandonment', reports.map((r) => r.abandonment.fraction), exact.abandonment, POINT / 2);
    check('mean wait', reports.map((r) => r.hold.meanSeconds), exact.meanWaitSeconds, waitTolerance(exact.meanWaitSeconds));
    check('probability of waiting', reports.map((r) => r.hold.probWait), exact.probWait, POINT);
    check('occupancy', reports.map((r) => r.agents.occupancy), exact.occupancy, POINT);
  });

  // (d) One line whose callers, when they must wait, hang up at once with probability 0.3
  // (balking). The chain: calls in the center; when every agent is busy an arrival joins the
  // queue at rate 0.7λ and balks at rate 0.3λ (a transition back to the same state). Balked
  // callers heard the hold music: they count among the callers who held, with a hold of 0 s,
  // and in abandonment; they were not answered at once, so they count in the probability of
  // waiting. Bugs this catches: balked callers left out of abandonment (17.1% would read 3.8%)
  // or of the callers who held (19.8%; the mean wait 26.6 s instead of 23.0 s), balking also
  // when an agent is idle (balked 13.3% becomes 30%); tolerances are under half a point and 1 s.
  it('one line with balking on a fixed probability', async () => {
    const line = { perHour: 96, agents: 8, handleSeconds: 300, patienceSeconds: 600, balkProbability: 0.3 };
    const exact = lineWithBalking(line);
    const scenario = steadyState(
      {
        arrivals: { perHour: line.perHour },
        agents: line.agents,
        handleTime: exponential(line.handleSeconds),
        patience: exponential(line.patienceSeconds),
        balking: { probability: line.balkProbability },
      },
      { slowestMeanSeconds: line.patienceSeconds, seed: 40 },
    );
    const reports = await reportsOf(scenario);
    check('share of calls that balk', reports.map((r) => r.callers.balked / r.callers.offered), exact.balked, POINT);
    check('abandonment (balked included)', reports.map((r) => r.abandonment.fraction), exact.abandonment, POINT);
    check('mean wait', reports.map((r) => r.hold.meanSeconds), exact.meanWaitSeconds, waitTolerance(exact.meanWaitSeconds));
    check('probability of waiting', reports.map((r) => r.hold.probWait), exact.probWait, POINT);
    check('occupancy', reports.map((r) => r.agents.occupancy), exact.occupancy, POINT);
  });
});

// The chains. Rates per second; a state is an array of counts.

interface LineLoad {
  perHour: number;
  handleSeconds: number;
  patienceSeconds: number;
}

interface LineFigures {
  abandonment: number;
  meanWaitSeconds: number;
  probWait: number;
  /** Share of the line's calls answered by each group. */
  answeredBy: { own: number; shared: number };
}

/** Case (a): state [own busy, shared busy with `priority`, shared busy with `general`, `priority` on hold, `general` on hold]. */
function twoLinesSharedGroup(
  lines: { priority: LineLoad; general: LineLoad },
  agents: { own: number; shared: number },
): { priority: LineFigures; general: LineFigures; occupancy: { own: number; shared: number } } {
  const lambdaP = lines.priority.perHour / 3600;
  const lambdaG = lines.general.perHour / 3600;
  const muP = 1 / lines.priority.handleSeconds;
  const muG = 1 / lines.general.handleSeconds;
  const thetaP = 1 / lines.priority.patienceSeconds;
  const thetaG = 1 / lines.general.patienceSeconds;
  const { own: nOwn, shared: nShared } = agents;
  const chain = solveStationary({
    initial: [0, 0, 0, 0, 0],
    inside: ([, , , qP = 0, qG = 0]) => qP <= 20 && qG <= 45,
    transitions: ([o = 0, sP = 0, sG = 0, qP = 0, qG = 0], emit) => {
      const sharedIdle = sP + sG < nShared;
      // A `priority` call: its own group if an agent is idle, else the shared group, else hold.
      if (o < nOwn) emit(lambdaP, [o + 1, sP, sG, qP, qG], 'priority answered by own');
      else if (sharedIdle) emit(lambdaP, [o, sP + 1, sG, qP, qG], 'priority answered by shared');
      else emit(lambdaP, [o, sP, sG, qP + 1, qG]);
      // A `general` call: the shared group, else hold.
      if (sharedIdle) emit(lambdaG, [o, sP, sG + 1, qP, qG], 'general answered by shared');
      else emit(lambdaG, [o, sP, sG, qP, qG + 1]);
      // An `own` agent frees up: takes the next `priority` caller, if any.
      if (o > 0) {
        if (qP > 0) emit(o * muP, [o, sP, sG, qP - 1, qG], 'priority answered by own');
        else emit(o * muP, [o - 1, sP, sG, qP, qG]);
      }
      // A shared agent frees up (after a call of either line): `priority` first, then `general`.
      for (const [busy, rate, after] of [
        [sP, muP, [o, sP - 1, sG]],
        [sG, muG, [o, sP, sG - 1]],
      ] as const) {
        if (busy === 0) continue;
        const [o1, sP1, sG1] = after;
        if (qP > 0) emit(busy * rate, [o1, sP1 + 1, sG1, qP - 1, qG], 'priority answered by shared');
        else if (qG > 0) emit(busy * rate, [o1, sP1, sG1 + 1, qP, qG - 1], 'general answered by shared');
        else emit(busy * rate, [o1, sP1, sG1, qP, qG]);
      }
      if (qP > 0) emit(qP * thetaP, [o, sP, sG, qP - 1, qG], 'priority abandoned');
      if (qG > 0) emit(qG * thetaG, [o, sP, sG, qP, qG - 1], 'general abandoned');
    },
  });
  expect(chain.boundaryMass, 'mass where the truncation cuts').toBeLessThan(NEGLIGIBLE);
  const allBusy = ([o = 0, sP = 0, sG = 0]: State) => o === nOwn && sP + sG === nShared;
  const sharedBusy = ([, sP = 0, sG = 0]: State) => sP + sG === nShared;
  return {
    priority: {
      abandonment: chain.flow('priority abandoned') / lambdaP,
      meanWaitSeconds: chain.expectation((s) => s[3] as number) / lambdaP,
      probWait: chain.probability(allBusy),
      answeredBy: { own: chain.flow('priority answered by own') / lambdaP, shared: chain.flow('priority answered by shared') / lambdaP },
    },
    general: {
      abandonment: chain.flow('general abandoned') / lambdaG,
      meanWaitSeconds: chain.expectation((s) => s[4] as number) / lambdaG,
      probWait: chain.probability(sharedBusy),
      answeredBy: { own: 0, shared: chain.flow('general answered by shared') / lambdaG },
    },
    occupancy: {
      own: chain.expectation((s) => s[0] as number) / nOwn,
      shared: chain.expectation((s) => (s[1] as number) + (s[2] as number)) / nShared,
    },
  };
}

/** Case (b): state [calls in the center, people waiting to redial]. */
function lineWithRedials(line: {
  perHour: number;
  agents: number;
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
    inside: ([k = 0, orbit = 0]) => k <= n + 60 && orbit <= 30,
    transitions: ([k = 0, orbit = 0], emit) => {
      emit(lambda, [k + 1, orbit], 'first call');
      if (orbit > 0) emit(orbit * delta, [k + 1, orbit - 1], 'redial');
      if (k > 0) emit(Math.min(k, n) * mu, [k - 1, orbit]);
      if (k > n) {
        emit((k - n) * theta * p, [k - 1, orbit + 1], 'abandoned, will redial');
        emit((k - n) * theta * (1 - p), [k - 1, orbit], 'abandoned for good');
      }
    },
  });
  expect(chain.boundaryMass, 'mass where the truncation cuts').toBeLessThan(NEGLIGIBLE);
  const calls = chain.flow('first call') + chain.flow('redial');
  const abandoned = chain.flow('abandoned, will redial') + chain.flow('abandoned for good');
  return {
    redialShare: chain.flow('redial') / calls,
    abandonment: abandoned / calls,
    gaveUp: chain.flow('abandoned for good') / chain.flow('first call'),
    meanWaitSeconds: chain.expectation(([k = 0]) => Math.max(0, k - n)) / calls,
    occupancy: chain.expectation(([k = 0]) => Math.min(k, n)) / n,
  };
}

/** Case (c): state [calls in the center], at most `trunks`. */
function lineWithTrunks(line: { perHour: number; agents: number; trunks: number; handleSeconds: number; patienceSeconds: number }) {
  const lambda = line.perHour / 3600;
  const mu = 1 / line.handleSeconds;
  const theta = 1 / line.patienceSeconds;
  const n = line.agents;
  const chain = solveStationary({
    initial: [0],
    inside: ([k = 0]) => k <= line.trunks,
    transitions: ([k = 0], emit) => {
      if (k < line.trunks) emit(lambda, [k + 1], 'held');
      else emit(lambda, [k], 'busy signal');
      if (k > 0) emit(Math.min(k, n) * mu, [k - 1]);
      if (k > n) emit((k - n) * theta, [k - 1], 'abandoned');
    },
  });
  expect(chain.boundaryMass).toBe(0); // the trunks bound the chain: nothing is cut
  const held = chain.flow('held');
  return {
    busy: chain.flow('busy signal') / lambda,
    abandonment: chain.flow('abandoned') / held,
    meanWaitSeconds: chain.expectation(([k = 0]) => Math.max(0, k - n)) / held,
    probWait: chain.probability(([k = 0]) => k >= n && k < line.trunks) / chain.probability(([k = 0]) => k < line.trunks),
    occupancy: chain.expectation(([k = 0]) => Math.min(k, n)) / n,
  };
}

/** Case (d): state [calls in the center]. */
function lineWithBalking(line: { perHour: number; agents: number; handleSeconds: number; patienceSeconds: number; balkProbability: number }) {
  const lambda = line.perHour / 3600;
  const mu = 1 / line.handleSeconds;
  const theta = 1 / line.patienceSeconds;
  const b = line.balkProbability;
  const n = line.agents;
  const chain = solveStationary({
    initial: [0],
    inside: ([k = 0]) => k <= n + 100,
    transitions: ([k = 0], emit) => {
      if (k < n) emit(lambda, [k + 1]);
      else {
        emit(lambda * (1 - b), [k + 1]);
        emit(lambda * b, [k], 'balked');
      }
      if (k > 0) emit(Math.min(k, n) * mu, [k - 1]);
      if (k > n) emit((k - n) * theta, [k - 1], 'abandoned');
    },
  });
  expect(chain.boundaryMass, 'mass where the truncation cuts').toBeLessThan(NEGLIGIBLE);
  return {
    balked: chain.flow('balked') / lambda,
    abandonment: (chain.flow('balked') + chain.flow('abandoned')) / lambda,
    meanWaitSeconds: chain.expectation(([k = 0]) => Math.max(0, k - n)) / lambda,
    probWait: chain.probability(([k = 0]) => k >= n),
    occupancy: chain.expectation(([k = 0]) => Math.min(k, n)) / n,
  };
}
