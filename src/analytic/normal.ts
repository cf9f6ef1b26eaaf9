import { logIncompleteGamma } from './gamma';

const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * `ln(1 - Φ(x))` for the standard normal, accurate far into both tails
 * (`1 - Φ(x) = Q(1/2, x²/2) / 2` for `x >= 0`). Internal to `src/analytic`.
 */
export function logNormalUpper(x: number): number {
  const { logUpper } = logIncompleteGamma(0.5, 0.5 * x * x);
  return x >= 0 ? logUpper - Math.LN2 : Math.log1p(-0.5 * Math.exp(logUpper));
}

/** The standard normal hazard rate `φ(x) / (1 - Φ(x))`, finite where both parts underflow. */
export function normalHazard(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_TWO_PI - logNormalUpper(x));
}
