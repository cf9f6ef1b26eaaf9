// The public API of queuecast. This entry uses no Node built-ins: it runs in browsers, Deno and
// notebooks; Node-only parts live behind `queuecast/node`.
export { run, runSync, type SliceOptions } from './model';
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
export {
  validateScenario,
  scenarioProblems,
  resolveScenario,
  scenarioSchema,
  scenarioJsonSchema,
  ScenarioError,
  type Agents,
  type Arrivals,
  type CallbackOffer,
  type CallbackOptIn,
  type CallbackPolicy,
  type Distribution,
  type ResolvedScenario,
  type Scenario,
  type ScenarioProblem,
} from './scenario';
export { QuantileSketch, type HoldBin, type IntervalRow, type Report } from './metrics';
export {
  replicate,
  compare,
  estimate,
  unpairedDifference,
  type Comparison,
  type Estimate,
  type HoldSavings,
  type Replicated,
  type ReplicationOptions,
  type ReportSummary,
  type Summary,
} from './experiment';
export {
  erlangB,
  erlangC,
  erlangA,
  agentsFor,
  AnalyticInputError,
  type AgentsForInput,
  type AnalyticIssue,
  type ErlangAInput,
  type ErlangAResult,
  type ErlangBInput,
  type ErlangCInput,
  type ErlangCResult,
  type Staffing,
  type StaffingTarget,
} from './analytic';
export * from './charts';
export {
  forecastWait,
  createWaitForecaster,
  predictors,
  scorePredictors,
  validateSnapshot,
  snapshotProblems,
  SnapshotError,
  type CenterSnapshot,
  type ForecastOptions,
  type Predictor,
  type PredictorContext,
  type PredictorScore,
  type ScoreOptions,
  type WaitForecast,
} from './realtime';
