export { SnapshotError, snapshotProblems, validateSnapshot, snapshotSchema, type CenterSnapshot } from './snapshot';
export { forecastWait, createWaitForecaster, type ForecastOptions, type WaitForecaster } from './forecastWait';
export { isMultiLineSnapshot, multiLineSnapshotSchema, type MultiLineSnapshot, type LineState, type GroupState } from './multiLineSnapshot';
export { predictors, type Predictor, type PredictorContext } from './predictors';
export { scorePredictors, type ScoreOptions } from './scorePredictors';
export type { PredictorScore, WaitForecast } from './types';
export { SnapshotTracker } from './snapshotTracker';
