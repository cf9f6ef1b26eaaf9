import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { RandomStreams, compileDistribution, type Distribution } from '../../src/random';

// Each family's mean and coefficient of variation from 200,000 draws. The sample mean's
// standard error is cv * mean / sqrt(n), about 0.22% of the mean at cv = 1; we allow 5 standard
// errors, so a wrong parameterisation (a scale off by a few percent, cv mixed up with
// variance) fails while sampling noise never does at these fixed seeds.
const draws = 200_000;

const cases: Array<{ spec: Distribution; mean: number; cv: number }> = [
  { spec: { type: 'exponential', meanSeconds: 300 }, mean: 300, cv: 1 },
  { spec: { type: 'lognormal', meanSeconds: 240, cv: 0.8 }, mean: 240, cv: 0.8 },
  { spec: { type: 'lognormal', meanSeconds: 60, cv: 0.3 }, mean: 60, cv: 0.3 },
  { spec: { type: 'gamma', meanSeconds: 180, cv: 0.5 }, mean: 180, cv: 0.5 },
  { spec: { type: 'gamma', meanSeconds: 180, cv: 2 }, mean: 180, cv: 2 },
  { spec: { type: 'fixed', seconds: 42 }, mean: 42, cv: 0 },
  { spec: { type: 'uniform', minSeconds: 60, maxSeconds: 180 }, mean: 120, cv: 60 / Math.sqrt(3) / 120 },
  { spec: { type: 'empirical', seconds: [30, 60, 60, 240] }, mean: 97.5, cv: Math.sqrt((67.5 ** 2 + 37.5 ** 2 * 2 + 142.5 ** 2) / 4) / 97.5 },
];

describe('distributions', () => {
  for (const { spec, mean, cv } of cases) {
    it(`${JSON.stringify(spec)} has mean ${mean} s and cv ${cv.toFixed(3)}`, () => {
      const sampler = compileDistribution(spec);
      expect(sampler.meanSeconds).toBeCloseTo(mean, 9);
      const uniform = new RandomStreams(11).stream('test');
      let sum = 0;
      let sumSquares = 0;
      let min = Infinity;
      for (let i = 0; i < draws; i++) {
        const x = sampler.sample(uniform);
        sum += x;
        sumSquares += x * x;
        if (x < min) min = x;
      }
      const sampleMean = sum / draws;
      const sampleSd = Math.sqrt(Math.max(0, sumSquares / draws - sampleMean ** 2));
      const standardError = (cv * mean) / Math.sqrt(draws);
      expect(min).toBeGreaterThanOrEqual(0);
      expect(Math.abs(sampleMean - mean)).toBeLessThanOrEqual(5 * standardError + 1e-9 * mean);
      // The sd's relative standard error is about sqrt((kurtosis - 1) / 4n): under 1% here but
      // for the heavy-tailed gamma(cv 2) and lognormal, hence 4% (2% for the light tails).
      const heavy = (spec.type === 'gamma' || spec.type === 'lognormal') && cv >= 0.8;
      expect(Math.abs(sampleSd - cv * mean)).toBeLessThanOrEqual((heavy ? 0.04 : 0.02) * cv * mean + 1e-9 * mean);
    });
  }

  it('uniform draws fall inside their bounds', () => {
    const sampler = compileDistribution({ type: 'uniform', minSeconds: 5, maxSeconds: 9 });
    const uniform = new RandomStreams(2).stream('u');
    for (let i = 0; i < 10_000; i++) {
      const x = sampler.sample(uniform);
      expect(x).toBeGreaterThanOrEqual(5);
      expect(x).toBeLessThan(9);
    }
  });
});

