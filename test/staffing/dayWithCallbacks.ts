import type { SingleLineScenario } from '../../src';

// A time-varying day with callbacks and redials, which Erlang cannot see (issue 13, acceptance 2;
// the staffing benchmarks use it too): 16 half hours, 30 to 40 agents at the peak, lognormal
// handle times, a callback offered past an announced minute, and a third of those who hang up
// calling again.
export const dayWithCallbacks: SingleLineScenario = {
  name: 'a day with callbacks and redials',
  seed: 31,
  serviceLevelSeconds: 30,
  arrivals: { intervalSeconds: 1800, perInterval: [60, 120, 180, 220, 240, 230, 200, 170, 160, 180, 200, 190, 160, 120, 90, 60] },
  agents: 1,
  handleTime: { type: 'lognormal', meanSeconds: 240, cv: 1 },
  patience: { type: 'exponential', meanSeconds: 180 },
  callback: {
    offer: { whenEstimatedWaitAtLeastSeconds: 60 },
    optIn: { probability: 0.3 },
    dialSeconds: 20,
    answerProbability: 0.85,
    maxAttempts: 2,
    retryDelaySeconds: 300,
  },
  redial: { probability: 0.35, delay: { type: 'exponential', meanSeconds: 300 }, maxAttempts: 3 },
};
