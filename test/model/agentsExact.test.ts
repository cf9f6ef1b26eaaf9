import { describe, expect, it } from 'vitest';
import type { Report } from '../../src';
import { solveStationary } from '../support/ctmc';
import { NEGLIGIBLE, POINT, check, exponential, reportsOf, steadyState, waitTolerance } from '../support/exactChecks';

// What agents do besides talking, against exact Markov chains (test/support/ctmc.ts, which
// shares no code with the model), as in multiLineExact.test.ts and with its tolerance (16
// replications, 4.5 standard errors, test/support/exactChecks.ts): after-call work, the choice
// among idle agents, a group's own order of lines. Every time is exponential, so each center is
// a Markov chain on a few counts. Each case says which wrong version of the model it catches:
// the figures of that version (from the same chain changed to have the bug) lie many
// tolerances away, and the version was run against the test to see it fail.

describe('agents: exact Markov chains', () => {
  // (a) One line (M/M/5+M) whose calls are followed by after-call work: exponential talk of
  // 240 s, then an exponential wrap-up of 60 s during which the agent takes no call. The
  // chain: (agents talking, agents wrapping up, callers on hold); a wrap-up that ends takes
  // the head of the queue. A caller waits when every agent talks or wraps up. Occupancy counts
  // both; wrapUpOccupancy the wrap-up alone.
  //
  // Wrong versions caught: wrap-up ignored (the agent free when the caller hangs up) gives
  // abandonment 5.6% instead of 10.9%, a mean wait of 16.7 s instead of 32.7 s and occupancy
  // 62.9% instead of 74.3%; wrap-up counted as talk gives wrapUpOccupancy 0 instead of 14.9%.
  // Tolerances are under 1 point and 5% of the wait.
  it('after-call work keeps the agent busy after the caller hangs up, and occupancy shows it apart', async () => {
    const line = { perHour: 50, agents: 5, talkSeconds: 240, wrapUpSeconds: 60, patienceSeconds: 300 };
    const exact = lineWithWrapUp(line);
    const scenario = steadyState(
      {
        arrivals: { perHour: line.perHour },
        agents: line.agents,
        handleTime: exponential(line.talkSeconds),
        afterCallWork: exponential(line.wrapUpSeconds),
        patience: exponential(line.patienceSeconds),
      },
      { slowestMeanSeconds: line.patienceSeconds, seed: 50 },
    );
    const reports = await reportsOf(scenario);
    check('abandonment', reports.map((r) => r.abandonment.fraction), exact.abandonment, POINT);
    check('mean wait', reports.map((r) => r.hold.meanSeconds), exact.meanWaitSeconds, waitTolerance(exact.meanWaitSeconds));
    check('probability of waiting', reports.map((r) => r.hold.probWait), exact.probWait, POINT);
    check('occupancy (talk and wrap-up)', reports.map((r) => r.agents.occupancy), exact.occupancy, POINT);
    check('wrap-up occupancy', reports.map((r) => r.agents.wrapUpOccupancy ?? NaN), exact.wrapUpOccupancy, POINT);
    check('the group\'s wrap-up occupancy', reports.map((r) => group(r, 'agents').wrapUpOccupancy ?? NaN), exact.wrapUpOccupancy, POINT);
  });

  // (b) One line served at once by two groups of 3 agents, `fast` first in its routing (calls
  // of 240 s there) and `slow` (360 s), with agentSelection 'longest-idle': a caller who finds
  // idle agents goes to the one idle the longest, whichever group. The chain: (callers on hold,
  // then the idle agents' groups in the order they became idle); an arrival takes the first of
  // them, a freed agent takes the head of the queue or joins the end of the idle order.
  //
  // Wrong version caught: route order kept (the `fast` group first whenever it has an idle
  // agent) puts `fast` at 67.8% occupancy and `slow` at 43.8% instead of 54.7% and 62.8%, and
  // 69.9% of the answered calls with `fast` instead of 56.6%. (In this chain any choice blind to the
  // group gives the same figures, random or the most recently idle: service is exponential,
  // so which idle agent goes first does not change who frees up next. The worked example in
  // agentSelection.test.ts tells longest-idle apart from those.)
  it("longest-idle: each group's occupancy and share of the calls", async () => {
    const load = { perHour: 45, agents: 3, fastSeconds: 240, slowSeconds: 360, patienceSeconds: 300 };
    const exact = longestIdleTwoGroups(load);
    const scenario = steadyState(
      {
        agentSelection: 'longest-idle' as const,
        lines: [
          {
            name: 'calls',
            arrivals: { perHour: load.perHour },
            handleTime: exponential(300),
            patience: exponential(load.patienceSeconds),
            routing: [
              { group: 'fast', handleTime: exponential(load.fastSeconds) },
              { group: 'slow', handleTime: exponential(load.slowSeconds) },
            ],
          },
        ],
        groups: [
          { name: 'fast', agents: load.agents },
          { name: 'slow', agents: load.agents },
        ],
      },
      { slowestMeanSeconds: load.slowSeconds, seed: 60, countedHours: 1500 },
    );
    const reports = await reportsOf(scenario);
    check('fast: occupancy', reports.map((r) => group(r, 'fast').occupancy), exact.occupancy.fast, POINT);
    check('slow: occupancy', reports.map((r) => group(r, 'slow').occupancy), exact.occupancy.slow, POINT);
    check('share of the calls answered by fast', reports.map((r) => (group(r, 'fast').answered.calls ?? 0) / r.callers.answered), exact.shareFast, POINT);
    check('mean wait', reports.map((r) => r.hold.meanSeconds), exact.meanWaitSeconds, waitTolerance(exact.meanWaitSeconds));
    check('abandonment', reports.map((r) => r.abandonment.fraction), exact.abandonment, POINT);
  });

  // (c) The N-model with a group-side order of lines. Line `one` (priority 1) goes to its own
  // group `own` (3 agents) and overflows at once to `shared` (3 agents); line `two` (priority 0)
  // goes to `shared` only. `shared` has lineOrder ['two']: a freed shared agent takes a waiting
  // `two` caller first, though `one` has the higher priority, and `one` callers only when no
  // `two` caller waits. The chain: (own busy, shared busy with `one`, shared busy with `two`,
  // `one` on hold, `two` on hold).
  //
  // Wrong version caught: the order ignored (priority decides, `one` first) moves `one`'s
  // abandonment from 9.95% to 6.95% and its mean wait from 29.9 s to 20.8 s, `two`'s
  // abandonment from 19.1% to 26.1% and its wait from 57.4 s to 78.2 s, and the share of
  // `one`'s calls taken by `shared` from 22.3% to 26.6%. Tolerances are under 1 point and 5%.
  it('lineOrder: the shared group of the N-model takes the other line first', async () => {
    const load = { one: { perHour: 50, handleSeconds: 240 }, two: { perHour: 24, handleSeconds: 300 }, patienceSeconds: 300, agents: 3 };
    const exact = nModelSharedPrefersTwo(load);
    const scenario = steadyState(
      {
        lines: [
          {
            name: 'one',
            priority: 1,
            arrivals: { perHour: load.one.perHour },
            handleTime: exponential(load.one.handleSeconds),
            patience: exponential(load.patienceSeconds),
            routing: [{ group: 'own' }, { group: 'shared' }],
          },
          {
            name: 'two',
            arrivals: { perHour: load.two.perHour },
            handleTime: exponential(load.two.handleSeconds),
            patience: exponential(load.patienceSeconds),
            routing: [{ group: 'shared' }],
          },
        ],
        groups: [
          { name: 'own', agents: load.agents },
          { name: 'shared', agents: load.agents, lineOrder: ['two'] },
        ],
      },
      { slowestMeanSeconds: load.patienceSeconds, seed: 70 },
    );
    const reports = await reportsOf(scenario);
    for (const name of ['one', 'two'] as const) {
      const e = exact[name];
      check(`${name}: abandonment`, reports.map((r) => line(r, name).abandonment.fraction), e.abandonment, POINT);
      check(`${name}: mean wait`, reports.map((r) => line(r, name).hold.meanSeconds), e.meanWaitSeconds, waitTolerance(e.meanWaitSeconds));
    }
    check('calls of one taken by shared', reports.map((r) => (group(r, 'shared').answered.one ?? 0) / line(r, 'one').callers.offered), exact.one.takenByShared, POINT);
    check('own: occupancy', reports.map((r) => group(r, 'own').occupancy), exact.occupancy.own, POINT);
    check('shared: occupancy', reports.map((r) => group(r, 'shared').occupancy), exact.occupancy.shared, POINT);
  });
});

