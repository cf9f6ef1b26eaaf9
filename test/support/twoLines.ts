import type { MultiLineScenario, MultiLineSnapshot } from '../../src';

/** Two lines over a shared group (and B's overflow after 2 minutes), for the multi-line service and forecast tests. */
export const twoLines: MultiLineScenario = {
  name: 'two lines',
  durationSeconds: 8 * 3600,
  lines: [
    { name: 'A', priority: 1, arrivals: { perHour: 120 }, handleTime: { type: 'exponential', meanSeconds: 300 }, routing: [{ group: 'shared' }] },
    { name: 'B', arrivals: { perHour: 200 }, handleTime: { type: 'lognormal', meanSeconds: 360, cv: 0.8 },
      patience: { type: 'exponential', meanSeconds: 600 }, routing: [{ group: 'shared' }, { group: 'backup', afterSeconds: 120 }] },
  ],
  groups: [{ name: 'shared', agents: 20 }, { name: 'backup', agents: 4 }],
};

/** Every agent busy, `waiting` callers on hold on each line. */
export function twoLinesBusy(waiting: number): MultiLineSnapshot {
  const hold = () => Array.from({ length: waiting }, (_, i) => ({ waitedSeconds: (waiting - i) * 15 }));
  return {
    lines: { A: { hold: hold() }, B: { hold: hold() } },
    groups: {
      shared: { agents: 20, busy: Array.from({ length: 20 }, (_, i) => ({ elapsedSeconds: (i * 37) % 600, line: i % 3 ? 'B' : 'A' })) },
      backup: { agents: 4, busy: Array.from({ length: 4 }, (_, i) => ({ elapsedSeconds: 100 * i, line: 'B' })) },
    },
    timeOfDaySeconds: 3600,
  };
}
