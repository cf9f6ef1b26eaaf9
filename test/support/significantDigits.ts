/**
 * Significant digits of a number as written in a CSV field or a table: the digits from the
 * first non-zero one to the last non-zero one (trailing zeros of a whole number are not
 * counted: 1800 has 2); 0 for zero; NaN for text that is not a number.
 */
export function significantDigits(text: string): number {
  if (text.trim() === '' || !Number.isFinite(Number(text))) return NaN;
  const mantissa = text.replace(/^[+-]/, '').replace(/e.*$/i, '').replace('.', '');
  const digits = mantissa.replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}
