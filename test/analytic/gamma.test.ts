import { describe, expect, test } from 'vitest';
import { logGammaPlusOne, logIncompleteGamma, logPoissonTerm, logScaledLower, scaledLowerSeries } from '../../src/analytic/gamma';
import { logNormalUpper, normalHazard } from '../../src/analytic/normal';
import { expectRelative } from './relative';

// The numerical core of Erlang A, checked against values computed with mpmath at 50 digits.
// Logarithms are compared in absolute terms: an absolute error ε in ln v is a relative error ε
// in v, and 1e-13 leaves room for rounding in exponents of size 1e6 while catching any wrong
// term (those move the value by far more).

describe('log gamma', () => {
  test.each([
    [0.5, -0.12078223763524522],
    [14.5, 26.536914491115614],
    [100, 363.73937555556349],
    [1e6, 12815518.38465817],
  ])('ln Γ(%f + 1)', (b, expected) => {
    // absolute near 0, relative where the value itself is large
    expect(Math.abs(logGammaPlusOne(b) - expected)).toBeLessThan(1e-14 * Math.max(1, Math.abs(expected)));
  });
});

describe('incomplete gamma in log space', () => {
  test.each([
    // b, z, ln(z^b e^-z / Γ(b+1)), ln P(b, z), ln Q(b, z), ln S(b, z)
    [1e6, 1e6 + 1000, -8.3263608119869763, -0.17275373112418319, -1.8410218990178857, 8.1536070808627931],
    [1e6, 1e6 - 3000, -12.335714194241956, -6.616501467306787, -0.001339000228132566, 5.7192127269351694],
    [2.5, 7, -3.336198229708791, -0.015732525830231382, -4.1598809506465892, 3.3204657038785596],
    [50000.5, 49000, -16.474304071657661, -12.606788035746196, -0.0000033492089942014893, 3.867516035911465],
  ])('b = %f, z = %f', (b, z, poissonTerm, logLower, logUpper, logS) => {
    expect(Math.abs(logPoissonTerm(b, z) - poissonTerm)).toBeLessThan(1e-13);
    const result = logIncompleteGamma(b, z);
    expect(Math.abs(result.logLower - logLower)).toBeLessThan(1e-13);
    expectRelative(result.logUpper, logUpper, 1e-12, 'ln Q'); // relative: ln Q can be tiny
    expect(Math.abs(logScaledLower(b, z) - logS)).toBeLessThan(1e-13);
  });

  test('P(1, z) = 1 - e^-z and P(1/2, 2) = erf(√2)', () => {
    for (const z of [0.01, 0.5, 1.9, 2.1, 30]) {
      expectRelative(Math.exp(logIncompleteGamma(1, z).logLower), -Math.expm1(-z), 1e-14, `P(1, ${z})`);
    }
    expectRelative(Math.exp(logIncompleteGamma(0.5, 2).logLower), 0.95449973610364159, 1e-14, 'erf √2');
  });

  test('the series weighted sum divided by z survives z = 0', () => {
    // Σ j z^(j-1) / ((b+1)…(b+j)) at z = 0 is its first term, 1 / (b + 1).
    expect(scaledLowerSeries(4, 0)).toEqual({ sum: 1, weightedSumOverZ: 1 / 5 });
  });
});

describe('standard normal tail', () => {
  test('ln(1 - Φ(1.96))', () => {
    expect(Math.abs(logNormalUpper(1.96) - -3.6889636517296387)).toBeLessThan(1e-14);
  });

  test.each([
    [-1, 0.28759997093917836],
    [1.96, 2.3378346051512177],
    [5, 5.1865039671258421],
    [40, 40.024968847207264],
  ])('hazard φ(x) / (1 - Φ(x)) at %f', (x, expected) => {
    expectRelative(normalHazard(x), expected, 1e-14, 'hazard');
  });

  test('far tails stay finite', () => {
    expect(normalHazard(1e9)).toBeCloseTo(1e9, 0);
    expect(normalHazard(-1e9)).toBe(0);
    expect(logNormalUpper(-1e9)).toBe(0);
  });
});
