import { describe, expect, it } from 'vitest';
import { run, type Scenario } from '../../src';
import { scriptedRun, timeline } from '../support/scripted';

// Three agents until 600 s, then one. Every call lasts 500 s; callers arrive at 0, 100, 200
// and 300 s. Nobody abandons.
const roster: Scenario = {
  durationSeconds: 1200,
  arrivals: { perHour: 1 }, // replaced by the scripted arrival times
  agents: { intervalSeconds: 600, perInterval: [3, 1] },
  handleTime: { type: 'fixed', seconds: 500 },
};

describe('staffing that drops mid-day', () => {
  it('lets busy agents finish their calls, then lets them go (worked example)', () => {
    const { events, report } = scriptedRun(roster, [0, 100, 200, 300]);
    expect(timeline(events)).toEqual([
      [0, 'agents-changed', '3/3'],
      [0, 'arrival', 0],
      [0, 'answered', 0], //       callers 0-2 find a free agent and end at 500, 600, 700
      [100, 'arrival', 1],
      [100, 'answered', 1],
      [200, 'arrival', 2],
      [200, 'answered', 2],
      [300, 'arrival', 3], //      all three busy: caller 3 holds
      [500, 'call-ended', 0],
      [500, 'answered', 3], //     after 200 s on hold; ends at 1000
      [600, 'agents-changed', '3/1'], // roster drops to 1, but all three are on calls: nobody is cut off
      [600, 'call-ended', 1],
      [600, 'agents-changed', '2/1'], // ...and they leave one by one as their calls end
      [700, 'call-ended', 2],
      [700, 'agents-changed', '1/1'],
      [1000, 'call-ended', 3],
    ]);
    // Busy agent-seconds: 4 calls x 500 = 2000. On duty: 3 x 600 + 2 x 100 + 1 x 500 = 2500.
    expect(report.agents.occupancy).toBeCloseTo(2000 / 2500, 12);
    expect(report.hold).toMatchObject({ callers: 4, meanSeconds: 50, probWait: 0.25, maxSeconds: 200 });
    expect(report.serviceLevel.fraction).toBe(0.75);
    // Three answered at once, one after 200 s (the bar from 120 to 300 s).
    const bars = report.holdDistribution.filter((bar) => bar.callers > 0);
    expect(bars).toEqual([
      { fromSeconds: 0, toSeconds: 0, callers: 3 },
      { fromSeconds: 120, toSeconds: 300, callers: 1 },
    ]);
    expect(report.holdDistribution.at(-1)).toEqual({ fromSeconds: 7200, toSeconds: null, callers: 0 });
    expect(report.intervals.map((row) => [row.arrivals, row.agentsOnDuty, row.busyAgents])).toEqual([
      [4, 3, (500 + 500 + 400 + 100) / 600], //  [0, 600): callers 0, 1 whole, 2 until 600, 3 from 500
      [0, (2 * 100 + 1 * 500) / 600, (100 + 400) / 600], // [600, 1200)
    ]);
  });

  it('sends idle agents home at once and calls them back to the head of the line', () => {
    // Two agents, then none for 300 s, then two. Calls last 100 s.
    const { events } = scriptedRun(
      {
        durationSeconds: 900,
        arrivals: { perHour: 1 },
        agents: { intervalSeconds: 300, perInterval: [2, 0, 2] },
        handleTime: { type: 'fixed', seconds: 100 },
        patience: { type: 'fixed', seconds: 250 },
      },
      [250, 320, 400, 450],
    );
    expect(timeline(events)).toEqual([
      [0, 'agents-changed', '2/2'],
      [250, 'arrival', 0],
      [250, 'answered', 0], // ends at 350, past the drop
      [300, 'agents-changed', '1/0'], // the idle agent leaves at once, the busy one stays
      [320, 'arrival', 1], //            nobody free: holds, patience runs out at 570
      [350, 'call-ended', 0],
      [350, 'agents-changed', '0/0'],
      [400, 'arrival', 2], //            holds until 650 at most
      [450, 'arrival', 3],
      [570, 'abandoned', 1], //         250 s of patience, still nobody on duty
      [600, 'agents-changed', '2/2'], // two agents back: the head of the line first
      [600, 'answered', 2],
      [600, 'answered', 3],
      [700, 'call-ended', 2],
      [700, 'call-ended', 3],
    ]);
  });

  it('keeps occupancy within [0, 1] on a day with a roster that rises and falls', async () => {
    const report = await run({
      seed: 3,
      arrivals: { intervalSeconds: 1800, perInterval: [60, 140, 260, 300, 240, 180, 120, 60] },
      agents: { intervalSeconds: 1800, perInterval: [12, 20, 40, 45, 30, 15, 8, 4] },
      handleTime: { type: 'lognormal', meanSeconds: 280, cv: 0.9 },
      patience: { type: 'exponential', meanSeconds: 400 },
    });
    expect(report.agents.occupancy).toBeGreaterThan(0.5);
    expect(report.agents.occupancy).toBeLessThanOrEqual(1);
    for (const row of report.intervals) {
      expect(row.occupancy).toBeGreaterThanOrEqual(0);
      expect(row.occupancy).toBeLessThanOrEqual(1);
      // Agents leave only as fast as their calls end, never earlier than the roster says.
      expect(row.agentsOnDuty).toBeGreaterThanOrEqual(row.agentsScheduled - 1e-9);
    }
  });
});
