import type { Predictor } from './types';

/**
 * The head-of-line predictor (HOL): announce how long the caller at the head of the line has
 * waited so far. Like LES it needs no model, and it reacts sooner, since the head's wait grows
 * while the line stalls. 0 when an agent is free or nobody is on hold.
 *
 * @example
 * predictors.headOfLine({ agents: 10, busy: [...], hold: [{ waitedSeconds: 95 }, { waitedSeconds: 12 }], callbacks: [] }, context); // 95
 */
export const headOfLine: Predictor = (snapshot) => {
  const head = snapshot.hold[0];
  if (snapshot.busy.length < snapshot.agents || head === undefined) return 0;
  return head.waitedSeconds;
};
