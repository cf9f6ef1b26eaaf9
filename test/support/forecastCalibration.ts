import { createWaitForecaster, predictors, resolveScenario, type Scenario } from '../../src';
import { meanOverIntervals } from '../../src/scenario/byInterval';
import { ContactCenter, QuietObserver, TeeObserver } from '../../src/model';
import { RandomStreams } from '../../src/random';
import { SnapshotTracker } from '../../src/realtime';

/** One caller of a calibration: what was announced from the snapshot they found, and the wait they then had. */
export interface CalibrationSample {
  line: string;
  realizedSeconds: number;
  meanSeconds: number;
  p50Seconds: number;
  p90Seconds: number;
  queueLength: number;
  lastToEnterService: number;
  headOfLine: number;
}

// The callers put on hold by the calibration: when each was answered.
class Targets extends QuietObserver {
  readonly answeredAt = new Map<number, number>();
  readonly waiting = new Set<number>();
  override answered(time: number, callerId: number): void {
    if (this.waiting.delete(callerId)) this.answeredAt.set(callerId, time);
  }
}

/**
 * Days of a scenario, each seeded anew, at `perDay` random moments of the day (and a random
 * line at each): the snapshot a live center would have then, the forecast from it (and the
 * classic predictors), and the wait of a caller who arrives then on that line and holds until
 * answered, as the forecast's caller does: that caller is put on hold in the running day
 * itself (`holdOn`), so the wait is the model's own continuation, never censored by patience.
 * Moments when an agent is free for the line are skipped (the answer is 0 and certain).
 */
export function calibrationSamples(scenario: Scenario, options: { days: number; perDay: number; futures: number; seed: number }): CalibrationSample[] {
  const forecast = createWaitForecaster(scenario);
  const samples: CalibrationSample[] = [];
  for (let day = 0; day < options.days; day++) {
    const resolved = resolveScenario({ ...scenario, seed: options.seed + day });
    const tracker = new SnapshotTracker(resolved);
    const targets = new Targets();
    const center = new ContactCenter(resolved, new TeeObserver(targets, tracker));
    center.start();
    const uniform = new RandomStreams(options.seed + day).stream('calibration');
    const moments = Array.from({ length: options.perDay }, () => ({
      time: uniform.next() * resolved.durationSeconds,
      line: Math.floor(uniform.next() * resolved.lines.length),
    })).sort((a, b) => a.time - b.time);
    const asked: Array<{ caller: number; announced: Omit<CalibrationSample, 'realizedSeconds'>; time: number }> = [];
    for (const { time, line } of moments) {
      center.simulation.runUntil(time);
      if (center.simulation.finished || !tracker.mustWait(line)) continue;
      // The clock to the moment itself: no event falls between the last one and it.
      center.simulation.now = time;
      const name = resolved.lines[line]!.name;
      const answer = forecast(tracker.snapshot(time), { line: name, replications: options.futures, seed: options.seed + day * 1000 + asked.length });
      const view = tracker.lineView(time, line);
      const context = { meanHandleSeconds: meanOverIntervals(resolved.lines[line]!.handleTime) };
      const caller = center.holdOn(line);
      targets.waiting.add(caller);
      asked.push({
        caller,
        time,
        announced: {
          line: name,
          meanSeconds: answer.meanSeconds,
          p50Seconds: answer.p50Seconds,
          p90Seconds: answer.p90Seconds,
          queueLength: predictors.queueLength(view, context),
          lastToEnterService: predictors.lastToEnterService(view, context),
          headOfLine: predictors.headOfLine(view, context),
        },
      });
    }
    while (targets.waiting.size > 0 && !center.simulation.finished) center.simulation.run(4096);
    for (const { caller, time, announced } of asked) {
      const answeredAt = targets.answeredAt.get(caller);
      if (answeredAt !== undefined) samples.push({ ...announced, realizedSeconds: answeredAt - time });
    }
  }
  return samples;
}

/** Per line: how often the realized wait was at or below the announced median and p90, and each predictor's RMSE. */
export function calibrationTable(samples: readonly CalibrationSample[]) {
  const lines = [...new Set(samples.map((s) => s.line))];
  return lines.map((line) => {
    const mine = samples.filter((s) => s.line === line);
    const share = (test: (s: CalibrationSample) => boolean) => mine.filter(test).length / mine.length;
    const rmse = (announce: (s: CalibrationSample) => number) => {
      const scored = mine.filter((s) => Number.isFinite(announce(s)));
      return Math.sqrt(scored.reduce((sum, s) => sum + (announce(s) - s.realizedSeconds) ** 2, 0) / scored.length);
    };
    return {
      line,
      callers: mine.length,
      atOrBelowMedian: share((s) => s.realizedSeconds <= s.p50Seconds),
      atOrBelowP90: share((s) => s.realizedSeconds <= s.p90Seconds),
      rmseForecastMeanSeconds: rmse((s) => s.meanSeconds),
      rmseQueueLengthSeconds: rmse((s) => s.queueLength),
      rmseLastToEnterServiceSeconds: rmse((s) => s.lastToEnterService),
      rmseHeadOfLineSeconds: rmse((s) => s.headOfLine),
    };
  });
}