const line = (report: Report, name: string) => report.lines[name] as NonNullable<Report['lines'][string]>;

/** Case (c): state [own busy, shared busy with `one`, shared busy with `two`, `one` on hold, `two` on hold]. */
function nModelSharedPrefersTwo(load: {
  one: { perHour: number; handleSeconds: number };
  two: { perHour: number; handleSeconds: number };
  patienceSeconds: number;
  agents: number;
}) {
  const lambda1 = load.one.perHour / 3600;
  const lambda2 = load.two.perHour / 3600;
  const mu1 = 1 / load.one.handleSeconds;
  const mu2 = 1 / load.two.handleSeconds;
  const theta = 1 / load.patienceSeconds;
  const n = load.agents;
  const chain = solveStationary({
    initial: [0, 0, 0, 0, 0],
    inside: ([, , , q1 = 0, q2 = 0]) => q1 <= 40 && q2 <= 40,
    transitions: ([o = 0, s1 = 0, s2 = 0, q1 = 0, q2 = 0], emit) => {
      const sharedIdle = s1 + s2 < n;
      if (o < n) emit(lambda1, [o + 1, s1, s2, q1, q2]);
      else if (sharedIdle) emit(lambda1, [o, s1 + 1, s2, q1, q2], 'one taken by shared');
      else emit(lambda1, [o, s1, s2, q1 + 1, q2]);
      if (sharedIdle) emit(lambda2, [o, s1, s2 + 1, q1, q2]);
      else emit(lambda2, [o, s1, s2, q1, q2 + 1]);
      // An `own` agent frees up: the next `one` caller, if any.
      if (o > 0) emit(o * mu1, q1 > 0 ? [o, s1, s2, q1 - 1, q2] : [o - 1, s1, s2, q1, q2]);
      // A shared agent frees up: `two` first (its line order), then `one`.
      for (const [busy, rate, [t1, t2]] of [
        [s1, mu1, [s1 - 1, s2]],
        [s2, mu2, [s1, s2 - 1]],
      ] as const) {
        if (busy === 0) continue;
        if (q2 > 0) emit(busy * rate, [o, t1, t2 + 1, q1, q2 - 1]);
        else if (q1 > 0) emit(busy * rate, [o, t1 + 1, t2, q1 - 1, q2], 'one taken by shared');
        else emit(busy * rate, [o, t1, t2, q1, q2]);
      }
      if (q1 > 0) emit(q1 * theta, [o, s1, s2, q1 - 1, q2], 'one abandoned');
      if (q2 > 0) emit(q2 * theta, [o, s1, s2, q1, q2 - 1], 'two abandoned');
    },
  });
  expect(chain.boundaryMass, 'mass where the truncation cuts').toBeLessThan(NEGLIGIBLE);
  return {
    one: {
      abandonment: chain.flow('one abandoned') / lambda1,
      meanWaitSeconds: chain.expectation((s) => s[3] as number) / lambda1,
      takenByShared: chain.flow('one taken by shared') / lambda1,
    },
    two: {
      abandonment: chain.flow('two abandoned') / lambda2,
      meanWaitSeconds: chain.expectation((s) => s[4] as number) / lambda2,
    },
    occupancy: {
      own: chain.expectation((s) => s[0] as number) / n,
      shared: chain.expectation((s) => (s[1] as number) + (s[2] as number)) / n,
    },
  };
}

