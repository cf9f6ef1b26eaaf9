import type { MultiLineScenario, SingleLineScenario } from '../../src';

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
    opensAt: '08:00',
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

/**
 * The dashboard's center of several lines (the "Several lines" choice): the same agency's day
 * as three lines over three groups. Claims (about 250 calls an hour at the peak's shape, a
 * callback offered from a two-minute wait) go to the general agents, and to the specialists
 * after 3 minutes; appeals (60 an hour, longer calls) have priority and go to the specialists,
 * and to the general agents after 2 minutes; Spanish callers (40 an hour) go to the bilingual
 * agents, and to the general ones after 5 minutes. About 40 erlangs for 40 agents: the peak
 * builds queues, and a group short of agents shows on its lines.
 */
export function builtInCenter(): MultiLineScenario {
  return {
    name: 'Benefits agency, three lines',
    seed: 7,
    opensAt: '08:00',
    durationSeconds: 8 * 3600,
    lines: [
      {
        name: 'claims',
        arrivals: { intervalSeconds: 1800, perInterval: [87, 105, 124, 140, 152, 158, 155, 146, 133, 124, 121, 124, 127, 118, 102, 87] },
        handleTime: { type: 'lognormal', meanSeconds: 360, cv: 0.8 },
        patience: { type: 'exponential', meanSeconds: 420 },
        routing: [{ group: 'general' }, { group: 'specialists', afterSeconds: 180 }],
        callback: { offer: { whenEstimatedWaitAtLeastSeconds: 120 }, optIn: { probability: 0.3 }, position: 'keep-place' },
      },
      {
        name: 'appeals',
        priority: 1,
        arrivals: { perHour: 60 },
        handleTime: { type: 'lognormal', meanSeconds: 600, cv: 0.7 },
        patience: { type: 'exponential', meanSeconds: 600 },
        routing: [{ group: 'specialists' }, { group: 'general', afterSeconds: 120 }],
      },
      {
        name: 'spanish',
        arrivals: { perHour: 40 },
        handleTime: { type: 'lognormal', meanSeconds: 420, cv: 0.8 },
        patience: { type: 'exponential', meanSeconds: 420 },
        routing: [{ group: 'bilingual' }, { group: 'general', afterSeconds: 300 }],
      },
    ],
    groups: [
      { name: 'general', agents: 26 },
      { name: 'specialists', agents: 8 },
      { name: 'bilingual', agents: 6 },
    ],
  };
}
