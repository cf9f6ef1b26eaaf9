// The public API of queuecast, its core: simulate, replicate, compare, sweep, staff, forecast,
// fit, and the scenario's types. This entry uses no Node built-ins: it runs in browsers, Deno
// and notebooks; Node-only parts live behind `queuecast/node`. Charts, the analytic formulas,
// calibration and predictors have entries of their own (`queuecast/charts` ...), re-exported
// here until they leave the main entry (README, "Entries").

// Simulate
export { type SliceOptions } from './model';
export { run, runSync, isSeasonReport, type SeasonReport, type SeasonDayRow, type SeasonWeekRow } from './season';
export {
  simulate,
  simulateBatches,
  summarize,
  intervals,
  type SimEvent,
  type SimEventType,
  type SimulateOptions,
  type SimulateBatchesOptions,
  type RealtimeOptions,
} from './stream';

// Scenarios
export {
  validateScenario,
  scenarioProblems,
  scenarioWarnings,
  compareWarnings,
  resolveScenario,
  scenarioSchema,
  scenarioJsonSchema,
  ScenarioError,
  isMultiLine,
  offersCallback,
  requireSingleLine,
  scenarioClock,
  clockTime,
  type AgentGroup,
  type AgentSelection,
  type AtClose,
  type Agents,
  type Arrivals,
  type Balking,
  type ByInterval,
  type Calendar,
  type CalendarDay,
  type DayOverrides,
  type CallbackOffer,
  type CallbackOptIn,
  type CallbackPolicy,
  type Distribution,
  type Line,
  type MultiLineScenario,
  type OnTimeout,
  type Redial,
  type RedialAfter,
  type ResolvedScenario,
  type Route,
  type Transfer,
  type Scenario,
  type ScenarioClock,
  type ScenarioProblem,
  type ScenarioWarning,
  type SingleLineScenario,
  type TimedDistribution,
} from './scenario';

// Reports
export {
  QuantileSketch,
  type GroupIntervalRow,
  type GroupReport,
  type HoldBin,
  type IntervalRow,
  type LineIntervalRow,
  type LineReport,
  type Report,
} from './metrics';

// Experiments
export {
  replicate,
  replicateReports,
  compare,
  estimate,
  unpairedDifference,
  inProcess,
  type Comparison,
  type Estimate,
  type HoldSavings,
  type Replicated,
  type ReplicationJob,
  type ReplicationOptions,
  type ReplicationOutcome,
  type ReplicationRunner,
  type RunnerOptions,
  type ComparedPair,
  type ReportSummary,
  type Summary,
} from './experiment';
export {
  sweep,
  sweepCells,
  SweepError,
  type Sweep,
  type SweepCell,
  type SweepOptions,
  type SweepRow,
  type SweepValue,
  type SweepVary,
} from './experiment';

// Forecast a caller's wait
export {
  forecastWait,
  createWaitForecaster,
  validateSnapshot,
  snapshotProblems,
  SnapshotError,
  type CenterSnapshot,
  type ForecastOptions,
  type WaitForecast,
  type WaitForecaster,
  type MultiLineSnapshot,
  type LineState,
  type GroupState,
} from './realtime';

// Fit a scenario to a center's records (the rest of calibration: queuecast/calibration)
export { fitScenario, type CallRecord, type FitOptions, type FittedScenario } from './calibrate';

// Staff
export {
  staffBySimulation,
  StaffingOptionsError,
  type Roster,
  type StaffingOptions,
  type StaffingProgress,
  type StaffingResult,
  type StaffingRow,
} from './staffing';

// Forecast arrivals
export {
  forecastArrivals,
  seasonArrivals,
  seasonCalendar,
  ForecastInputError,
  type DayTypeArrivals,
  type SeasonArrivals,
  type ArrivalHistory,
  type ArrivalsForecast,
  type DayTypeProfile,
  type ForecastArrivalsOptions,
  type ForecastDay,
  type ForecastFit,
  type ForecastInterval,
  type IntervalCount,
  type SpecialDay,
} from './forecast';

// Errors of every input
export { InvalidInputError, OptionsError, type InputProblem } from './errors';

// Re-exported from the sub-entries, to leave the main entry at the next minor version.
export * from './entries/charts';
export * from './entries/analytic';
export * from './entries/calibration';
export * from './entries/predictors';
