export { fitScenario, fitTally, newTally } from './fitScenario';
export { CallTally, DEFAULT_GROUP } from './callTally';
export { CalibrationError } from './errors';
export { cdfOf, fitFamilies, type Family, type FittedDistribution } from './families';
export { DurationTally } from './durationTally';
export {
  recordFromFields,
  recordOrProblems,
  parseLocalDateTime,
  formatLocalDateTime,
  describeProblem,
  emptyRecordsRead,
  type CallRecord,
  type RecordFields,
  type RecordOutcome,
  type RecordProblem,
  type RecordsRead,
} from './records';
export type { DistributionFit, FitDiagnostics, FitOptions, FittedScenario, LineDiagnostics, PatienceFit } from './fitTypes';
export { backtest, BACKTEST_MEASURES, type Backtest, type BacktestMeasure, type BacktestOptions, type BacktestRow } from './backtest';
export { fitIntervalReports, type IntervalReportRow } from './intervalReports';
