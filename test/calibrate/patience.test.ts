import { describe, expect, it } from 'vitest';
import { DurationTally, fitFamilies } from '../../src/calibrate';
import { choosePatience } from '../../src/calibrate/patience';
import { compileDistribution, RandomStreams } from '../../src/random';

// A patience no family has: 30% of callers hang up when an announcement plays, uniformly between
// 55 and 65 s, the others are exponential with mean 400 s. Censored by answered waits uniform
// on [0, 1200] s. Its survival is known exactly: S(t) = 0.3·S_announce(t) + 0.7·exp(−t/400).
const truth = (t: number) => 0.3 * Math.min(1, Math.max(0, (65 - t) / 10)) + 0.7 * Math.exp(-t / 400);

function bumpyTally(n: number): DurationTally {
  const streams = new RandomStreams(5);
  const u = streams.stream('patience');
  const tally = new DurationTally();
  for (let i = 0; i < n; i++) {
    const patience = u.next() < 0.3 ? 55 + 10 * u.next() : -400 * Math.log(1 - u.next());
    const answeredAfter = 1200 * u.next();
    if (patience <= answeredAfter) tally.addExact(patience);
    else tally.addCensored(answeredAfter);
  }
  return tally;
}

describe('patience when no family fits', () => {
  // 20,000 callers: Kaplan–Meier's standard error is under 0.006 at 1, 5 and 10 minutes, so 0.02
  // is over three of them; the best family (AIC) misses the curve by more than that.
  const tally = bumpyTally(20_000);
  const { chosen, candidates, checks } = choosePatience(tally, fitFamilies(tally));

  it('takes the Kaplan–Meier curve, as an empirical patience, when the best family misses it', () => {
    expect(chosen.family).toBe('kaplan-meier');
    expect(chosen.distribution.type).toBe('empirical');
    expect(candidates[0]!.largestGap).toBeGreaterThan(0.02);
  });

  it('draws patience within 0.02 of the true survival at 1, 5 and 10 minutes', () => {
    const sampler = compileDistribution(chosen.distribution);
    const u = new RandomStreams(9).stream('draws');
    const draws = Array.from({ length: 50_000 }, () => sampler.sample(u));
    for (const seconds of [60, 300, 600]) {
      const drawn = draws.filter((x) => x > seconds).length / draws.length;
      expect(Math.abs(drawn - truth(seconds)), `${seconds} s`).toBeLessThan(0.02);
    }
    checks.forEach((check) => expect(Math.abs(check.kaplanMeier - truth(check.seconds))).toBeLessThan(0.02));
  });

  it('states the median of each candidate; the curve\'s is the true median within 5%', () => {
    // The true median by bisection on the exact survival.
    let [lo, hi] = [0, 2000];
    while (hi - lo > 0.01) [lo, hi] = truth((lo + hi) / 2) > 0.5 ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
    expect(Math.abs(chosen.medianSeconds / lo - 1)).toBeLessThan(0.05);
    for (const c of candidates) expect(c.medianSeconds).toBeGreaterThan(0);
  });

  it('keeps a family that fits: lognormal data stay lognormal', () => {
    const lognormal = new DurationTally();
    const sampler = compileDistribution({ type: 'lognormal', meanSeconds: 300, cv: 1.2 });
    const u = new RandomStreams(3).stream('fit');
    for (let i = 0; i < 20_000; i++) {
      const x = sampler.sample(u);
      const c = 1200 * u.next();
      if (x <= c) lognormal.addExact(x);
      else lognormal.addCensored(c);
    }
    expect(choosePatience(lognormal, fitFamilies(lognormal)).chosen.family).toBe('lognormal');
  });
});
