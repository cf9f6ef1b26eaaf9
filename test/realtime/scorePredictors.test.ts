import { describe, expect, it } from 'vitest';
import { scorePredictors, type Scenario } from '../../src';

// Long, very variable calls (lognormal, cv 1.5) and impatient callers: the queue-length
// predictor ignores both who will hang up ahead and how long calls in progress have already
// lasted; the simulation forecast conditions on both.
const busyLine: Scenario = {
  seed: 5,
  arrivals: { perHour: 700 },
  agents: 50,
  durationSeconds: 4 * 3600,
  warmupSeconds: 1800,
  handleTime: { type: 'lognormal', meanSeconds: 300, cv: 1.5 },
  patience: { type: 'exponential', meanSeconds: 180 },
};

describe('scorePredictors', () => {
  it('scores every predictor on the same callers, and the simulation forecast beats queue length here', () => {
    const scores = scorePredictors(busyLine, { forecastReplications: 150 });
    const byName = Object.fromEntries(scores.map((s) => [s.name, s]));
    expect(Object.keys(byName)).toEqual(['queueLength', 'lastToEnterService', 'headOfLine', 'simulation forecast']);
    const callers = byName.queueLength!.callers;
    expect(callers).toBeGreaterThan(500);
    for (const score of scores) expect(score.callers).toBe(callers);
    const simulation = byName['simulation forecast']!;
    expect(simulation.rmseSeconds).toBeLessThan(byName.queueLength!.rmseSeconds);
    // Nearly unbiased: within a tenth of its own RMSE; queue length over-announces here.
    expect(Math.abs(simulation.meanErrorSeconds)).toBeLessThan(0.1 * simulation.rmseSeconds);
    expect(byName.queueLength!.meanErrorSeconds).toBeGreaterThan(0);
  });

  it('scores a predictor of one\'s own, and can skip the simulation', () => {
    const scores = scorePredictors(busyLine, { predictors: { silence: () => 0 }, forecastReplications: 0, every: 3 });
    expect(scores).toHaveLength(1);
    // Announcing 0 under-announces by exactly the mean hold of the callers scored.
    expect(scores[0]!.meanErrorSeconds).toBeLessThan(0);
    expect(scores[0]!.meanAbsoluteErrorSeconds).toBeCloseTo(-scores[0]!.meanErrorSeconds, 9);
  });
});

describe('scorePredictors on a multi-line center', () => {
  // Two lines over a shared group, A with priority: the queue-length predictor of B counts
  // only B's queue and ignores that A's callers, ahead and still to come, go first; the
  // simulation forecast sees the whole center. Two busy hours.
  const center: Scenario = {
    seed: 3,
    durationSeconds: 2 * 3600,
    warmupSeconds: 1200,
    lines: [
      { name: 'A', priority: 1, arrivals: { perHour: 150 }, handleTime: { type: 'exponential', meanSeconds: 300 }, routing: [{ group: 'shared' }] },
      { name: 'B', arrivals: { perHour: 110 }, handleTime: { type: 'exponential', meanSeconds: 300 },
        patience: { type: 'exponential', meanSeconds: 900 }, routing: [{ group: 'shared' }] },
    ],
    groups: [{ name: 'shared', agents: 22 }],
  };

  it('scores each line apart, and on the low-priority line the simulation forecast beats queue length', () => {
    const scores = scorePredictors(center, { forecastReplications: 60, every: 2 });
    expect(scores.map((s) => `${s.line}:${s.name}`)).toEqual(
      ['A', 'B'].flatMap((line) => ['queueLength', 'lastToEnterService', 'headOfLine', 'simulation forecast'].map((name) => `${line}:${name}`)),
    );
    const score = (line: string, name: string) => scores.find((s) => s.line === line && s.name === name)!;
    for (const line of ['A', 'B']) expect(score(line, 'queueLength').callers).toBeGreaterThan(40);
    // B's queue length announces (B ahead + 1) x 300 s / 22 agents, as if A did not exist:
    // it under-announces on average, and the forecast, which simulates A, is nearer.
    expect(score('B', 'queueLength').meanErrorSeconds).toBeLessThan(0);
    expect(score('B', 'simulation forecast').rmseSeconds).toBeLessThan(score('B', 'queueLength').rmseSeconds);
  });
});
