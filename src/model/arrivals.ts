import type { Uniform } from '../random';
import type { Schedule } from '../scenario';

/**
 * A non-homogeneous Poisson process, piecewise constant per interval, by inversion of its
 * cumulative rate: each arrival consumes exactly one Exp(1) draw, whatever the schedule, so the
 * i-th caller arrives from the i-th draw in every variant (common random numbers).
 */
export class ArrivalProcess {
  private interval = 0;
  private readonly ratePerSecond: Float64Array;

  constructor(
    private readonly schedule: Schedule,
    private readonly durationSeconds: number,
    rateFactor: number,
    private readonly uniform: Uniform,
  ) {
    this.ratePerSecond = Float64Array.from(schedule.perInterval, (calls) => (calls * rateFactor) / schedule.intervalSeconds);
  }

  /** The next arrival after `now`, or `Infinity` when arrivals have stopped. */
  next(now: number): number {
    const { intervalSeconds } = this.schedule;
    const rates = this.ratePerSecond;
    let mass = -Math.log(1 - this.uniform());
    let time = now;
    while (this.interval < rates.length) {
      const rate = rates[this.interval]!;
      const end = Math.min((this.interval + 1) * intervalSeconds, this.durationSeconds);
      if (rate > 0 && time + mass / rate < end) return time + mass / rate;
      // Spend the rate mass this interval has left and carry the rest into the next.
      mass -= rate * (end - time);
      time = end;
      if (end >= this.durationSeconds) break;
      this.interval++;
    }
    this.interval = rates.length;
    return Infinity;
  }
}

/** Arrivals at given times (sorted, before the run's duration): for replaying a day and for worked examples. */
export class ScriptedArrivals {
  private index = 0;

  constructor(private readonly times: readonly number[]) {}

  next(_now: number): number {
    return this.index < this.times.length ? this.times[this.index++]! : Infinity;
  }
}
