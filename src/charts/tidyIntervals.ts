import type { Summary } from '../experiment';
import type { IntervalRow } from '../metrics';
import { pushTidyRows } from './tidyRows';

/** The figures of an interval row, as opposed to its labels (`intervalStart`, `intervalEnd`, `warmup`). */
export type IntervalVariable = Exclude<keyof IntervalRow, 'intervalStart' | 'intervalEnd' | 'warmup'>;

/** The interval rows of one run (`Report.intervals`) or of a summary (`summary.intervals`), named for a legend. */
export interface IntervalSeries {
  label: string;
  rows: readonly IntervalRow[] | ReadonlyArray<Summary<IntervalRow>>;
}

/**
 * One figure of one interval of one series: the long ("tidy") format that Vega-Lite, a
 * dataframe's `pivot` or a CSV file take. From a summary, `value` is the mean over
 * replications and `low`/`high` its confidence interval; from a single report there is no
 * interval.
 */
export interface TidyIntervalRow {
  series: string;
  intervalStart: number;
  intervalEnd: number;
  warmup: boolean;
  variable: IntervalVariable;
  value: number;
  low?: number;
  high?: number;
}

const ALL_VARIABLES: readonly IntervalVariable[] = [
  'arrivals',
  'answered',
  'abandoned',
  'callbacksAccepted',
  'meanHoldSeconds',
  'serviceLevel',
  'agentsScheduled',
  'agentsOnDuty',
  'busyAgents',
  'occupancy',
  'meanQueueLength',
];

/**
 * Turns the interval rows of one or more series (a baseline and a variant, say) into long
 * rows, one per series, interval and variable, in that order, with the units of the report
 * (seconds, callers, agents, fractions).
 *
 * @example
 * const { summary } = await replicate(scenario, { replications: 10 });
 * tidyIntervals([{ label: 'today', rows: summary.intervals }], ['meanHoldSeconds']);
 * // [{ series: 'today', intervalStart: 0, intervalEnd: 900, warmup: false,
 * //    variable: 'meanHoldSeconds', value: 41.2, low: 37.9, high: 44.5 }, ...]
 * @see callsByIntervalChart
 */
export function tidyIntervals(
  series: readonly IntervalSeries[],
  variables: readonly IntervalVariable[] = ALL_VARIABLES,
): TidyIntervalRow[] {
  const out: TidyIntervalRow[] = [];
  for (const { label, rows } of series) pushTidyRows(out, { series: label }, rows, variables);
  return out;
}
