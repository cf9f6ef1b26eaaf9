import { describe, expect, it } from 'vitest';
import { lastValueFrom } from 'rxjs';
import { run, simulate, summarize, type MultiLineScenario, type Scenario } from '../../src';
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

// Issue 31, item 2: the last call ends long before durationSeconds; the roster's later changes
// still hold for the rest of the horizon (nobody is left to serve, so on duty = scheduled).
describe('roster changes after the run drains', () => {
  // Five calls of 8 s in the first hour, none in the second; 5 agents, then 1.
  const drained: Scenario = {
    durationSeconds: 7200,
    arrivals: { intervalSeconds: 3600, perInterval: [5, 0] },
    agents: { intervalSeconds: 3600, perInterval: [5, 1] },
    handleTime: { type: 'fixed', seconds: 8 },
  };

  it('applies the second hour\'s roster after the last call (worked example: occupancy 40 / 21,600)', () => {
    const { events, report } = scriptedRun(drained, [0, 600, 1200, 1800, 2400]);
    expect(timeline(events)).toEqual([
      [0, 'agents-changed', '5/5'],
      ...[0, 600, 1200, 1800, 2400].flatMap((t, i): Array<[number, string, number]> => [
        [t, 'arrival', i],
        [t, 'answered', i],
        [t + 8, 'call-ended', i],
      ]),
      [3600, 'agents-changed', '1/1'], // the run drained at 2408; the roster still changes at 3600
    ]);
    // Busy: 5 calls x 8 s = 40 agent-seconds. On duty: 5 x 3600 + 1 x 3600 = 21,600.
    expect(report.agents.occupancy).toBeCloseTo(40 / 21_600, 15); // 0.001852, not 40 / 36,000
    expect(report.intervals.map((row) => [row.agentsScheduled, row.agentsOnDuty, row.busyAgents])).toEqual([
      [5, 5, 40 / 3600],
      [1, 1, 0],
    ]);
    expect(report.groups.agents!.agentsOnDuty).toBe(21_600 / 7200);
  });

  it('follows every group\'s roster to the end of the horizon, per group and interval', async () => {
    // Line x routes to group a, and to b after 60 s; both calls (at 0 and 100 s, 50 s each)
    // find an agent of a at once, so the run drains at 150 s. Rows of 1,200 s; a's roster
    // changes every 1,200 s, b's at 1,800 s (half-way through the second row).
    const center: MultiLineScenario = {
      durationSeconds: 3600,
      lines: [
        {
          name: 'x',
          arrivals: { intervalSeconds: 1200, perInterval: [2, 0, 0] },
          handleTime: { type: 'fixed', seconds: 50 },
          routing: [{ group: 'a' }, { group: 'b', afterSeconds: 60 }],
        },
      ],
      groups: [
        { name: 'a', agents: { intervalSeconds: 1200, perInterval: [2, 3, 1] } },
        { name: 'b', agents: { intervalSeconds: 1800, perInterval: [1, 2] } },
      ],
    };
    const { report } = scriptedRun(center, { x: [0, 100] });
    const rows = (group: string) => report.groups[group]!.intervals.map((row) => [row.agentsScheduled, row.agentsOnDuty]);
    expect(rows('a')).toEqual([
      [2, 2],
      [3, 3],
      [1, 1],
    ]);
    // b: 1 agent until 1,800 s, then 2: the second row is half of each.
    expect(rows('b')).toEqual([
      [1, 1],
      [1.5, 1.5],
      [2, 2],
    ]);
    // On duty over the hour: a (2 + 3 + 1) x 1,200 / 3,600 = 2; b (1 x 1,800 + 2 x 1,800) / 3,600 = 1.5.
    expect(report.groups.a!.agentsOnDuty).toBeCloseTo(2, 12);
    expect(report.groups.b!.agentsOnDuty).toBeCloseTo(1.5, 12);
    expect(report.groups.a!.occupancy).toBeCloseTo(100 / 7200, 12);
    // The fast path (run) and the event stream (summarize) say the same.
    const fast = await run(center);
    expect(fast.groups.b!.intervals.map((row) => row.agentsScheduled)).toEqual([1, 1.5, 2]);
    const streamed = await lastValueFrom(simulate(center).pipe(summarize()));
    expect(streamed.groups.b!.intervals.map((row) => row.agentsScheduled)).toEqual([1, 1.5, 2]);
  });
});
