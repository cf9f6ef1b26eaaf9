import type { Summary } from '../experiment';
import type { CallIntervalFigures, GroupIntervalRow, LineIntervalRow } from '../metrics';
import { pushTidyRows } from './tidyRows';

/** The call figures of a line's interval row, as opposed to its labels. */
export type LineIntervalVariable = Exclude<keyof CallIntervalFigures, 'intervalStart' | 'intervalEnd' | 'warmup'>;

/** The agent figures of a group's interval row. */
export type GroupIntervalVariable = Exclude<keyof GroupIntervalRow, 'group' | 'intervalStart' | 'intervalEnd' | 'warmup'>;

/**
 * The lines of one run (`report.lines`) or of a summary (`summary.lines`), named for a legend:
 * a report or a summary is one already.
 */
export interface LineSeries {
  label: string;
  lines: Readonly<Record<string, { intervals: readonly LineIntervalRow[] | ReadonlyArray<Summary<LineIntervalRow>> }>>;
}

/** The agent groups of one run or of a summary, named for a legend. */
export interface GroupSeries {
  label: string;
  groups: Readonly<Record<string, { intervals: readonly GroupIntervalRow[] | ReadonlyArray<Summary<GroupIntervalRow>> }>>;
}

/** One figure of one interval of one line (or group) in one series: the long format with a `line` (or `group`) column. */
export interface TidyLineIntervalRow {
  series: string;
  line: string;
  intervalStart: number;
  intervalEnd: number;
  warmup: boolean;
  variable: LineIntervalVariable;
  value: number;
  low?: number;
  high?: number;
}

/** One figure of one interval of one agent group in one series. */
export interface TidyGroupIntervalRow extends Omit<TidyLineIntervalRow, 'line' | 'variable'> {
  group: string;
  variable: GroupIntervalVariable;
}

const LINE_VARIABLES: readonly LineIntervalVariable[] = [
  'arrivals',
  'answered',
  'abandoned',
  'balked',
  'busy',
  'disconnected',
  'callbacksAccepted',
  'meanHoldSeconds',
  'serviceLevel',
  'meanQueueLength',
];

const GROUP_VARIABLES: readonly GroupIntervalVariable[] = ['agentsScheduled', 'agentsOnDuty', 'busyAgents', 'occupancy'];

/**
 * The interval rows of every line of one or more series (a baseline and a variant, say) as
 * long rows, one per series, line, interval and variable, in that order: what a dataframe's
 * `pivot` or a faceted Vega-Lite chart takes. From a summary, `value` is the mean and
 * `low`/`high` its confidence interval.
 *
 * @example
 * const comparison = await compare(agency, withCallback, { replications: 10 });
 * tidyLineIntervals([{ label: 'Baseline', lines: comparison.baseline.lines }], ['meanHoldSeconds']);
 * // [{ series: 'Baseline', line: 'individuals', intervalStart: 0, intervalEnd: 1800, warmup: false,
 * //    variable: 'meanHoldSeconds', value: 4.1, low: 0, high: 9.6 }, ...]
 * @see tidyGroupIntervals
 * @see holdByLineChart
 */
export function tidyLineIntervals(series: readonly LineSeries[], variables: readonly LineIntervalVariable[] = LINE_VARIABLES): TidyLineIntervalRow[] {
  const out: TidyLineIntervalRow[] = [];
  for (const { label, lines } of series) {
    for (const [line, { intervals }] of Object.entries(lines)) pushTidyRows(out, { series: label, line }, intervals, variables);
  }
  return out;
}

/**
 * The interval rows of every agent group of one or more series as long rows, one per series,
 * group, interval and variable (agents scheduled, on duty, busy, occupancy).
 *
 * @example
 * const { summary } = await replicate(agency, { replications: 10 });
 * tidyGroupIntervals([{ label: 'Agency', groups: summary.groups }], ['occupancy']);
 * // [{ series: 'Agency', group: 'general', intervalStart: 0, ..., variable: 'occupancy', value: 0.76, ... }, ...]
 * @see occupancyByGroupChart
 */
export function tidyGroupIntervals(series: readonly GroupSeries[], variables: readonly GroupIntervalVariable[] = GROUP_VARIABLES): TidyGroupIntervalRow[] {
  const out: TidyGroupIntervalRow[] = [];
  for (const { label, groups } of series) {
    for (const [group, { intervals }] of Object.entries(groups)) pushTidyRows(out, { series: label, group }, intervals, variables);
  }
  return out;
}
