import { describe, expect, test } from 'vitest';
import { agentsFor, erlangA, erlangB, erlangC } from '../../src/analytic';
import { arrivalsPerHourFor, expectRelative } from './relative';

describe('textbook values', () => {
  test('Erlang C: 5 Erlangs on 6 agents wait with probability 0.5875', () => {
    const result = erlangC({ arrivalsPerHour: 100, meanHandleSeconds: 180, agents: 6 });
    expect(result.probWait).toBeCloseTo(0.5875, 4);
    // W = C h / (n - a) = 0.58752 × 180 / 1; SL = 1 - C e^{-(n-a) t / h} = 1 - 0.58752 e^{-1/9}
    expect(result.meanWaitSeconds).toBeCloseTo(105.753, 3);
    expect(result.serviceLevel).toEqual({ seconds: 20, fraction: expect.closeTo(0.474267, 6) as number });
    expect(result.occupancy).toBeCloseTo(5 / 6, 15);
  });

  test('Erlang C: 2 Erlangs on 3 agents wait with probability exactly 4/9', () => {
    // B(3, 2) = (8/6) / (1 + 2 + 2 + 8/6) = 4/19; C = B / (1 - (2/3)(1 - B)) = 4/9
    const result = erlangC({ arrivalsPerHour: arrivalsPerHourFor(2, 300), meanHandleSeconds: 300, agents: 3 });
    expectRelative(result.probWait, 4 / 9, 1e-14, 'probWait');
    expectRelative(result.meanQueueLength, ((4 / 9) * 2) / 1, 1e-14, 'meanQueueLength');
  });

  test('Erlang C with one agent is the M/M/1 queue', () => {
    const rho = 0.8;
    const handle = 240;
    const result = erlangC({ arrivalsPerHour: arrivalsPerHourFor(rho, handle), meanHandleSeconds: handle, agents: 1, serviceLevelSeconds: 30 });
    expectRelative(result.probWait, rho, 1e-14, 'probWait = ρ');
    expectRelative(result.meanWaitSeconds, (rho * handle) / (1 - rho), 1e-14, 'W = ρ h / (1 - ρ)');
    expectRelative(result.meanQueueLength, (rho * rho) / (1 - rho), 1e-14, 'Lq = ρ² / (1 - ρ)');
    expectRelative(result.serviceLevel.fraction, 1 - rho * Math.exp((-(1 - rho) * 30) / handle), 1e-14, 'SL');
  });

  test.each([
    // Erlang B tables list the load that 10 and 100 lines carry at 1% and 2% blocking.
    [10, 4.461, 0.01],
    [10, 5.084, 0.02],
    [100, 84.06, 0.01],
  ])('Erlang B table: %i lines at %f Erlangs block %f of calls', (agents, erlangs, blocking) => {
    const result = erlangB({ arrivalsPerHour: arrivalsPerHourFor(erlangs, 180), meanHandleSeconds: 180, agents });
    expect(Math.abs(result - blocking) / blocking).toBeLessThan(1e-3); // the tables print 4 digits
  });

  test('Erlang B: one line at 1 Erlang blocks half the calls, two lines a fifth', () => {
    expect(erlangB({ arrivalsPerHour: 12, meanHandleSeconds: 300, agents: 1 })).toBeCloseTo(0.5, 15);
    expect(erlangB({ arrivalsPerHour: 12, meanHandleSeconds: 300, agents: 2 })).toBeCloseTo(0.2, 15);
  });
});

