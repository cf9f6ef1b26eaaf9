import type { CenterSnapshot, Scenario } from '../src';
import { twoLines, twoLinesBusy } from '../test/support/twoLines';

// The single-line forecast case of the benchmarks: a 50-agent center, every agent busy
// (lognormal calls with known elapsed times), 20 callers ahead.
export const forecastScenario: Scenario = {
  arrivals: { perHour: 570 },
  agents: 50,
  durationSeconds: 8 * 3600,
  handleTime: { type: 'lognormal', meanSeconds: 300, cv: 1 },
  patience: { type: 'exponential', meanSeconds: 600 },
};
export const forecastSnapshot: CenterSnapshot = {
  agents: 50,
  busy: Array.from({ length: 50 }, (_, i) => ({ elapsedSeconds: 12 * i })),
  hold: Array.from({ length: 20 }, (_, i) => ({ waitedSeconds: 5 * (20 - i) })),
  callbacks: [],
};

// The forecast service's line (a callback past a two-minute announced wait, 40 agents all busy)
// is the service tests' own.
export { serviceLine, serviceLineBusy } from '../test/support/serviceLine';

// The two-line case is the tests' center (line A with priority and B over a shared group, B
// overflowing to a backup after 2 minutes), every agent busy and 10 on hold per line.
export { twoLines };
export const twoLinesSnapshot = twoLinesBusy(10);
