import type { CallbackPolicy, Scenario } from '../../src';

// An IRS-like toll-free line on a filing-season weekday, 7:00 to 19:00 in half hours.
//
// How it was calibrated: the volume profile has the usual shape of a government line (a
// Monday-morning peak, a lull at lunch, a smaller afternoon peak). Handle times are lognormal
// with a 12-minute mean (tax questions are long) and patience lognormal with a 90-minute
// mean (people who need the IRS hold a long time; at 35 or 60 minutes too many hang up
// before the mean hold can reach 22 minutes). Staffing follows the volume at a fixed share of
// the offered load: that share was searched (0.75 to 0.85, 6 replications each) until the
// baseline's mean hold came out at 22 minutes, the average the IRS reported for the year
// before it offered callbacks: 85% of the load, so the line is short-staffed all day, with
// about 14% of callers hanging up.
const callsPerHalfHour = [
  700, 1300, 1650, 1750, 1700, 1600, 1450, 1250, 1150, 1200, 1300, 1350,
  1300, 1200, 1100, 1000, 900, 800, 700, 600, 500, 420, 350, 300,
];
const handleSeconds = 720;

/** Agents per half hour: a share of the offered load (calls x handle / interval), at least 5. */
export function irsRoster(staffingShare: number): number[] {
  return callsPerHalfHour.map((calls) => Math.max(5, Math.round((staffingShare * calls * handleSeconds) / 1800)));
}

export const irsBaseline: Scenario = {
  name: 'IRS-like line, filing-season weekday',
  seed: 2024,
  arrivals: { intervalSeconds: 1800, perInterval: callsPerHalfHour },
  agents: { intervalSeconds: 1800, perInterval: irsRoster(0.85) },
  handleTime: { type: 'lognormal', meanSeconds: handleSeconds, cv: 0.8 },
  patience: { type: 'lognormal', meanSeconds: 90 * 60, cv: 1 },
  serviceLevelSeconds: 300,
};

// The feature: offered when the announced wait is at least 15 minutes; a third of the callers
// offered take it; the request keeps the caller's place in line and the agent who reaches it
// dials (30 s), with a second try 10 minutes later if nobody answers.
export const irsCallback: CallbackPolicy = {
  offer: { whenEstimatedWaitAtLeastSeconds: 15 * 60 },
  optIn: { probability: 0.33 },
  position: 'keep-place',
  dialSeconds: 30,
  answerProbability: 0.9,
  maxAttempts: 2,
  retryDelaySeconds: 600,
};

export const irsWithCallback: Scenario = { ...irsBaseline, name: 'IRS-like line with callbacks', callback: irsCallback };
