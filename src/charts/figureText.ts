// How a figure with a confidence interval is written, in a chart's label and in the table
// beside it alike: one rounding, so that a bar's "2,867 h" is the table's "+2,867".

/**
 * Decimals a mean is written with: two significant digits of its half-width ("6.12 ± 0.31",
 * "1,234 ± 45"), at most `maxDecimals`; a figure without spread gets 0 if whole, else 1.
 */
export function decimalsFor(mean: number, halfWidth: number, maxDecimals: number): number {
  const hw = Math.abs(halfWidth);
  if (!(hw > 0) || !Number.isFinite(hw)) return Number.isInteger(mean) ? 0 : Math.min(1, maxDecimals);
  return Math.max(0, Math.min(maxDecimals, 1 - Math.floor(Math.log10(hw))));
}

/** `x` with thousands separators and `decimals` places, a true minus sign, never "-0". */
export function formatNumber(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '–';
  const text = x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text.replace('-', '\u2212');
}

/** A mean rounded to its half-width, as the reports' tables write it (without the sign they add to differences). */
export function meanText(figure: { mean: number; halfWidth: number }, maxDecimals: number): string {
  return formatNumber(figure.mean, decimalsFor(figure.mean, figure.halfWidth, maxDecimals));
}

/** Hours with the unit, rounded as the reports' tables round hours (at most 2 decimals): `2,867 h`. */
export const hoursText = (figure: { mean: number; halfWidth: number }) => `${meanText(figure, 2)} h`;
