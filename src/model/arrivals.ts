import { standardGamma, type Uniform } from '../random';
import type { Schedule } from '../scenario';

/**
 * A non-homogeneous Poisson process, piecewise constant per interval, by inversion of its
 * cumulative rate: each arrival consumes exactly one Exp(1) draw, whatever the schedule, so the
 * i-th caller arrives from the i-th draw in every variant (common random numbers).
 */
export class ArrivalProcess {
  /** The last arrival `advance()` found (0 before the first): a time, or `Infinity` once arrivals have stopped. */
  time: number;
  private interval = 0;
  private readonly ratePerSecond: Float64Array;
  // The current interval's rate and end, kept so that an arrival inside it costs one division.
  private rate: number;
  private end: number;

  constructor(
    private readonly schedule: Schedule,
    private readonly durationSeconds: number,
    rateFactor: number,
    private readonly uniform: Uniform,
    /** Where the process starts (a run from a state of the day): the rate of that interval on. */
    fromSeconds = 0,
  ) {
    this.ratePerSecond = Float64Array.from(schedule.perInterval, (calls) => (calls * rateFactor) / schedule.intervalSeconds);
    // Created holding doubles, as they will hold them (docs/design-decisions.md, "Fields
    // that hold seconds start as doubles").
    this.time = this.rate = this.end = 0.5;
    this.time = fromSeconds;
    this.interval = Math.max(0, Math.min(Math.floor(fromSeconds / schedule.intervalSeconds), this.ratePerSecond.length - 1));
    this.rate = this.ratePerSecond[this.interval] ?? 0;
    this.end = Math.min((this.interval + 1) * schedule.intervalSeconds, durationSeconds);
  }

  /**
   * Moves `time` on to the next arrival. A field rather than an argument and a return value:
   * the model's hot path calls this without inlining it, and a double passed or returned there
   * is a heap allocation.
   */
  advance(): void {
    let mass = -Math.log(1 - this.uniform.next());
    let time = this.time;
    for (;;) {
      const rate = this.rate;
      if (rate > 0) {
        const at = time + mass / rate;
        if (at < this.end) {
          this.time = at;
          return;
        }
      }
      // Spend the rate mass this interval has left and carry the rest into the next.
      mass -= rate * (this.end - time);
      time = this.end;
      if (this.end >= this.durationSeconds || this.interval + 1 >= this.ratePerSecond.length) break;
      this.interval++;
      this.rate = this.ratePerSecond[this.interval]!;
      this.end = Math.min((this.interval + 1) * this.schedule.intervalSeconds, this.durationSeconds);
    }
    this.rate = 0;
    this.end = -Infinity;
    this.time = Infinity;
  }
}

/** Arrivals at given times (sorted, before the run's duration): for replaying a day and for worked examples. */
export class ScriptedArrivals {
  time = 0;
  private index = 0;

  constructor(private readonly times: readonly number[]) {}

  advance(): void {
    this.time = this.index < this.times.length ? this.times[this.index++]! : Infinity;
  }
}

// The day's rate factor, Gamma(mean 1, cv). Below a cv of 1e-8 the factor is 1 to within 1e-8,
// and its shape 1 / cv^2 would overflow for the tiniest cvs: no factor then.
export function rateFactor(cv: number, uniform: Uniform): number {
  return cv < 1e-8 ? 1 : standardGamma(1 / cv ** 2, uniform) * cv ** 2;
}
