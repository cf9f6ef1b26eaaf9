import { describe, expect, it } from 'vitest';
import { SnapshotError, ScenarioError, forecastWait, predictors, type CenterSnapshot, type Scenario } from '../../src';

const agents = 50;
const meanHandleSeconds = 300;
const line: Scenario = {
  arrivals: { perHour: 570 },
  agents,
  durationSeconds: 8 * 3600,
  handleTime: { type: 'exponential', meanSeconds: meanHandleSeconds },
};

function allBusy(ahead: number): CenterSnapshot {
  return {
    agents,
    busy: Array.from({ length: agents }, (_, i) => ({ elapsedSeconds: 7 * i })),
    hold: Array.from({ length: ahead }, (_, i) => ({ waitedSeconds: 10 * (ahead - i) })),
    callbacks: [],
  };
}

// P(Gamma(k + 1, rate) <= t) = 1 - sum_{j=0..k} e^(-rate t) (rate t)^j / j!
function erlangCdf(k: number, rate: number, t: number): number {
  let term = Math.exp(-rate * t);
  let sum = term;
  for (let j = 1; j <= k; j++) {
    term *= (rate * t) / j;
    sum += term;
  }
  return 1 - sum;
}

describe('forecastWait', () => {
  // All 50 agents busy, exponential calls, nobody abandons, k callers ahead: the new caller
  // waits for k + 1 completions of a pool finishing at rate 50 / 300 s, a Gamma(k + 1, 1/6 s)
  // wait whatever the calls' elapsed times (memoryless).
  for (const ahead of [0, 4, 19]) {
    it(`is exact in distribution with ${ahead} callers ahead (Gamma(${ahead + 1}, agents / mean handle))`, () => {
      const replications = 20_000;
      const rate = agents / meanHandleSeconds;
      const forecast = forecastWait(line, allBusy(ahead), { replications, seed: 3 });
      const mean = (ahead + 1) / rate;
      const sd = Math.sqrt(ahead + 1) / rate;
      // The mean of 20,000 futures has a standard error of sd / 141; 4 of them.
      expect(Math.abs(forecast.meanSeconds - mean)).toBeLessThan((4 * sd) / Math.sqrt(replications));
      // A sample quantile's probability is within 4 * sqrt(q (1 - q) / n): under 0.9 points at
      // the median, 0.85 at the 90th percentile. A wrong rate (one agent too few, 2%) shifts
      // the median's probability by about 2 points for 20 ahead, and fails.
      expect(Math.abs(erlangCdf(ahead, rate, forecast.p50Seconds) - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / replications));
      expect(Math.abs(erlangCdf(ahead, rate, forecast.p90Seconds) - 0.9)).toBeLessThan(4 * Math.sqrt(0.09 / replications));
      expect(forecast.probAbandon).toBe(0);
      expect(forecast.announceSeconds).toBe(Math.ceil(forecast.p50Seconds / 60) * 60);
    });
  }

  it('answers 0 when an agent is free and nobody waits', () => {
    const snapshot: CenterSnapshot = { agents: 3, busy: [{ elapsedSeconds: 40 }], hold: [], callbacks: [] };
    expect(forecastWait(line, snapshot)).toEqual({
      meanSeconds: 0, p50Seconds: 0, p90Seconds: 0, probAbandon: 0, announceSeconds: 0, offerCallback: false, futures: 1, precisionSeconds: 0, events: 0,
    });
  });

  it('counts callers ahead who will hang up, and the chance this one will, as the exact chain says', () => {
    // All 50 agents busy (exponential calls, rate 1/6 s together), 30 callers ahead, exponential
    // patience of mean 120 s (memoryless: what is left of it is the same whatever they waited).
    // With k ahead, the next of them leaves (answered or hanging up) at rate 1/6 + k/120; the new
    // caller is answered at rate 1/6 once nobody is ahead. The wait is a sum of independent
    // exponential stages, k = 30 down to 0; the chance this caller's own patience P runs out
    // first is 1 - E[e^(-W/120)] = 1 - prod_k r_k / (r_k + 1/120).
    const replications = 20_000;
    const service = agents / meanHandleSeconds;
    const quit = 1 / 120;
    const rates = Array.from({ length: 31 }, (_, k) => service + k * quit);
    const mean = rates.reduce((s, r) => s + 1 / r, 0);
    const sd = Math.sqrt(rates.reduce((s, r) => s + 1 / r ** 2, 0));
    const probAbandon = 1 - rates.reduce((p, r) => (p * r) / (r + quit), 1);
    const impatient = forecastWait({ ...line, patience: { type: 'exponential', meanSeconds: 120 } }, allBusy(30), { replications, seed: 1 });
    // 4 standard errors of 20,000 futures: 0.6 s of the mean wait (114.2 s) and 0.014 of the
    // probability (0.608); a 20% bias in either, or callers ahead who never hang up, fails by far.
    expect(Math.abs(impatient.meanSeconds - mean)).toBeLessThan((4 * sd) / Math.sqrt(replications));
    expect(Math.abs(impatient.probAbandon - probAbandon)).toBeLessThan(4 * Math.sqrt((probAbandon * (1 - probAbandon)) / replications));
  });

  it('counts keep-place callback requests ahead, but not after-hold ones', () => {
    const snapshot: CenterSnapshot = { ...allBusy(5), callbacks: Array.from({ length: 10 }, () => ({ waitedSeconds: 200, attempts: 0 })) };
    const callback = { offer: 'always', optIn: { probability: 0.5 }, dialSeconds: 20 } as const;
    const replications = 4000;
    const keepPlace = forecastWait({ ...line, callback: { ...callback, position: 'keep-place' } }, snapshot, { seed: 2, replications });
    const afterHold = forecastWait({ ...line, callback: { ...callback, position: 'after-hold' } }, snapshot, { seed: 2, replications });
    const noRequests = forecastWait(line, allBusy(5), { seed: 2, replications });
    // After-hold requests delay nobody on hold: the wait is Gamma(6, 50 / 300 s) either way
    // (mean 36 s, sd 14.7 s); two means of 4,000 futures differ by under 4 x 14.7 x sqrt(2 / 4,000)
    // = 1.3 s. Ten requests dialed first (20 s each, then a call) would add well over 36 s.
    expect(Math.abs(afterHold.meanSeconds - noRequests.meanSeconds)).toBeLessThan(1.32);
    expect(keepPlace.meanSeconds).toBeGreaterThan(2 * afterHold.meanSeconds);
    expect(keepPlace.offerCallback).toBe(true);
  });

  it('is reproducible for the same seed', () => {
    expect(forecastWait(line, allBusy(8), { seed: 4 })).toEqual(forecastWait(line, allBusy(8), { seed: 4 }));
  });

  it('rejects a bad snapshot with every problem, and a bad scenario with its own error', () => {
    const bad = { agents: 0, busy: [{ elapsedSeconds: -3 }], hold: 'none', callbacks: [{ waitedSeconds: 5 }] };
    let error: unknown;
    try {
      forecastWait(line, bad as unknown as CenterSnapshot);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).problems.map((p) => p.path)).toEqual(['agents', 'busy[0].elapsedSeconds', 'hold', 'callbacks[0].attempts']);
    expect(() => forecastWait({ ...line, agents: -1 }, allBusy(1))).toThrow(ScenarioError);
  });
});

describe('predictors', () => {
  const context = { meanHandleSeconds };
  it('queue length: (entries ahead + 1) * mean handle / agents', () => {
    expect(predictors.queueLength(allBusy(9), context)).toBe(60);
  });
  it('head of line: the head caller\'s wait so far', () => {
    expect(predictors.headOfLine(allBusy(9), context)).toBe(90);
  });
  it('last to enter service: the last served caller\'s hold, NaN when unknown', () => {
    expect(predictors.lastToEnterService({ ...allBusy(2), lastServedWaitSeconds: 42 }, context)).toBe(42);
    expect(predictors.lastToEnterService(allBusy(2), context)).toBeNaN();
  });
  it('all say 0 when an agent is free', () => {
    const free: CenterSnapshot = { agents: 2, busy: [], hold: [], callbacks: [] };
    for (const predict of Object.values(predictors)) expect(predict(free, context)).toBe(0);
  });
});
