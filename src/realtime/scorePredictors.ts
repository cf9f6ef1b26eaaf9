import { QuietObserver, TeeObserver, runResolvedSync } from '../model';
import { meanOverIntervals, resolveScenario, type ResolvedScenario, type Scenario } from '../scenario';
import { createWaitForecaster } from './forecastWait';
import { predictors as classic, type Predictor } from './predictors';
import { ErrorTally } from './errorTally';
import { SnapshotTracker } from './snapshotTracker';
import type { PredictorScore } from './types';

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
 * Runs a scenario and, at every call that finds no idle agent in the groups that take its line
 * at once, asks each predictor what to announce: the classic predictors from the line's view
 * (its own queue and those groups), the simulation forecast (its mean) from the whole center's
 * snapshot. The call's real hold then scores them, line by line. Calls sent away (abandoned,
 * balked, busy, disconnected) or that take a callback are left out: their real wait is not
 * known. So a center can choose what to announce.
 *
 * @example
 * const scores = scorePredictors(scenario, { forecastReplications: 200 });
 * scores.sort((a, b) => a.rmseSeconds - b.rmseSeconds)[0].name; // the best predictor here
 *
 * On a multi-line scenario each line is scored apart, a score per line and predictor (`line`
 * says which).
 */
export function scorePredictors(scenario: Scenario | ResolvedScenario, options: ScoreOptions = {}): PredictorScore[] {
  const resolved = resolveScenario(scenario);
  const chosen = options.predictors ?? classic;
  const forecastReplications = options.forecastReplications ?? 200;
  const every = options.every ?? 1;
  const contexts = resolved.lines.map((line) => ({ meanHandleSeconds: meanOverIntervals(line.handleTime) }));
  const forecast = forecastReplications > 0 ? createWaitForecaster(resolved) : undefined;
  const names = [...Object.keys(chosen), ...(forecast ? ['simulation forecast'] : [])];
  const tracker = new SnapshotTracker(resolved);
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
    override closed(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
    override timedOut(_time: number, callerId: number): void {
      predictions.delete(callerId);
    }
  }

  runResolvedSync(resolved, new TeeObserver(new Scorer(), tracker));
  // A single-line scenario's scores name no line: it has one.
  return resolved.lines.flatMap((line, l) =>
    names.map((name, i) => (resolved.multiLine ? { ...errors[l]![i]!.score(name), line: line.name } : errors[l]![i]!.score(name))),
  );
}
