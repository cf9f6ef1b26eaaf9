import { QuietObserver, TeeObserver, runResolvedSync } from '../model';
import { meanOf } from '../random';
import type { ResolvedScenario, Scenario } from '../scenario';
import { ErrorTally } from './errorTally';
import { createWaitForecaster } from './forecastWait';
import { MultiLineSnapshotTracker } from './multiLineSnapshotTracker';
import { predictors as classic } from './predictors';
import type { PredictorScore, ScoreOptions } from './scorePredictors';

/**
 * `scorePredictors` on a multi-line scenario: at every call that finds no idle agent in the
 * groups that take its line at once, each predictor announces from the line's view and the
 * simulation forecast from the whole center's snapshot; the call's real hold then scores them,
 * line by line. Calls sent away (abandoned, balked, busy, disconnected) or that take a callback
 * are left out: their real wait is not known.
 */
export function scorePredictorsByLine(resolved: ResolvedScenario, scenario: Scenario, options: ScoreOptions): PredictorScore[] {
  const chosen = options.predictors ?? classic;
  const forecastReplications = options.forecastReplications ?? 200;
  const every = options.every ?? 1;
  const contexts = resolved.lines.map((line) => ({ meanHandleSeconds: meanOf(line.handleTime) }));
  const forecast = forecastReplications > 0 ? createWaitForecaster(scenario) : undefined;
  const names = [...Object.keys(chosen), ...(forecast ? ['simulation forecast'] : [])];
  const tracker = new MultiLineSnapshotTracker(resolved);
  const predictions = new Map<number, number[]>();
  const errors = resolved.lines.map(() => names.map(() => new ErrorTally()));
  let waiting = 0;

  // Asks before the tracker hears of the call, so the snapshot is what the caller finds.
  class Scorer extends QuietObserver {
    override arrival(time: number, callerId: number, line: number): void {
      if (!tracker.mustWait(line) || waiting++ % every !== 0) return;
      const view = tracker.lineView(time, line);
      const announced = Object.values(chosen).map((predict) => predict(view, contexts[line]!));
      if (forecast) {
        const options = { line: resolved.lines[line]!.name, replications: forecastReplications, seed: callerId };
        announced.push(forecast(tracker.snapshot(time), options).meanSeconds);
      }
      predictions.set(callerId, announced);
    }
    override answered(time: number, callerId: number, arrivalTime: number, line: number): void {
      const announced = predictions.get(callerId);
      if (!announced) return;
      predictions.delete(callerId);
      announced.forEach((value, i) => errors[line]![i]!.add(value, time - arrivalTime));
    }
    override abandoned(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
    override balked(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
    override busySignal(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
    override disconnected(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
    override callbackAccepted(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
  }

  runResolvedSync(resolved, new TeeObserver(new Scorer(), tracker));
  return resolved.lines.flatMap((line, l) => names.map((name, i) => ({ ...errors[l]![i]!.score(name), line: line.name })));
}
