import { meanOf, type Distribution } from '../random';
import type { ByInterval, TimedDistribution } from './types';

/** True when the spec varies by the caller's arrival interval. */
export function isByInterval(spec: TimedDistribution): spec is ByInterval {
  return 'byInterval' in spec;
}

/** The distributions of a spec, one per interval (one in all for a plain distribution). */
export function distributionsOf(spec: TimedDistribution): readonly Distribution[] {
  return isByInterval(spec) ? spec.byInterval.distributions : [spec];
}

/** The index in `distributionsOf(spec)` for a caller arriving at `timeSeconds`: the last past the last interval. */
export function intervalOf(spec: TimedDistribution, timeSeconds: number): number {
  if (!isByInterval(spec)) return 0;
  const { intervalSeconds, distributions } = spec.byInterval;
  return Math.min(Math.floor(Math.max(0, timeSeconds) / intervalSeconds), distributions.length - 1);
}

/**
 * The mean over a spec's intervals, each counted once: the one figure of formulas that take a
 * single mean (Erlang staffing of a line, the announced wait, warnings).
 */
export function meanOverIntervals(spec: TimedDistribution): number {
  const all = distributionsOf(spec);
  return all.reduce((sum, d) => sum + meanOf(d), 0) / all.length;
}
