import { compileDistribution, type Sampler } from '../random';
import { distributionsOf, isByInterval, type TimedDistribution } from '../scenario';

/** A handle time or patience by the caller's arrival interval, compiled (the last interval's past the last). */
export class TimedSampler {
  private readonly samplers: Sampler[];
  /** Infinity for one distribution all day. */
  private readonly intervalSeconds: number;

  constructor(spec: TimedDistribution) {
    this.samplers = distributionsOf(spec).map(compileDistribution);
    this.intervalSeconds = isByInterval(spec) ? spec.byInterval.intervalSeconds : Infinity;
  }

  /** The distribution of a caller who arrived at `arrivalTime`. */
  at(arrivalTime: number): Sampler {
    const samplers = this.samplers;
    const k = Math.floor(arrivalTime / this.intervalSeconds);
    return samplers[k <= 0 ? 0 : k < samplers.length ? k : samplers.length - 1]!;
  }
}
