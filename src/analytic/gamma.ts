/**
 * Incomplete gamma machinery for the Erlang formulas, written for large arguments: the queue
 * of a 50,000-agent center puts shape parameters in the millions, where `z^b e^-z / Γ(b+1)`
 * computed term by term loses every digit. Everything here works in logarithms, and the one
 * exponent that cancels (`b ln z - z - ln Γ(b+1)`) is evaluated as a difference that is small
 * by construction (Loader's saddle-point form).
 *
 * Internal to `src/analytic`; not part of the public API.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** Below this the Stirling series is not accurate to full precision in few terms. */
const STIRLING_FROM = 15;

/** Relative size below which a remaining tail cannot change a double. */
const NEGLIGIBLE = 1e-17;

/** Guards the loops against a bug turning into a hang; real inputs need far fewer steps. */
const MAX_STEPS = 100_000_000;

/**
 * `ln Γ(b+1) - [(b + 1/2) ln b - b + ln √(2π)]`, the remainder of Stirling's formula, for
 * `b >= 15`, from its asymptotic series (coefficients B₂ₖ / (2k(2k-1))).
 */
function stirlingRemainder(b: number): number {
  const b2 = b * b;
  return (
    (1 / 12 -
      (1 / 360 -
        (1 / 1260 - (1 / 1680 - (1 / 1188 - (691 / 360360 - 1 / (156 * b2)) / b2) / b2) / b2) / b2) /
        b2) /
    b
  );
}

/** `ln Γ(b + 1)` for `b > -1`. */
export function logGammaPlusOne(b: number): number {
  if (b >= STIRLING_FROM) {
    return (b + 0.5) * Math.log(b) - b + HALF_LOG_TWO_PI + stirlingRemainder(b);
  }
  // Shift up to where Stirling is exact to rounding: Γ(b+1) = Γ(b+1+k) / ((b+1)…(b+k)).
  let product = 1;
  let shifted = b;
  while (shifted < STIRLING_FROM) {
    shifted += 1;
    product *= shifted;
  }
  return logGammaPlusOne(shifted) - Math.log(product);
}

/**
 * `b ln(b/z) + z - b >= 0`, without the cancellation of computing it as written when `z` is
 * close to `b` (Loader 2000, "Fast and accurate computation of binomial probabilities").
 */
function saddleDeviation(b: number, z: number): number {
  const difference = b - z;
  if (Math.abs(difference) < 0.1 * (b + z)) {
    const v = difference / (b + z);
    const v2 = v * v;
    let sum = difference * v;
    let power = 2 * b * v;
    for (let k = 1; k < 1000; k++) {
      power *= v2;
      const next = sum + power / (2 * k + 1);
      if (next === sum) return sum;
      sum = next;
    }
    return sum;
  }
  return b * Math.log(b / z) + z - b;
}

/**
 * `ln(z^b e^-z / Γ(b+1))`: the log of a Poisson probability with a real-valued count, accurate to
 * rounding even when both `b` and `z` are in the millions.
 */
export function logPoissonTerm(b: number, z: number): number {
  if (z === 0) return b === 0 ? 0 : -Infinity;
  if (b < STIRLING_FROM) return b * Math.log(z) - z - logGammaPlusOne(b);
  return -saddleDeviation(b, z) - 0.5 * Math.log(b) - HALF_LOG_TWO_PI - stirlingRemainder(b);
}

/** Sums of the scaled lower series; see {@link scaledLowerSeries}. */
export interface ScaledSeries {
  /** `S(b, z) = Σ_{j>=0} z^j / ((b+1)…(b+j))`, at least 1. */
  readonly sum: number;
  /** `Σ_{j>=1} j z^(j-1) / ((b+1)…(b+j))`: the weighted sum `Σ j z^j / …` divided by `z`. */
  readonly weightedSumOverZ: number;
}

/** The smallest normal double; below it a number loses digits (and can stop shrinking). */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * The series `S(b, z) = Σ_{j>=0} z^j / ((b+1)(b+2)…(b+j)) = Γ(b+1) e^z z^-b P(b, z)`, for
 * `0 <= z < b + 1`, where every term is smaller than the one before. In the Erlang A queue the
 * `j`-th term is the probability of `j` callers on hold relative to none, so the weighted sum
 * gives the mean queue length without the cancellation of the closed form. It is kept divided
 * by `z`, so that abandonment (queue / z) keeps its digits when `z` is tiny or underflows.
 */
