import type { Predictor } from './types';

/**
 * The last-to-enter-service predictor (LES): announce the hold of the last caller who reached
 * an agent (`snapshot.lastServedWaitSeconds`). It needs no model of the center and follows
 * slow changes, but lags fast ones. 0 when an agent is free; NaN when the snapshot does not
 * say (nobody has been served yet).
 *
 * @example
 * predictors.lastToEnterService({ ...snapshot, lastServedWaitSeconds: 75 }, context); // 75
 */
export const lastToEnterService: Predictor = (snapshot) => {
  if (snapshot.busy.length < snapshot.agents && snapshot.hold.length + snapshot.callbacks.length === 0) return 0;
  return snapshot.lastServedWaitSeconds ?? NaN;
};
