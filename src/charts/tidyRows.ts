import { figureValue, type Figure } from './spec';

/** What an interval row of a report or of a summary has besides its figures. */
interface IntervalBounds {
  intervalStart: number;
  intervalEnd: number;
  warmup: boolean;
}

/** The cells every long row has after its labels. */
export interface TidyCells<V extends string> extends IntervalBounds {
  variable: V;
  value: number;
  low?: number;
  high?: number;
}

/**
 * Appends to `out` one long row per interval row and variable, in that order: the `labels`
 * (series, and line or group), the interval, the variable and its value (the mean, with
 * `low`/`high`, from a summary). The tidy functions of the whole center, lines and groups
 * share it.
 */
export function pushTidyRows<L extends object, V extends string>(
  out: Array<L & TidyCells<V>>,
  labels: L,
  rows: ReadonlyArray<IntervalBounds>,
  variables: readonly V[],
): void {
  for (const row of rows) {
    const figures = row as unknown as Record<V, Figure>;
    for (const variable of variables) {
      out.push({
        ...labels,
        intervalStart: row.intervalStart,
        intervalEnd: row.intervalEnd,
        warmup: row.warmup,
        variable,
        ...figureValue(figures[variable]),
      });
    }
  }
}