const group = (report: Report, name: string) => report.groups[name] as NonNullable<Report['groups'][string]>;

/** Case (b): state [callers on hold, then the groups (0 fast, 1 slow) of the idle agents, longest idle first]. */
function longestIdleTwoGroups(load: { perHour: number; agents: number; fastSeconds: number; slowSeconds: number; patienceSeconds: number }) {
  const lambda = load.perHour / 3600;
  const mu = [1 / load.fastSeconds, 1 / load.slowSeconds];
  const theta = 1 / load.patienceSeconds;
  const n = load.agents;
  const busy = (idle: readonly number[], g: number) => n - idle.filter((x) => x === g).length;
  const chain = solveStationary({
    initial: [0, ...Array<number>(n).fill(0), ...Array<number>(n).fill(1)],
    inside: ([q = 0]) => q <= 50,
    transitions: ([q = 0, ...idle], emit) => {
      if (idle.length > 0) emit(lambda, [q, ...idle.slice(1)], `answered by ${idle[0]}`);
      else emit(lambda, [q + 1]);
      for (const g of [0, 1]) {
        const b = busy(idle, g);
        if (b === 0) continue;
        if (q > 0) emit(b * mu[g]!, [q - 1, ...idle], `answered by ${g}`);
        else emit(b * mu[g]!, [q, ...idle, g]);
      }
      if (q > 0) emit(q * theta, [q - 1, ...idle], 'abandoned');
    },
  });
  expect(chain.boundaryMass, 'mass where the truncation cuts').toBeLessThan(NEGLIGIBLE);
  const answered = chain.flow('answered by 0') + chain.flow('answered by 1');
  return {
    occupancy: {
      fast: chain.expectation(([, ...idle]) => busy(idle, 0)) / n,
      slow: chain.expectation(([, ...idle]) => busy(idle, 1)) / n,
    },
    shareFast: chain.flow('answered by 0') / answered,
    meanWaitSeconds: chain.expectation(([q = 0]) => q) / lambda,
    abandonment: chain.flow('abandoned') / lambda,
  };
}

