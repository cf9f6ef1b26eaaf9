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

// Events between two looks at the clock: large enough that reading it costs nothing measurable,
// small enough (well under a millisecond) that a slice ends close to its budget.
const EVENTS_PER_CHECK = 4096;

/**
 * Runs a started center to the end in slices, yielding to the host's event loop between them
 * so that a service embedding the simulator keeps answering while it runs.
 */
export async function runCenter(center: ContactCenter, options: SliceOptions = {}): Promise<void> {
  const budget = options.sliceMilliseconds ?? 8;
  const simulation = center.simulation;
  for (;;) {
    options.signal?.throwIfAborted();
    const sliceStart = performance.now();
    do simulation.run(EVENTS_PER_CHECK);
    while (!simulation.finished && performance.now() - sliceStart < budget);
    options.onSlice?.();
    if (simulation.finished) return;
    await yieldToHost();
  }
}
