import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/node';
import { calibrationSamples, calibrationTable } from '../support/forecastCalibration';

const agency = await loadScenarioFile(new URL('../../examples/scenarios/agency-lines.yaml', import.meta.url).pathname);

describe('the forecast is calibrated', () => {
  // benchmarks/forecastCalibration.bench.ts at a tenth of the scale: 40 days of the agency
  // center, 8 random moments a day, the caller put on hold in the running day itself. With 39
  // futures a forecast, its median and p90 are the 20th and 36th of 39: a realized wait from the
  // same distribution falls at or below them with probability exactly 20/40 = 0.5 and 36/40 =
  // 0.9. Over the some 300 callers of all four lines the shares have standard errors of 2.9 and
  // 1.7 points; 4 of them allowed. A forecast that ignored the other lines' callers, the roster's
  // next change or the people who will redial misses by far more (tens of points on the
  // congested lines), and the forecast's mean beats the queue-length predictor's RMSE.
  it('announces a median and a p90 that the model\'s own continuation meets 50% and 90% of the time', () => {
    const samples = calibrationSamples(agency, { days: 40, perDay: 8, futures: 39, seed: 7 });
    expect(samples.length).toBeGreaterThan(250);
    const n = samples.length;
    const atOrBelowMedian = samples.filter((s) => s.realizedSeconds <= s.p50Seconds).length / n;
    const atOrBelowP90 = samples.filter((s) => s.realizedSeconds <= s.p90Seconds).length / n;
    expect(Math.abs(atOrBelowMedian - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
    expect(Math.abs(atOrBelowP90 - 0.9)).toBeLessThan(4 * Math.sqrt(0.09 / n));
    for (const row of calibrationTable(samples)) {
      if (row.line === 'individuals' || row.line === 'businesses') expect(row.rmseForecastMeanSeconds).toBeLessThan(row.rmseQueueLengthSeconds);
    }
  });
});
