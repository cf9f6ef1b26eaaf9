import type { CenterSnapshot, Scenario } from '../../src';

/**
 * A mid-sized line with a callback offered once the announced wait reaches two minutes: the
 * forecast service's tests ask about it, and its benchmark measures the same question.
 */
export const serviceLine: Scenario = {
  arrivals: { perHour: 400 },
  agents: 40,
  durationSeconds: 8 * 3600,
  handleTime: { type: 'lognormal', meanSeconds: 330, cv: 0.8 },
  patience: { type: 'exponential', meanSeconds: 300 },
  callback: { offer: { whenEstimatedWaitAtLeastSeconds: 120 }, optIn: { probability: 0.3 } },
};

/** Every agent of the service line busy, with `waiting` callers on hold ahead of the one arriving now. */
export function serviceLineBusy(waiting: number): CenterSnapshot {
  return {
    agents: 40,
    busy: Array.from({ length: 40 }, (_, i) => ({ elapsedSeconds: (i * 37) % 600 })),
    hold: Array.from({ length: waiting }, (_, i) => ({ waitedSeconds: (waiting - i) * 12 })),
    callbacks: [],
  };
}
