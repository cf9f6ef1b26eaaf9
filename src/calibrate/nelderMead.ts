/**
 * Minimizes a function of a few variables by the Nelder–Mead simplex (standard coefficients):
 * the likelihoods here have two parameters and no cheap gradients once censoring enters.
 * Non-finite values count as +∞, so a step out of the parameters' domain is simply refused.
 */
export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], step: readonly number[], iterations = 400): { x: number[]; value: number } {
  const n = start.length;
  const value = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [start.slice(), ...start.map((_, i) => start.map((s, j) => (i === j ? s + step[j]! : s)))];
  let values = simplex.map(value);
  for (let it = 0; it < iterations; it++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) <= 1e-10 * (Math.abs(values[0]!) + 1e-10)) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const towards = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = towards(-1);
    const reflectedValue = value(reflected);
    if (reflectedValue < values[0]!) {
      const expanded = towards(-2);
      const expandedValue = value(expanded);
      [simplex[n], values[n]] = expandedValue < reflectedValue ? [expanded, expandedValue] : [reflected, reflectedValue];
    } else if (reflectedValue < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, reflectedValue];
    } else {
      const contracted = reflectedValue < values[n]! ? towards(-0.5) : towards(0.5);
      const contractedValue = value(contracted);
      if (contractedValue < Math.min(reflectedValue, values[n]!)) {
        [simplex[n], values[n]] = [contracted, contractedValue];
      } else {
        // Shrink towards the best point.
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((x, j) => simplex[0]![j]! + 0.5 * (x - simplex[0]![j]!));
          values[i] = value(simplex[i]!);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, value: values[best]! };
}
