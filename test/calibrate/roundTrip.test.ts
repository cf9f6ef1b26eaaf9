import { beforeAll, describe, expect, it } from 'vitest';
import { backtest, cdfOf, fitScenario, type CallRecord, type FittedScenario } from '../../src/calibrate';
import type { Distribution, SingleLineScenario } from '../../src';
import { knownCenter, recordsOf } from '../support/calibration';

// 20 simulated days of the known center (about 107,000 calls), fitted once for every test here.
let records: CallRecord[];
let fitted: FittedScenario;
let scenario: SingleLineScenario;

beforeAll(async () => {
  records = await recordsOf(knownCenter, 20);
  fitted = fitScenario(records);
  scenario = fitted.scenario as SingleLineScenario;
});

const relative = (fitted: number, truth: number) => Math.abs(fitted / truth - 1);

describe('fitScenario recovers a known center from 20 days of its records', () => {
  it('has about 10% abandonment, as the acceptance asks', () => {
    const abandoned = records.filter((r) => r.outcome === 'abandoned').length;
    expect(abandoned / records.length).toBeGreaterThan(0.07);
    expect(abandoned / records.length).toBeLessThan(0.13);
  });

  it('fits a single-line scenario with lognormal handle time within 3% of the mean and 10% of the cv', () => {
    // ~100,000 handle times: the mean's standard error is 0.3%, the cv's about 1%, so 3% and 10%
    // would catch a biased estimator (a handle time off by a few seconds per call), not noise.
    expect(scenario.handleTime).toMatchObject({ type: 'lognormal' });
    const handle = scenario.handleTime as { meanSeconds: number; cv: number };
    expect(relative(handle.meanSeconds, 300)).toBeLessThan(0.03);
    expect(relative(handle.cv, 0.9)).toBeLessThan(0.1);
    expect(fitted.diagnostics.lines.main!.handleTime!.chosen).toBe('lognormal');
  });

  it('recovers the patience CDF at 1, 2, 5 and 10 minutes within 0.03 from censored waits', () => {
    const truth = cdfOf(knownCenter.patience);
    const fit = cdfOf(scenario.patience as Distribution);
    for (const minutes of [1, 2, 5, 10]) expect(Math.abs(fit(minutes * 60) - truth(minutes * 60)), `${minutes} min`).toBeLessThan(0.03);
    // The Kaplan–Meier curve agrees where it has data (the first minutes): same tolerance.
    const km = fitted.diagnostics.lines.main!.patience!.kaplanMeier;
    const survivalAt = (seconds: number) => km.filter((s) => s.seconds <= seconds).at(-1)!.survival;
    for (const minutes of [1, 2]) expect(Math.abs(1 - survivalAt(minutes * 60) - truth(minutes * 60))).toBeLessThan(0.03);
  });

  it('shows the naive estimate (mean wait of those who hung up) off by more than 30%', () => {
    // The naive estimate and the censored one from the same data: only the censored one is near the truth.
    const abandonedWaits = records.filter((r) => r.outcome === 'abandoned').map((r) => r.endedAt! - r.arrivedAt);
    const naive = abandonedWaits.reduce((s, x) => s + x, 0) / abandonedWaits.length;
    expect(relative(naive, knownCenter.patience.meanSeconds)).toBeGreaterThan(0.3);
    expect(fitted.diagnostics.lines.main!.patience!.naiveMeanSeconds).toBeCloseTo(naive, 0);
    expect(fitted.diagnostics.lines.main!.patience!.censoredShare).toBeGreaterThan(0.5);
  });

  it('recovers the expected calls per interval within 5% and the day factor cv within 0.04', () => {
    // Per interval, the mean of 20 days has sd ≈ √(λ/20 + 0.08²λ²/20): 2–3% of λ here, so 5% is
    // about two standard errors (fixed seed); a rate off by an interval's shift would fail it.
    const arrivals = scenario.arrivals as { intervalSeconds: number; perInterval: readonly number[]; rateUncertainty?: { cv: number } };
    expect(arrivals.intervalSeconds).toBe(1800);
    expect(arrivals.perInterval).toHaveLength(16);
    arrivals.perInterval.forEach((calls, k) => expect(relative(calls, knownCenter.arrivals.perInterval[k]!), `interval ${k}`).toBeLessThan(0.05));
    // The cv from 20 days has a standard error of about 0.015.
    expect(Math.abs(arrivals.rateUncertainty!.cv - 0.08)).toBeLessThan(0.04);
    expect(fitted.diagnostics.openAtSeconds).toBe(8 * 3600);
  });

  it('recovers the roster within 10% per interval from the agents seen working', () => {
    const agents = scenario.agents as { perInterval: readonly number[] };
    agents.perInterval.forEach((n, k) => expect(relative(n, knownCenter.agents.perInterval[k]!), `interval ${k}`).toBeLessThan(0.1));
  });

  it('never writes NaN, and says how much data each estimate rests on', () => {
    expect(JSON.stringify(fitted.scenario)).not.toMatch(/NaN|null/);
    const line = fitted.diagnostics.lines.main!;
    expect(line.handleTime!.sampleSize).toBe(records.filter((r) => r.outcome === 'answered').length);
    expect(line.patience!.sampleSize).toBe(records.filter((r) => r.outcome === 'abandoned').length);
    for (const candidate of [...line.handleTime!.candidates, ...line.patience!.candidates]) {
      expect(Number.isFinite(candidate.logLikelihood)).toBe(true);
      expect(candidate.distance).toBeGreaterThanOrEqual(0);
    }
    // The lognormal truth fits best, and closely (KS distance against ~100,000 calls).
    expect(line.handleTime!.candidates[0]!.distance).toBeLessThan(0.01);
    expect(fitted.diagnostics.warnings).toEqual([]);
  });
});

describe('backtest', () => {
  it('scores the fitted scenario at least 0.85 on mean wait and abandonment, and a roster 15% short below 0.5', async () => {
    const own = await backtest(scenario, records, { replications: 30, seed: 11 });
    expect(own.days).toBe(20);
    expect(own.openAtSeconds).toBe(8 * 3600);
    expect(own.rows.filter((r) => r.measure === 'meanWaitSeconds')).toHaveLength(16);
    expect(own.score.meanWaitSeconds).toBeGreaterThanOrEqual(0.85);
    expect(own.score.abandonment).toBeGreaterThanOrEqual(0.85);

    const roster = (scenario.agents as { intervalSeconds: number; perInterval: readonly number[] });
    const short = { ...scenario, agents: { ...roster, perInterval: roster.perInterval.map((n) => Math.round(n * 0.85)) } };
    const wrong = await backtest(short, records, { replications: 30, seed: 11 });
    expect(wrong.score.meanWaitSeconds).toBeLessThan(0.5);
    expect(wrong.score.abandonment).toBeLessThan(0.5);
  });
});
