import { describe, expect, it } from 'vitest';
import { runSync, type Scenario } from '../../src';

// The day factor: `arrivals.rateUncertainty.cv` multiplies the run's arrival rate by a factor
// G ~ Gamma(mean 1, cv), drawn once per run. Given G, the calls of a run are Poisson(m G), with
// m the schedule's expected calls, so over many runs the count N is negative binomial:
//   E[N] = m,   Var[N] = m + (cv m)^2.
// Its cumulants follow from those of m G (the j-th is m^j (j - 1)! cv^(2(j - 1))), which are
// N's factorial cumulants: κ2 = m + m²cv², κ4 = 6m⁴cv⁶ + 12m³cv⁴ + 7m²cv² + m.
//
// Tolerance: the sample variance s² of R independent runs has variance κ4 / R + 2 κ2² / (R - 1)
// (exactly, for any distribution), and with R = 4,000 it is close to normal; s² must lie within
// 4.5 of its standard errors of Var[N] (a false alarm below 1 in 100,000; the seeds are fixed,
// so the test is deterministic anyway), and the mean within 4.5 standard errors of m. Here that
// is about 11% of the variance, and the test checks that the band excludes the variances of the
// likely mistakes: no factor (m), a factor of variance cv instead of cv² (m + cv m²), or of
// variance 2cv², each far outside it.

const runs = 4000;
const m = 400;
const cv = 0.25;

function scenario(seed: number, rateUncertaintyCv: number | undefined): Scenario {
  return {
    seed,
    // m expected calls in two hours; agents enough that nobody waits (the count is all we need).
    arrivals: {
      intervalSeconds: 3600,
      perInterval: [150, 250],
      ...(rateUncertaintyCv === undefined ? {} : { rateUncertainty: { cv: rateUncertaintyCv } }),
    },
    agents: 40,
    handleTime: { type: 'fixed', seconds: 30 },
  };
}

/** Calls per run, and per interval, over `runs` seeds. */
function countsOver(rateUncertaintyCv: number | undefined, firstSeed: number): { total: number[]; first: number[]; second: number[] } {
  const total: number[] = [];
  const first: number[] = [];
  const second: number[] = [];
  for (let k = 0; k < runs; k++) {
    const report = runSync(scenario(firstSeed + k, rateUncertaintyCv));
    total.push(report.callers.offered);
    first.push(report.intervals[0]!.arrivals);
    second.push(report.intervals[1]!.arrivals);
  }
  return { total, first, second };
}

function sampleMoments(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/** Var[N] and the standard error of a sample variance over `runs` runs, for a Gamma-mixed Poisson. */
function negativeBinomial(mean: number, factorCv: number) {
  const c2 = factorCv ** 2;
  const k2 = mean + mean ** 2 * c2;
  const k4 = 6 * mean ** 4 * c2 ** 3 + 12 * mean ** 3 * c2 ** 2 + 7 * mean ** 2 * c2 + mean;
  return { variance: k2, varianceStandardError: Math.sqrt(k4 / runs + (2 * k2 ** 2) / (runs - 1)), meanStandardError: Math.sqrt(k2 / runs) };
}

describe('the day factor (arrivals.rateUncertainty)', () => {
  it('gives a negative binomial count of calls per run: mean m, variance m + (cv m)^2', () => {
    const expected = negativeBinomial(m, cv);
    const counts = countsOver(cv, 1);
    const { mean, variance } = sampleMoments(counts.total);
    const varianceTolerance = 4.5 * expected.varianceStandardError;
    const meanTolerance = 4.5 * expected.meanStandardError;
    expect(Math.abs(mean - m), `mean ${mean} ± ${meanTolerance}, expected ${m}`).toBeLessThanOrEqual(meanTolerance);
    expect(Math.abs(variance - expected.variance), `variance ${variance} ± ${varianceTolerance}, expected ${expected.variance}`).toBeLessThanOrEqual(
      varianceTolerance,
    );
    // Sharp: the band is about 11% of the variance, and the variance of each likely mistake is
    // more than twice the band away (so it could not pass by luck either).
    expect(varianceTolerance / expected.variance).toBeLessThan(0.12);
    for (const [mistake, wrongVariance] of [
      ['no factor', m],
      ['variance cv instead of cv²', m + cv * m ** 2],
      ['variance 2cv²', m + 2 * (cv * m) ** 2],
    ] as const) {
      expect(Math.abs(wrongVariance - expected.variance), mistake).toBeGreaterThan(2 * varianceTolerance);
    }

    // One factor for the whole run, not one per interval: the two hours' counts covary by
    // cv² m1 m2 (0 with a factor of their own each). The sample covariance's standard error is
    // estimated from the runs themselves (the plug-in sqrt(var((x - x̄)(y - ȳ)) / R)).
    const firstMean = counts.first.reduce((a, b) => a + b, 0) / runs;
    const secondMean = counts.second.reduce((a, b) => a + b, 0) / runs;
    const products = counts.first.map((x, k) => (x - firstMean) * (counts.second[k]! - secondMean));
    const { mean: covariance, variance: productVariance } = sampleMoments(products);
    const covarianceTolerance = 4.5 * Math.sqrt(productVariance / runs);
    const expectedCovariance = cv ** 2 * 150 * 250;
    expect(Math.abs(covariance - expectedCovariance), `covariance ${covariance} ± ${covarianceTolerance}, expected ${expectedCovariance}`).toBeLessThanOrEqual(
      covarianceTolerance,
    );
    expect(covarianceTolerance).toBeLessThan(expectedCovariance / 2);
  });

  it('without it, the count is Poisson: variance m; with cv 0 too', () => {
    // The same statistics on the plain process, so the test above is not passing by a
    // property of the arrival process alone.
    for (const [label, rateUncertaintyCv, firstSeed] of [
      ['absent', undefined, 100_001],
      ['cv 0', 0, 200_001],
    ] as const) {
      const expected = negativeBinomial(m, 0);
      const { mean, variance } = sampleMoments(countsOver(rateUncertaintyCv, firstSeed).total);
      expect(Math.abs(mean - m), `${label}: mean ${mean}`).toBeLessThanOrEqual(4.5 * expected.meanStandardError);
      expect(Math.abs(variance - m), `${label}: variance ${variance}`).toBeLessThanOrEqual(4.5 * expected.varianceStandardError);
    }
  });
});
