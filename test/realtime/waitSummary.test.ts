// The forecast's quantiles are predictions of one more wait from the futures' distribution: a
// caller's real wait, drawn from the same distribution as the futures, falls at or below the
// announced median and p90 50% and (at least) 90% of the time however few futures a budget buys.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/random';
import { summarizeWaits } from '../../src/realtime/waitSummary';

function summary(waits: number[]) {
  return summarizeWaits({ waits: Float64Array.from(waits), events: 0, precisionSeconds: Infinity, answeredAtOnce: false }, 0, false);
}

describe('summarizeWaits', () => {
  it('reads the quantiles at rank q (n + 1), between two ranks linearly', () => {
    // 15 waits 10, 20, ..., 150: median at rank 0.5 x 16 = 8 (80 s); p90 at rank 0.9 x 16 = 14.4,
    // 40% of the way from the 14th (140 s) to the 15th (150 s): 144 s.
    const forecast = summary(Array.from({ length: 15 }, (_, i) => 150 - 10 * i));
    expect(forecast.p50Seconds).toBe(80);
    expect(forecast.p90Seconds).toBeCloseTo(144, 9);
    // 99 futures: the 50th and the 90th, exactly (the calibration benchmark's case).
    const hundred = summary(Array.from({ length: 99 }, (_, i) => i + 1));
    expect([hundred.p50Seconds, hundred.p90Seconds]).toEqual([50, 90]);
    // Three futures: a p90 past the last rank is the last.
    expect(summary([3, 1, 2]).p90Seconds).toBe(3);
    // A future never answered (Infinity) above an exact rank leaves the rank's value.
    expect(summary([1, 2, 3, 4, Infinity]).p50Seconds).toBe(3);
  });

  it('announces a median met half the time and a p90 met at least 90% of the time by a new wait from the same distribution, with 15 futures', () => {
    // 20,000 trials: 15 exponential waits make the forecast, a 16th is the caller's. A new draw
    // falls at or below the k-th of n with probability k / (n + 1) exactly, whatever the
    // distribution: rank 0.9 x 16 = 14.4 lies between 14/16 and 15/16, at 0.9 if the
    // distribution function were straight there and above it where it bends down (the
    // exponential's does: F(a + t(b - a)) >= F(a) + t(F(b) - F(a))). The rank ceil(0.9 x 15) = 14
    // gives 14/16 = 87.5%. Standard error of a share: 0.21 points; 4 of them (0.85) allowed below
    // 90%, which 87.5% misses by 2.5; at most 15/16 = 93.75% above.
    const uniform = new RandomStreams(11).stream('waits');
    const draw = () => -300 * Math.log(1 - uniform.next());
    const trials = 20_000;
    let atOrBelowMedian = 0;
    let atOrBelowP90 = 0;
    for (let t = 0; t < trials; t++) {
      const forecast = summary(Array.from({ length: 15 }, draw));
      const wait = draw();
      if (wait <= forecast.p50Seconds) atOrBelowMedian++;
      if (wait <= forecast.p90Seconds) atOrBelowP90++;
    }
    const tolerance = 4 * Math.sqrt(0.09 / trials);
    expect(atOrBelowP90 / trials).toBeGreaterThan(0.9 - tolerance);
    expect(atOrBelowP90 / trials).toBeLessThan(15 / 16);
    expect(Math.abs(atOrBelowMedian / trials - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / trials));
  });
});
