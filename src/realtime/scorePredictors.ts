import { QuietObserver, TeeObserver, runResolvedSync } from '../model';
import { meanOf } from '../random';
import { resolveScenario, soleLine, type Scenario } from '../scenario';
import { createWaitForecaster } from './forecastWait';
import { predictors as classic, type Predictor } from './predictors';
import { ErrorTally } from './errorTally';
import { scorePredictorsByLine } from './scorePredictorsByLine';
import { SnapshotTracker } from './snapshotTracker';

/** How well one predictor announced the waits callers then had. */
export interface PredictorScore {
  name: string;
  /** The line scored, for a multi-line scenario (each line's callers are scored apart). */
  line?: string;
  /** Callers scored: those who found every agent busy and were then answered. */
  callers: number;
  /** Root mean squared error of the announced wait, in seconds. */
  rmseSeconds: number;
  /** Mean of announced − actual: positive when it over-announces. */
  meanErrorSeconds: number;
  meanAbsoluteErrorSeconds: number;
}

/** Options of `scorePredictors()`. */
export interface ScoreOptions {
  /** The predictors to score; default: queue length, last to enter service, head of line. */
  predictors?: Record<string, Predictor>;
  /** Also score the simulation forecast (its mean), with this many futures per caller; default 200, 0 to skip. */
  forecastReplications?: number;
  /** Score every n-th caller who has to wait; default 1 (all). */
  every?: number;
}

/**
 * Runs a scenario and, at every arrival who finds all agents busy, asks each predictor what
 * to announce; then compares that with the hold the caller really had (callers who hang up
 * are left out: their real wait is not known). So a center can choose what to announce.
 *
 * @example
 * const scores = scorePredictors(scenario, { forecastReplications: 200 });
 * scores.sort((a, b) => a.rmseSeconds - b.rmseSeconds)[0].name; // the best predictor here
 *
 * On a multi-line scenario each line is scored apart, a score per line and predictor (`line`
 * says which): the classic predictors see the line's own queue and the groups that take it at
 * once, the simulation forecast the whole center (`forecastWait` with `line`).
 */
export function scorePredictors(scenario: Scenario, options: ScoreOptions = {}): PredictorScore[] {
  const resolved = resolveScenario(scenario);
  if (resolved.multiLine) return scorePredictorsByLine(resolved, scenario, options);
  const chosen = options.predictors ?? classic;
  const forecastReplications = options.forecastReplications ?? 200;
  const every = options.every ?? 1;
  const context = { meanHandleSeconds: meanOf(soleLine(resolved, 'scorePredictors').handleTime) };
  const forecast = forecastReplications > 0 ? createWaitForecaster(scenario) : undefined;
  const names = [...Object.keys(chosen), ...(forecast ? ['simulation forecast'] : [])];
  const tracker = new SnapshotTracker();
  const predictions = new Map<number, number[]>();
  const errors = names.map(() => new ErrorTally());
  let waiting = 0;

  // Asks before the tracker hears of the arrival, so the snapshot is what the caller finds.
  class Scorer extends QuietObserver {
    override arrival(time: number, callerId: number): void {
      if (!tracker.allBusy || waiting++ % every !== 0) return;
      const snapshot = tracker.snapshot(time);
      const announced = Object.values(chosen).map((predict) => predict(snapshot, context));
      if (forecast) announced.push(forecast(snapshot, { replications: forecastReplications, seed: callerId }).meanSeconds);
      predictions.set(callerId, announced);
    }
    override answered(time: number, callerId: number, arrivalTime: number): void {
      const announced = predictions.get(callerId);
      if (!announced) return;
      predictions.delete(callerId);
      const actual = time - arrivalTime;
      announced.forEach((value, i) => errors[i]!.add(value, actual));
    }
    override abandoned(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
    override callbackAccepted(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
  }

  runResolvedSync(resolved, new TeeObserver(new Scorer(), tracker));
  return names.map((name, i) => errors[i]!.score(name));
}
