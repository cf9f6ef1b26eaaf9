import { logIncompleteGamma, logUpperFraction } from './gamma';

const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

const FRACTION_FROM = Math.sqrt(3);

/** Beyond this the asymptotic (Mills ratio) series is exact to rounding, and x² may overflow. */
const ASYMPTOTIC_FROM = 1e7;

/**
 * `ln(1 - Φ(x))` for the standard normal, accurate far into both tails
 * (`1 - Φ(x) = Q(1/2, x²/2) / 2` for `x >= 0`). Internal to `src/analytic`.
 */
export function logNormalUpper(x: number): number {
  if (x > ASYMPTOTIC_FROM) return -0.5 * x * x - Math.log(x) - LOG_SQRT_TWO_PI + Math.log1p(-1 / (x * x));
  if (x < -ASYMPTOTIC_FROM) return 0; // ln(1 - ε) with ε below e^-(5e13)
  const { logUpper } = logIncompleteGamma(0.5, 0.5 * x * x);
  return x >= 0 ? logUpper - Math.LN2 : Math.log1p(-0.5 * Math.exp(logUpper));
}

/** The standard normal hazard rate `φ(x) / (1 - Φ(x))`, finite where both parts underflow. */
export function normalHazard(x: number): number {
  if (x > ASYMPTOTIC_FROM) return x + 1 / x;
  // 1 - Φ(x) = x φ(x) K(1/2, x²/2) / 2 where the fraction converges (x²/2 >= 3/2): the ratio
  // without dividing two exponentials that cancel.
  if (x >= FRACTION_FROM) return 2 / (x * Math.exp(logUpperFraction(0.5, 0.5 * x * x)));
  return Math.exp(-0.5 * x * x - LOG_SQRT_TWO_PI - logNormalUpper(x));
}
