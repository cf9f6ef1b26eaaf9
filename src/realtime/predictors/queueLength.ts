import type { Predictor } from './types';

/**
 * The queue-length predictor (QL): `(entries ahead + 1) * mean handle / agents`, the
 * estimate DESIGN.md uses for callback offers. Exact in mean for a FIFO line with exponential
 * handle times and no abandonment; it ignores who will hang up and how long calls in progress
 * have lasted. 0 when an agent is free.
 *
 * @example
 * predictors.queueLength({ agents: 10, busy: [...], hold: [{ waitedSeconds: 30 }], callbacks: [] }, { meanHandleSeconds: 300 }); // 60
 */
export const queueLength: Predictor = (snapshot, { meanHandleSeconds }) => {
  if (snapshot.busy.length < snapshot.agents && snapshot.hold.length + snapshot.callbacks.length === 0) return 0;
  return ((snapshot.hold.length + snapshot.callbacks.length + 1) * meanHandleSeconds) / snapshot.agents;
};