describe('random streams', () => {
  it('give the same numbers for the same seed and name, and other numbers otherwise', () => {
    const take = (seed: number, name: string) => {
      const stream = new RandomStreams(seed).stream(name);
      return Array.from({ length: 5 }, () => stream.next());
    };
    expect(take(3, 'handle')).toEqual(take(3, 'handle'));
    expect(take(3, 'handle')).not.toEqual(take(4, 'handle'));
    expect(take(3, 'handle')).not.toEqual(take(3, 'patience'));
  });

  it("are seedrandom's Alea, draw for draw", () => {
    // The class steps Alea itself (seedrandom seeds it): any slip in the step shows at once.
    for (const name of ['arrivals', 'handle', 'patience']) {
      const stream = new RandomStreams(11).stream(name);
      const reference = alea(`queuecast:11:${name}`);
      const draws = (next: () => number) => Array.from({ length: 10_000 }, next);
      expect(draws(() => stream.next())).toEqual(draws(reference));
    }
  });

  it('named streams are uncorrelated', () => {
    const streams = new RandomStreams(5);
    const a = streams.stream('arrivals');
    const b = streams.stream('handle');
    const n = 100_000;
    let sab = 0;
    for (let i = 0; i < n; i++) sab += (a.next() - 0.5) * (b.next() - 0.5);
    // Correlation's standard error is 1/sqrt(n) = 0.0032; 4 standard errors.
    expect(Math.abs((sab / n) * 12)).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('draws conditioned on what has elapsed', () => {
  // E[X | X > e] from 100,000 conditional draws against the same mean from plain draws kept
  // when above e (rejection, slow but obviously right): 5 standard errors apart at most.
  const conditional: Array<{ spec: Distribution; elapsed: number }> = [
    { spec: { type: 'exponential', meanSeconds: 300 }, elapsed: 600 },
    { spec: { type: 'lognormal', meanSeconds: 300, cv: 1.2 }, elapsed: 400 },
    { spec: { type: 'gamma', meanSeconds: 300, cv: 0.6 }, elapsed: 350 },
    { spec: { type: 'uniform', minSeconds: 100, maxSeconds: 500 }, elapsed: 300 },
    { spec: { type: 'empirical', seconds: [60, 120, 240, 480, 960] }, elapsed: 200 },
  ];
  for (const { spec, elapsed } of conditional) {
    it(`${spec.type} above ${elapsed} s`, () => {
      const sampler = compileDistribution(spec);
      const u = new RandomStreams(3).stream('conditional');
      const n = 100_000;
      const direct: number[] = [];
      while (direct.length < n) {
        const x = sampler.sample(u);
        if (x > elapsed) direct.push(x);
      }
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const x = sampler.sampleAbove(u, elapsed);
        expect(x).toBeGreaterThanOrEqual(elapsed);
        sum += x;
      }
      const mean = direct.reduce((a, b) => a + b) / n;
      const sd = Math.sqrt(direct.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
      expect(Math.abs(sum / n - mean)).toBeLessThanOrEqual(5 * sd * Math.sqrt(2 / n) + 1e-9);
    });
  }

  it('a fixed duration already past ends now', () => {
    const sampler = compileDistribution({ type: 'fixed', seconds: 100 });
    expect(sampler.sampleAbove({ next: () => 0.5 }, 40)).toBe(100);
    expect(sampler.sampleAbove({ next: () => 0.5 }, 140)).toBe(140);
  });
});

describe('quantiles', () => {
  // Quantiles in closed form (and the empirical one by rank), to 1e-9 relative: a formula with
  // a wrong parameter or a sample read unsorted is off by far more.
  const known: Array<{ spec: Distribution; p: number; seconds: number }> = [
    { spec: { type: 'exponential', meanSeconds: 300 }, p: 0.5, seconds: 300 * Math.LN2 },
    { spec: { type: 'lognormal', meanSeconds: 240, cv: 0.8 }, p: 0.5, seconds: 240 / Math.sqrt(1 + 0.8 ** 2) },
    { spec: { type: 'gamma', meanSeconds: 180, cv: 1 }, p: 0.9, seconds: 180 * Math.log(10) },
    { spec: { type: 'fixed', seconds: 42 }, p: 0.3, seconds: 42 },
    { spec: { type: 'uniform', minSeconds: 60, maxSeconds: 180 }, p: 0.25, seconds: 90 },
    { spec: { type: 'empirical', seconds: [240, 30, 60, 60] }, p: 0.74, seconds: 60 },
    { spec: { type: 'empirical', seconds: [240, 30, 60, 60] }, p: 0.75, seconds: 240 },
  ];
  for (const { spec, p, seconds } of known) {
    it(`${spec.type}: the ${p}-quantile is ${seconds.toFixed(3)} s`, () => {
      expect(compileDistribution(spec).quantile(p)).toBeCloseTo(seconds, 9 - Math.ceil(Math.log10(seconds)));
    });
  }

  // A caller keeps one uniform across groups: the quantile must not decrease in p, and a
  // family drawn by inversion must draw exactly its quantile of the uniform it consumed.
  it('rise with p, and are the draw of the families drawn by inversion', () => {
    for (const { spec } of cases) {
      const sampler = compileDistribution(spec);
      let previous = -Infinity;
      for (let i = 0; i < 1000; i++) {
        const value = sampler.quantile(i / 1000);
        expect(value).toBeGreaterThanOrEqual(previous);
        previous = value;
      }
      if (spec.type === 'exponential' || spec.type === 'lognormal' || spec.type === 'uniform') {
        const stream = new RandomStreams(3).stream('handle');
        const again = new RandomStreams(3).stream('handle');
        for (let i = 0; i < 100; i++) expect(sampler.sample(stream)).toBe(sampler.quantile(again.next()));
      }
    }
  });
});
