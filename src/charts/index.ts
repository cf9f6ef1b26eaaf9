// Charts as Vega-Lite specifications: plain JSON with the data inline, for notebooks,
// browsers and the HTML report of `queuecast/node`. Nothing here imports vega.
export { VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec } from './spec';
export { tidyIntervals, type IntervalSeries, type IntervalVariable, type TidyIntervalRow } from './tidyIntervals';
export { tidyHoldBins, type HoldSeries, type TidyHoldBin } from './tidyHoldBins';
export { holdBinLabel } from './holdBinLabel';
export { callsByIntervalChart } from './callsByIntervalChart';
export { queueByIntervalChart } from './queueByIntervalChart';
export { waitsByIntervalChart } from './waitsByIntervalChart';
export { holdDistributionChart } from './holdDistributionChart';
export { holdSavingsChart, type TidySaving } from './holdSavingsChart';
export {
  tidyLineIntervals,
  tidyGroupIntervals,
  type LineSeries,
  type GroupSeries,
  type LineIntervalVariable,
  type GroupIntervalVariable,
  type TidyLineIntervalRow,
  type TidyGroupIntervalRow,
} from './tidyLineIntervals';
export type { SmallMultiplesOptions } from './smallMultiples';
export { holdByLineChart } from './holdByLineChart';
export { callsByLineChart } from './callsByLineChart';
export { occupancyByGroupChart } from './occupancyByGroupChart';
export { holdSavingsByLineChart, type TidyLineSaving } from './holdSavingsByLineChart';
export { callsAndPeopleByLineChart, type PeopleSeries, type TidyCallsOfPeople } from './callsAndPeopleByLineChart';
export { sweepHeatMapChart, sweepLineChart, tidySweepCells, type TidySweepCell } from './sweepCharts';
export { rostersByIntervalChart, achievedByIntervalChart, type StaffingChartRow } from './staffingCharts';