/** Case (a): state [agents talking, agents wrapping up, callers on hold]. */
function lineWithWrapUp(line: { perHour: number; agents: number; talkSeconds: number; wrapUpSeconds: number; patienceSeconds: number }) {
  const lambda = line.perHour / 3600;
  const mu = 1 / line.talkSeconds;
  const nu = 1 / line.wrapUpSeconds;
  const theta = 1 / line.patienceSeconds;
  const n = line.agents;
  const chain = solveStationary({
    initial: [0, 0, 0],
    inside: ([, , q = 0]) => q <= 60,
    transitions: ([t = 0, w = 0, q = 0], emit) => {
      if (t + w < n) emit(lambda, [t + 1, w, q]);
      else emit(lambda, [t, w, q + 1]);
      if (t > 0) emit(t * mu, [t - 1, w + 1, q]);
      if (w > 0) emit(w * nu, q > 0 ? [t + 1, w - 1, q - 1] : [t, w - 1, q]);
      if (q > 0) emit(q * theta, [t, w, q - 1], 'abandoned');
    },
  });
  expect(chain.boundaryMass, 'mass where the truncation cuts').toBeLessThan(NEGLIGIBLE);
  return {
    abandonment: chain.flow('abandoned') / lambda,
    meanWaitSeconds: chain.expectation(([, , q = 0]) => q) / lambda,
    probWait: chain.probability(([t = 0, w = 0]) => t + w === n),
    occupancy: chain.expectation(([t = 0, w = 0]) => t + w) / n,
    wrapUpOccupancy: chain.expectation(([, w = 0]) => w) / n,
  };
}
