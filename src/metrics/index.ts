export { QuantileSketch } from './quantileSketch';
export { CenterMetrics, type MetricsWindow } from './centerMetrics';
export type { HoldBin, IntervalRow, Report } from './report';
