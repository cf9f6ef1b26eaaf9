import { yieldToHost } from '../engine';
import type { ContactCenter } from './center';

/** How a long run shares the host. */
export interface SliceOptions {
  /** Longest stretch of simulation between two yields to the host, in milliseconds; default 8. */
  sliceMilliseconds?: number;
  /** Aborting stops the run at the next slice; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each slice (for progress and for streams that flush batches). */
  onSlice?: () => void;
}

/**
 * A run cut into slices: each `next()` simulates one slice, the last one returns the result.
 * Written once, driven two ways: `driveSlices()` yields to the host between slices,
 * `finishSlices()` runs them back to back (workers, callers who own their thread).
 */
export type Slices<T> = Generator<void, T, void>;

// Events between two looks at the clock: large enough that reading it costs nothing measurable,
// small enough (well under a millisecond) that a slice ends close to its budget.
const EVENTS_PER_CHECK = 4096;
const DEFAULT_SLICE_MILLISECONDS = 8;

/** A started center's run as slices of about `sliceMilliseconds` each (Infinity: one slice). */
export function* centerSlices(center: ContactCenter, sliceMilliseconds = DEFAULT_SLICE_MILLISECONDS): Slices<void> {
  const simulation = center.simulation;
  if (sliceMilliseconds === Infinity) return simulation.run();
  for (;;) {
    const sliceStart = performance.now();
    do simulation.run(EVENTS_PER_CHECK);
    while (!simulation.finished && performance.now() - sliceStart < sliceMilliseconds);
    if (simulation.finished) return;
    yield;
  }
}

/**
 * Runs slices to the end, yielding to the host's event loop between them so that a service
 * embedding the simulator keeps answering while it runs.
 */
export async function driveSlices<T>(slices: Slices<T>, options: Pick<SliceOptions, 'signal' | 'onSlice'> = {}): Promise<T> {
  for (;;) {
    options.signal?.throwIfAborted();
    const step = slices.next();
    options.onSlice?.();
    if (step.done) return step.value;
    await yieldToHost();
  }
}

/** Runs slices to the end without yielding. */
export function finishSlices<T>(slices: Slices<T>): T {
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/** Runs a started center to the end in slices, yielding to the host between them. */
export function runCenter(center: ContactCenter, options: SliceOptions = {}): Promise<void> {
  return driveSlices(centerSlices(center, options.sliceMilliseconds), options);
}
