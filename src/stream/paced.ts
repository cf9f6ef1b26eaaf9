import type { SchedulerLike, Subscription } from 'rxjs';
import { asyncScheduler } from './rx';
import type { Simulation } from '../engine';

/** How a run is paced to the wall clock. */
export interface RealtimeOptions {
  /** Simulated seconds per wall-clock second: 60 runs a simulated minute each second. */
  speed: number;
  /** The clock and timers (default `asyncScheduler`); a `VirtualTimeScheduler` makes tests exact. */
  scheduler?: SchedulerLike;
  /** Longest wait between two looks at the clock, in milliseconds (default 50), so that a slow
   * stretch of the simulation never freezes a live view. */
  tickMilliseconds?: number;
}

/**
 * Runs a started simulation paced to a scheduler's clock: each event comes out when the clock
 * reaches its simulated time divided by `speed`. Resolves when the run is finished; the
 * returned `cancel` stops it.
 */
export function runPaced(
  simulation: Simulation,
  options: RealtimeOptions,
  onTick: () => void,
): { done: Promise<void>; cancel: () => void } {
  const scheduler = options.scheduler ?? asyncScheduler;
  const tick = options.tickMilliseconds ?? 50;
  const started = scheduler.now();
  let pending: Subscription | undefined;
  let cancelled = false;
  const done = new Promise<void>((resolve, reject) => {
    const step = () => {
      if (cancelled) return;
      try {
        const elapsed = scheduler.now() - started;
        // A hair of slack, so that rounding between the two clocks never leaves an event that
        // is due now waiting for the next tick.
        simulation.runUntil(((elapsed + 1e-6) / 1000) * options.speed);
        onTick();
        if (simulation.finished) return resolve();
        const dueIn = (simulation.nextEventTime() / options.speed) * 1000 - elapsed;
        // Whole milliseconds, at least one: the clock always moves on between two looks.
        pending = scheduler.schedule(step, Math.max(1, Math.ceil(Math.min(tick, dueIn))));
      } catch (error) {
        reject(error);
      }
    };
    step();
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      pending?.unsubscribe();
    },
  };
}
