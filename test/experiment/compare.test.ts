import { describe, expect, it } from 'vitest';
import { compare, replicate, runSync, unpairedDifference, type Estimate, type SingleLineScenario as Scenario } from '../../src';
import { replicationSeed } from '../../src/random';
import { irsBaseline, irsRoster, irsWithCallback } from '../../examples/scenarios/irs';
import { referenceScenario } from '../support/scenarios';

const small: Scenario = referenceScenario({
  durationSeconds: 4 * 3600,
  callback: { offer: { whenQueueAtLeast: 5 }, optIn: { probability: 0.4 }, dialSeconds: 20, answerProbability: 0.8, maxAttempts: 2, retryDelaySeconds: 300 },
});

// Every Estimate in a summary, with its path.
function estimates(node: unknown, path = ''): Array<[string, Estimate]> {
  if (typeof node !== 'object' || node === null) return [];
  if ('halfWidth' in node) return [[path, node as Estimate]];
  return Object.entries(node).flatMap(([key, value]) => estimates(value, `${path}.${key}`));
}

describe('replicate()', () => {
  it('runs each replication on its own derived seed and summarizes every figure', async () => {
    const { reports, summary, replications } = await replicate(small, { replications: 5, seed: 9 });
    expect(replications).toBe(5);
    expect(reports[2]).toEqual(runSync({ ...small, seed: replicationSeed(9, 2) }));
    // The estimate computed here from the five reports: sample mean, sd with n - 1, and the 95%
    // Student t half-width with 4 degrees of freedom (t = 2.776445, from tables).
    const waits = reports.map((r) => r.hold.meanSeconds);
    const mean = waits.reduce((a, b) => a + b) / 5;
    const sd = Math.sqrt(waits.reduce((s, w) => s + (w - mean) ** 2, 0) / 4);
    const halfWidth = (2.776445 * sd) / Math.sqrt(5);
    expect(sd).toBeGreaterThan(0);
    const estimate = summary.hold.meanSeconds;
    expect(estimate.mean).toBeCloseTo(mean, 10);
    expect(estimate.sd).toBeCloseTo(sd, 10);
    expect(estimate.halfWidth).toBeCloseTo(halfWidth, 5);
    expect(estimate.low).toBeCloseTo(mean - halfWidth, 5);
    expect(estimate.high).toBeCloseTo(mean + halfWidth, 5);
    expect(summary.serviceLevel.seconds).toBe(20);
    expect(summary.intervals[0]!.intervalStart).toBe(0);
    expect(summary.intervals[0]!.arrivals.mean).toBeGreaterThan(0);
  });

  it('names each bad option', async () => {
    await expect(replicate(small, { replications: 1 })).rejects.toThrow('replicate: replications must be an integer >= 2, got 1');
    await expect(replicate(small, { replications: 4, confidence: 1.2, seed: 0.5 })).rejects.toThrow(
      'replicate: seed must be an integer, got 0.5; confidence must be a number in (0, 1), got 1.2',
    );
  });
});

describe('compare()', () => {
  it('compare(s, s) gives a difference of exactly 0 in every figure', async () => {
    const { difference, savings } = await compare(small, small, { replications: 4 });
    const all = estimates(difference);
    expect(all.length).toBeGreaterThan(30);
    for (const [path, e] of all) expect(e, path).toEqual({ mean: 0, sd: 0, halfWidth: 0, low: 0, high: 0 });
    for (const e of Object.values(savings)) expect(e.mean).toBe(0);
  });

  it('splits the hold saved into direct and indirect parts that add up to the net', async () => {
    const { callback: _feature, ...baseline } = small;
    const { pairs, savings } = await compare(baseline, small, { replications: 4 });
    for (const { baseline: b, variant: v, savings: s } of pairs) {
      expect(s.netHoldHours).toBeCloseTo(b.hold.totalHoldHours - v.hold.totalHoldHours, 9);
      expect(s.directHoldHours + s.indirectHoldHours).toBeCloseTo(s.netHoldHours, 9);
      // The same callers arrive in both arms (common random numbers).
      expect(v.callers.offered).toBe(b.callers.offered);
      expect(s.directHoldHours).toBeGreaterThan(0);
    }
    expect(savings.netHoldHours.mean).toBeGreaterThan(0);
  });

  it('for the headline example, the paired interval of the hold-hours change is at least 3 times narrower than the unpaired one', async () => {
    const replications = 12;
    const { baseline, variant, difference } = await compare(irsBaseline, irsWithCallback, { replications });
    const paired = difference.hold.totalHoldHours.halfWidth;
    const unpaired = unpairedDifference(baseline.hold.totalHoldHours, variant.hold.totalHoldHours, replications).halfWidth;
    expect(paired).toBeGreaterThan(0);
    expect(unpaired / paired).toBeGreaterThanOrEqual(3);
    // The calibration the example states: a baseline mean hold of about 22 minutes.
    expect(baseline.hold.meanSeconds.mean / 60).toBeGreaterThan(21);
    expect(baseline.hold.meanSeconds.mean / 60).toBeLessThan(23);
  });
});

describe('the IRS-like scenario files', () => {
  it('differ only by the callback (and the name), and the roster is 85% of the offered load', () => {
    const { callback, name, ...variantRest } = irsWithCallback;
    const { name: _name, ...baselineRest } = irsBaseline;
    expect(variantRest).toEqual(baselineRest);
    expect(callback).toBeDefined();
    expect(name).not.toBe(irsBaseline.name);
    expect((irsBaseline.agents as { perInterval: readonly number[] }).perInterval).toEqual(irsRoster(0.85));
  });
});
