import { describe, expect, it } from 'vitest';
import { cdfOf, DurationTally, fitFamilies } from '../../src/calibrate';
import { compileDistribution, RandomStreams, type Distribution } from '../../src/random';

function tallyOf(truth: Distribution, n: number, censorAt?: (i: number) => number): DurationTally {
  const sampler = compileDistribution(truth);
  const uniform = new RandomStreams(3).stream('fit');
  const tally = new DurationTally();
  for (let i = 0; i < n; i++) {
    const x = sampler.sample(uniform);
    const c = censorAt?.(i) ?? Infinity;
    if (x <= c) tally.addExact(x);
    else tally.addCensored(c);
  }
  return tally;
}

describe('maximum likelihood over the families', () => {
  // 20,000 draws: each family's mean has a standard error under 1% and its cv about 1%, so 3%
  // and 5% catch a wrong estimator; the other families' log-likelihoods are hundreds of units
  // lower, so the choice is not a coin toss.
  const cases: Array<[Distribution, string]> = [
    [{ type: 'gamma', meanSeconds: 300, cv: 0.6 }, 'gamma'],
    [{ type: 'lognormal', meanSeconds: 300, cv: 1.2 }, 'lognormal'],
    [{ type: 'exponential', meanSeconds: 300 }, 'exponential'],
  ];
  for (const [truth, family] of cases) {
    it(`chooses ${family} for ${family} data and recovers its mean and cv`, () => {
      const [best] = fitFamilies(tallyOf(truth, 20_000));
      expect(best!.family).toBe(family);
      const fitted = best!.distribution as { meanSeconds: number; cv?: number };
      expect(Math.abs(fitted.meanSeconds / 300 - 1)).toBeLessThan(0.03);
      if ('cv' in truth) expect(Math.abs(fitted.cv! / truth.cv - 1)).toBeLessThan(0.05);
      expect(best!.distance).toBeLessThan(0.02);
    });
  }

  it('censored exponential: total exposure over the events (the textbook estimator)', () => {
    const tally = new DurationTally();
    tally.addExact(100);
    tally.addExact(50);
    tally.addCensored(250);
    const exponential = fitFamilies(tally).find((f) => f.family === 'exponential')!;
    expect(exponential.distribution).toEqual({ type: 'exponential', meanSeconds: 200 });
  });

  it('censored gamma recovers the truth where most observations are censored', () => {
    // Censored at a uniform 0–200 s: about three quarters censored, as answered callers' waits are.
    const truth: Distribution = { type: 'gamma', meanSeconds: 400, cv: 0.8 };
    const tally = tallyOf(truth, 40_000, (i) => (i % 200) + 0.5);
    expect(tally.censoredCount / tally.count).toBeGreaterThan(0.6);
    const gamma = fitFamilies(tally).find((f) => f.family === 'gamma')!;
    for (const t of [60, 120, 300, 600]) expect(Math.abs(cdfOf(gamma.distribution)(t) - cdfOf(truth)(t)), `${t} s`).toBeLessThan(0.03);
  });
});
