import { lastValueFrom, take, tap, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { intervals, run, runSync, simulate, simulateBatches, summarize, ScenarioError, type Scenario, type SimEvent } from '../../src';
import { referenceScenario } from '../support/scenarios';

const day: Scenario = {
  seed: 42,
  warmupSeconds: 1800,
  arrivals: { intervalSeconds: 1800, perInterval: [150, 280, 320, 300, 260, 200] },
  agents: { intervalSeconds: 3600, perInterval: [40, 52, 45] },
  handleTime: { type: 'gamma', meanSeconds: 320, cv: 0.7 },
  patience: { type: 'lognormal', meanSeconds: 500, cv: 1.1 },
  callback: { offer: { whenEstimatedWaitAtLeastSeconds: 120 }, optIn: { probability: 0.4 }, dialSeconds: 20, answerProbability: 0.8, maxAttempts: 3, retryDelaySeconds: 300 },
};

describe('reproducibility', () => {
  it('the same scenario and seed give deep-equal reports; another seed another report', async () => {
    const first = await run(day);
    expect(await run(day)).toEqual(first);
    expect(runSync(day)).toEqual(first);
    const other = await run({ ...day, seed: 43 });
    expect(other).not.toEqual(first);
    expect(other.callers.offered).not.toBe(first.callers.offered);
  });
});

describe('simulate()', () => {
  it('summarize() over the events gives exactly the report of run()', async () => {
    const fromEvents = await lastValueFrom(simulate(day).pipe(summarize()));
    expect(fromEvents).toEqual(await run(day));
  });

  it('intervals(seconds) gives tidy rows of that length that add up to the totals', async () => {
    const rows = await lastValueFrom(simulate(day).pipe(intervals(900), toArray()));
    expect(rows).toHaveLength(12);
    expect(rows[1]).toMatchObject({ intervalStart: 900, intervalEnd: 1800, warmup: true });
    const report = await run(day);
    const counted = rows.filter((row) => !row.warmup);
    expect(counted.reduce((sum, row) => sum + row.arrivals, 0)).toBe(report.callers.offered);
    expect(counted.reduce((sum, row) => sum + row.abandoned, 0)).toBe(report.callers.abandoned);
    expect(counted.reduce((sum, row) => sum + row.callbacksAccepted, 0)).toBe(report.callback.accepted);
  });

  it('is cold: each subscription runs its own simulation, from run-started to run-ended', async () => {
    const stream = simulate(referenceScenario({ durationSeconds: 1800 }));
    const [a, b] = await Promise.all([lastValueFrom(stream.pipe(toArray())), lastValueFrom(stream.pipe(toArray()))]);
    expect(a).toEqual(b);
    expect(a[0]!.type).toBe('run-started');
    expect(a.at(-1)!.type).toBe('run-ended');
  });

  it('simulateBatches() delivers the same events in order, in arrays of at most batchSize', async () => {
    const events = await lastValueFrom(simulate(day).pipe(toArray()));
    const batches = await lastValueFrom(simulateBatches(day, { batchSize: 100 }).pipe(toArray()));
    expect(batches.flat()).toEqual(events);
    expect(Math.max(...batches.map((b) => b.length))).toBe(100);
    expect(batches.length).toBeLessThan(events.length / 50);
    expect(() => simulateBatches(day, { batchSize: 0 })).toThrow('simulateBatches: batchSize must be an integer >= 1, got 0');
  });

  it('delivers nothing after unsubscribing', async () => {
    const long = referenceScenario({ durationSeconds: 1_000 * 3600 }); // about 570,000 callers
    let seen = 0;
    const first = await lastValueFrom(simulate(long).pipe(tap(() => seen++), take(10), toArray()));
    expect(first).toHaveLength(10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toBe(10);
  });

  it('errors with the validation problems of an invalid scenario, simulating nothing', async () => {
    const events: SimEvent[] = [];
    const error = await lastValueFrom(simulate({ ...day, agents: 0 }).pipe(tap((e) => events.push(e)), toArray())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    // Not even run-started: the scenario is rejected before anything is emitted.
    expect(events).toEqual([]);
  });
});
