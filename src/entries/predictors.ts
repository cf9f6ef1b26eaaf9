// Entry `queuecast/predictors`: the classic wait predictors an IVR can announce from a snapshot,
// and the scoring of predictors against the waits simulated callers then had. No Node built-ins.
export { predictors, scorePredictors, type Predictor, type PredictorContext, type PredictorScore, type ScoreOptions } from '../realtime';
