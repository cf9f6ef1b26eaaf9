import type { SingleLineScenario } from '../../src';

/** The simulated day opens at 08:00: only the clock on screen uses this. */
export const OPENING_SECONDS = 8 * 3600;

/**
 * The dashboard's starting point, editable on the page: a benefits line over an 8-hour day,
 * about 400 calls an hour peaking mid-morning at about 510, 40 agents on 6-minute calls (they
 * can answer 400 an hour, so the morning peak builds a queue), callers who give up after 7
 * minutes on average, and a keep-place callback offered once the announced wait reaches two
 * minutes.
 */
export function builtInScenario(): SingleLineScenario {
  return {
    name: 'Benefits line, one weekday',
    seed: 7,
    // Expected calls per half hour, 08:00 to 16:00.
    arrivals: { intervalSeconds: 1800, perInterval: [140, 170, 200, 225, 245, 255, 250, 235, 215, 200, 195, 200, 205, 190, 165, 140] },
    agents: 40,
    handleTime: { type: 'lognormal', meanSeconds: 360, cv: 0.8 },
    patience: { type: 'exponential', meanSeconds: 420 },
    callback: {
      offer: { whenEstimatedWaitAtLeastSeconds: 120 },
      optIn: { probability: 0.3 },
      position: 'keep-place',
    },
  };
}
