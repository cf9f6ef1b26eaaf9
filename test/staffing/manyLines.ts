import type { MultiLineScenario } from '../../src';

/**
 * The README's "Many lines" center, as written there: two lines over a general group, with an
 * overflow group that helps after 5 minutes on hold and that no line routes to at once (so
 * staffing by simulation leaves its roster as it is).
 */
export const manyLines: MultiLineScenario = {
  trunks: 120,
  lines: [
    {
      name: 'individuals',
      arrivals: { perHour: 300 },
      handleTime: { type: 'lognormal', meanSeconds: 600, cv: 0.8 },
      patience: { type: 'lognormal', meanSeconds: 1500, cv: 1 },
      maxOnHold: 40,
      routing: [{ group: 'general' }, { group: 'overflow', afterSeconds: 300 }],
      redial: { probability: 0.7, delay: { type: 'exponential', meanSeconds: 1800 }, maxAttempts: 5 },
    },
    {
      name: 'practitioners',
      priority: 1,
      arrivals: { perHour: 60 },
      handleTime: { type: 'lognormal', meanSeconds: 900, cv: 0.9 },
      routing: [{ group: 'general' }, { group: 'overflow', afterSeconds: 300 }],
    },
  ],
  groups: [
    { name: 'general', agents: 55 },
    { name: 'overflow', agents: 6 },
  ],
  durationSeconds: 4 * 3600,
};
