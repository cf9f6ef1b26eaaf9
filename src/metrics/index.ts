export { QuantileSketch } from './quantileSketch';
export { CenterMetrics, type MetricsWindow } from './centerMetrics';
export type { IntervalRow, Report } from './report';
