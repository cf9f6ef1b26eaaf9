export { QuantileSketch } from './quantileSketch';
export { CenterMetrics } from './centerMetrics';
export type { MetricsWindow } from './window';
export type {
  AgentIntervalFigures,
  CallFigures,
  CallIntervalFigures,
  GroupIntervalRow,
  GroupReport,
  HoldBin,
  IntervalRow,
  LineIntervalRow,
  LineReport,
  Report,
} from './report';