export function scaledLowerSeries(b: number, z: number): ScaledSeries {
  let termOverZ = 1; // term_(j-1), then term_j / z = term_(j-1) / (b + j)
  let sum = 1;
  let sumCompensation = 0;
  let weighted = 0;
  let weightedCompensation = 0;
  for (let j = 1; j <= MAX_STEPS; j++) {
    termOverZ /= b + j;
    const term = z * termOverZ;
    // Neumaier summation: tens of thousands of terms must not cost digits.
    const s = sum + term;
    sumCompensation += sum >= term ? sum - s + term : term - s + sum;
    sum = s;
    const weightedTerm = j * termOverZ;
    const w = weighted + weightedTerm;
    weightedCompensation += weighted >= weightedTerm ? weighted - w + weightedTerm : weightedTerm - w + weighted;
    weighted = w;
    // Later terms shrink at least geometrically with ratio r, which bounds both tails.
    const r = z / (b + j + 1);
    const geometric = r / (1 - r);
    const tail = term * geometric;
    const weightedTail = termOverZ * (j * geometric + geometric / (1 - r));
    if ((tail <= NEGLIGIBLE * sum && weightedTail <= NEGLIGIBLE * weighted) || termOverZ < SMALLEST_NORMAL) {
      return { sum: sum + sumCompensation, weightedSumOverZ: weighted + weightedCompensation };
    }
    termOverZ = term;
  }
  throw new Error(`queuecast internal error: incomplete gamma series did not converge (b=${b}, z=${z})`);
}

/**
 * `ln` of the continued fraction `K(b, z)` with `Q(b, z) = b · z^b e^-z / Γ(b+1) · K(b, z)`
 * (Legendre's fraction for the upper incomplete gamma, evaluated by the modified Lentz method),
 * for `z >= b + 1`, where it converges fast.
 */
export function logUpperFraction(b: number, z: number): number {
  const tiny = 1e-300;
  let denominator = z + 1 - b;
  let c = 1 / tiny;
  let d = 1 / denominator;
  let fraction = d;
  for (let i = 1; i <= MAX_STEPS; i++) {
    const numerator = -i * (i - b);
    denominator += 2;
    d = numerator * d + denominator;
    if (Math.abs(d) < tiny) d = tiny;
    c = denominator + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) <= 2 * Number.EPSILON) return Math.log(fraction);
  }
  throw new Error(`queuecast internal error: incomplete gamma fraction did not converge (b=${b}, z=${z})`);
}

/** `ln P(b, z)` and `ln Q(b, z)`, the regularized lower and upper incomplete gamma functions. */
export interface LogIncompleteGamma {
  readonly logLower: number;
  readonly logUpper: number;
}

/**
 * `ln P(b, z)` and `ln Q(b, z)` for `b > 0`, `z >= 0`: the series below `z = b + 1`, the
 * continued fraction above, each giving the smaller of the two directly.
 */
export function logIncompleteGamma(b: number, z: number): LogIncompleteGamma {
  if (z < b + 1) {
    const logLower = logPoissonTerm(b, z) + Math.log(scaledLowerSeries(b, z).sum);
    return { logLower, logUpper: Math.log1p(-Math.exp(logLower)) };
  }
  const logUpper = Math.log(b) + logPoissonTerm(b, z) + logUpperFraction(b, z);
  return { logLower: Math.log1p(-Math.exp(logUpper)), logUpper };
}

/**
 * `ln S(b, z)` with `S(b, z) = Σ_{j>=0} z^j / ((b+1)…(b+j))` for any `z >= 0`: the series where
 * it is short, `ln P(b, z) - ln(z^b e^-z / Γ(b+1))` where the series would be long (`S` can be
 * astronomically large there, hence the logarithm).
 */
export function logScaledLower(b: number, z: number): number {
  if (z < b + 1) return Math.log(scaledLowerSeries(b, z).sum);
  return logIncompleteGamma(b, z).logLower - logPoissonTerm(b, z);
}