describe('Erlang A special cases with closed forms of their own', () => {
  test('with patience equal to handle time every caller leaves at rate μ, so the number in the center is Poisson (M/M/∞)', () => {
    const erlangs = 10;
    const agents = 12;
    const result = erlangA({
      arrivalsPerHour: arrivalsPerHourFor(erlangs, 300),
      meanHandleSeconds: 300,
      meanPatienceSeconds: 300,
      agents,
    });
    // P(N = k) = e^-a a^k / k!, summed directly (small numbers, no overflow).
    const poisson: number[] = [Math.exp(-erlangs)];
    for (let k = 1; k < 200; k++) poisson.push(((poisson[k - 1] as number) * erlangs) / k);
    const probWait = poisson.slice(agents).reduce((sum, p) => sum + p, 0);
    const meanQueueLength = poisson.reduce((sum, p, k) => sum + Math.max(0, k - agents) * p, 0);
    expectRelative(result.probWait, probWait, 1e-12, 'probWait = P(N >= n)');
    expectRelative(result.meanQueueLength, meanQueueLength, 1e-12, 'Lq = E[(N - n)+]');
  });

  test('callers with almost no patience make Erlang A the loss system Erlang B', () => {
    // A caller who finds every agent busy hangs up at once: P(wait) = P(abandon) = B(n, a).
    const base = { arrivalsPerHour: arrivalsPerHourFor(8, 300), meanHandleSeconds: 300, agents: 10 };
    const blocking = erlangB(base);
    const result = erlangA({ ...base, meanPatienceSeconds: 1e-9 });
    expectRelative(result.probWait, blocking, 1e-9, 'probWait');
    expectRelative(result.probAbandon, blocking, 1e-9, 'probAbandon');
    expectRelative(result.serviceLevel.fraction, 1 - blocking, 1e-9, 'serviceLevel');
  });

  test("abandonment and occupancy agree with a tagged caller's journey through the chain", () => {
    // Not Little's law (P(abandon) = W / mean patience), which the code itself uses, but an
    // independent route: the stationary distribution p_k of the M/M/55+M chain from its balance
    // equations, then (PASTA) a caller who finds j on hold is answered with probability
    // Π_{i=0..j} (nμ + iθ) / (nμ + (i+1)θ): at each step ahead of them, an answer or someone ahead
    // hanging up (rate nμ + iθ) races their own patience (rate θ). Occupancy is E[min(N, n)] / n.
    const n = 55;
    const lambda = 700 / 3600;
    const mu = 1 / 300;
    const theta = 1 / 240;
    const result = erlangA({ arrivalsPerHour: 700, meanHandleSeconds: 300, meanPatienceSeconds: 240, agents: n });
    const weights = [1];
    for (let k = 1; k < n + 2000; k++) weights.push((weights[k - 1]! * lambda) / (Math.min(k, n) * mu + Math.max(0, k - n) * theta));
    const total = weights.reduce((sum, w) => sum + w, 0);
    let probAbandon = 0;
    let answeredFromHere = 1; // Π over the positions so far
    for (let j = 0; n + j < weights.length; j++) {
      answeredFromHere *= (n * mu + j * theta) / (n * mu + (j + 1) * theta);
      probAbandon += (weights[n + j]! / total) * (1 - answeredFromHere);
    }
    const occupancy = weights.reduce((sum, w, k) => sum + (w / total) * Math.min(k, n), 0) / n;
    // The chain gives 8.8185% abandoning and 96.708% occupancy; the two routes agree to 1e-15.
    expectRelative(result.probAbandon, probAbandon, 1e-12, 'probAbandon');
    expectRelative(result.occupancy, occupancy, 1e-12, 'occupancy');
  });

  test('with no arrivals nobody waits', () => {
    const result = erlangA({ arrivalsPerHour: 0, meanHandleSeconds: 300, meanPatienceSeconds: 240, agents: 3 });
    expect(result).toEqual({
      probWait: 0,
      meanWaitSeconds: 0,
      probAbandon: 0,
      serviceLevel: { seconds: 20, fraction: 1 },
      occupancy: 0,
      meanQueueLength: 0,
    });
    expect(erlangC({ arrivalsPerHour: 0, meanHandleSeconds: 300, agents: 3 }).probWait).toBe(0);
  });
});

describe('no overflow at any size', () => {
  test.each([
    [100_000, 99_900, undefined],
    [100_000, 120_000, 600],
    [200_000, 200_000, 1e6],
    [50_000, 10, 60],
    [1, 10_000, 3600],
  ])('%i agents, %f Erlangs, patience %s s: finite probabilities', (agents, erlangs, patience) => {
    const base = { arrivalsPerHour: arrivalsPerHourFor(erlangs, 300), meanHandleSeconds: 300, agents };
    const result = patience === undefined ? erlangC(base) : erlangA({ ...base, meanPatienceSeconds: patience });
    for (const value of [result.probWait, result.serviceLevel.fraction, result.occupancy]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(Number.isFinite(result.meanWaitSeconds)).toBe(true);
    expect(Number.isFinite(result.meanQueueLength)).toBe(true);
  });
});

describe('the examples in the doc comments', () => {
  test('erlangB', () => {
    expect(erlangB({ arrivalsPerHour: 100, meanHandleSeconds: 180, agents: 10 })).toBeCloseTo(0.018385, 6);
  });

  test('erlangC', () => {
    const c = erlangC({ arrivalsPerHour: 100, meanHandleSeconds: 180, agents: 6 });
    expect(c.probWait).toBeCloseTo(0.5875, 4);
    expect(c.meanWaitSeconds).toBeCloseTo(105.8, 1);
    expect(c.serviceLevel.fraction).toBeCloseTo(0.4743, 4);
  });

  test('erlangA', () => {
    const a = erlangA({ arrivalsPerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180, agents: 50 });
    expect(a.probWait).toBeCloseTo(0.458, 4);
    expect(a.probAbandon).toBeCloseTo(0.0634, 4);
    expect(a.meanWaitSeconds).toBeCloseTo(11.42, 2);
    expect(a.serviceLevel.fraction).toBeCloseTo(0.7311, 4);
  });

  test('agentsFor', () => {
    const plan = agentsFor({ arrivalsPerHour: 600, meanHandleSeconds: 300, target: { serviceLevel: 0.8 } });
    expect(plan.agents).toBe(57);
    expect(plan.squareRootEstimate).toBe(56);
    expect(plan.serviceLevel.fraction).toBeCloseTo(0.845, 3);
    const patient = agentsFor({ arrivalsPerHour: 600, meanHandleSeconds: 300, meanPatienceSeconds: 180, target: { probAbandon: 0.05 } });
    expect(patient.agents).toBe(52);
  });
});
