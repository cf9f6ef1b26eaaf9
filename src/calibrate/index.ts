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
export { surveyRecords, RecordSurvey, weekdayOf } from './survey';
export { findDayTypes, parseDayTypes, dayTypeOf, dayTypeName, type DayType } from './dayTypes';
export { findTeams } from './teams';
export { CreditTally, type CreditEstimate } from './credit';
export { choosePatience, kaplanMeierDistribution, PATIENCE_CHECKS, type PatienceCandidate, type SurvivalCheck } from './patience';
export { fitDayTypes, typedRecord, PRIORITY_SUFFIX, type DayTypeFitOptions, type FittedDayType, type FittedDayTypes, type ObservedWaits } from './dayTypeFit';
export { fitStaffing, withStaffing, seenAgents, recordedDay, type RecordedDay, type StaffingEstimate, type FitStaffingOptions } from './staffing';
export { backtestDayTypes, busySummary, dayTypeScenarios, type BusySummary, type DayTypeBacktest, type DayTypeBacktestRow, type DayTypeScenario, type DayTypeScenarios } from './dayTypeBacktest';
