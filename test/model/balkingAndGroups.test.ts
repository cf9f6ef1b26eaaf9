import { describe, expect, it } from 'vitest';
import type { Distribution, MultiLineScenario, SimEvent, SingleLineScenario } from '../../src';
import { scriptedRun, timeline } from '../support/scripted';

// Worked examples with fixed times and scripted decisions: the order of a waiting caller's
// decisions (DESIGN.md, "Balking": the callback offer first, balking only for who declines or
// is not offered), and the per-group report figures, each computed by hand from event times.
const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

describe('a caller who must wait decides on the callback first, then balks', () => {
  // One agent, 100 s calls. Every waiting caller is offered a callback and would balk if they
  // declined it (balking probability 1). Caller 1 accepts (uniform 0 < 0.5), caller 2 declines.
  const scenario: SingleLineScenario = {
    durationSeconds: 60,
    arrivals: { perHour: 1 }, // replaced by the scripted arrival times
    agents: 1,
    handleTime: fixed(100),
    balking: { probability: 1 },
    callback: { offer: 'always', optIn: { probability: 0.5 } },
  };
  const optIn = [NaN, 0, 0.99];

  it('the one who accepts gets the callback; only the one who declines balks', () => {
    const { events, report } = scriptedRun(scenario, [0, 10, 20], { optInUniform: (callerId) => optIn[callerId]! });
    expect(timeline(events)).toEqual([
      [0, 'agents-changed', '1/1'],
      [0, 'arrival', 0],
      [0, 'answered', 0], //             ends at 100
      [10, 'arrival', 1],
      [10, 'callback-offered', 1],
      [10, 'callback-accepted', 1], //   decided before balking: the request waits
      [20, 'arrival', 2],
      [20, 'callback-offered', 2],
      [20, 'balked', 2], //              declined, then balked (probability 1), hold 0
      [100, 'call-ended', 0],
      [100, 'callback-dialed', 1], //    no dial time
      [100, 'callback-connected', 1], // delay 90 s; the call ends at 200
      [200, 'call-ended', 1],
    ]);
    const balked = events.find((e): e is Extract<SimEvent, { type: 'balked' }> => e.type === 'balked')!;
    // The announced wait: (1 entry + 1) x 100 s / 1 agent.
    expect(balked.estimatedWaitSeconds).toBe(200);
    expect(report.callers).toMatchObject({ offered: 3, answered: 1, balked: 1 });
    expect(report.callback).toMatchObject({ offered: 2, accepted: 1, connected: 1, meanDelaySeconds: 90 });
    // Callers who held: 0 (answered at once) and 2 (balked); abandonment = balked / held.
    expect(report.hold.callers).toBe(2);
    expect(report.abandonment.fraction).toBe(0.5);
  });
});

describe('per-group report figures, worked example', () => {
  // `general`: 1 agent in [0, 600), 2 from 600; this line's calls last 300 s there. `overflow`:
  // 1 agent until 300, none after; it takes the line's callers after 60 s on hold, for 200 s
  // calls. The report's window is [0, 1200), in two 600 s rows (the arrivals' intervals).
  const scenario: MultiLineScenario = {
    durationSeconds: 1200,
    lines: [
      {
        name: 'individuals',
        arrivals: { intervalSeconds: 600, perInterval: [1, 1] }, // replaced by the scripted times
        handleTime: fixed(300),
        routing: [{ group: 'general' }, { group: 'overflow', afterSeconds: 60, handleTime: fixed(200) }],
      },
    ],
    groups: [
      { name: 'general', agents: { intervalSeconds: 600, perInterval: [1, 2] } },
      { name: 'overflow', agents: { intervalSeconds: 300, perInterval: [1, 0, 0, 0] } },
    ],
  };
  // Callers at 0, 100, 700 and 1100:
  //   0: general, busy [0, 300)
  //   100: general busy; overflow opens at 160: overflow busy [160, 360), on duty until 360
  //        although its roster ended at 300 (nobody is cut off)
  //   700: general (2 on duty from 600), busy [700, 1000)
  //   1100: general, busy [1100, 1400): 100 s of it inside the window
  // general: on duty 600 x 1 + 600 x 2 = 1,800 agent-s, busy 300 + 300 + 100 = 700 s;
  // overflow: scheduled 300 agent-s, on duty 360, busy 200 s.
  const { report } = scriptedRun(scenario, { individuals: [0, 100, 700, 1100] });

  it('occupancy, agents on duty and answered calls per group', () => {
    const { general, overflow } = report.groups;
    expect(general!.occupancy).toBeCloseTo(700 / 1800, 12);
    expect(general!.agentsOnDuty).toBeCloseTo(1800 / 1200, 12);
    expect(general!.answered).toEqual({ individuals: 3 });
    expect(overflow!.occupancy).toBeCloseTo(200 / 360, 12);
    expect(overflow!.agentsOnDuty).toBeCloseTo(360 / 1200, 12);
    expect(overflow!.answered).toEqual({ individuals: 1 });
    // The center: (700 + 200) / (1,800 + 360).
    expect(report.agents.occupancy).toBeCloseTo(900 / 2160, 12);
  });

  it('with a warm-up to 600 s, only the window [600, 1200) and the callers who arrived in it count', () => {
    const { report: warm } = scriptedRun({ ...scenario, warmupSeconds: 600 }, { individuals: [0, 100, 700, 1100] });
    const { general, overflow } = warm.groups;
    // general: 2 on duty for 600 s, busy [700, 1000) and [1100, 1200); callers 2 and 3 count.
    expect(general!.occupancy).toBeCloseTo(400 / 1200, 12);
    expect(general!.agentsOnDuty).toBeCloseTo(2, 12);
    expect(general!.answered).toEqual({ individuals: 2 });
    // overflow: nobody on duty after 360, and its one call was a warm-up caller's.
    expect(overflow).toMatchObject({ occupancy: 0, agentsOnDuty: 0, answered: { individuals: 0 } });
    expect(warm.groups['general']!.intervals.map((r) => r.warmup)).toEqual([true, false]);
  });

  it('interval rows per group: scheduled, on duty, busy and occupancy', () => {
    const rows = (group: string) =>
      report.groups[group]!.intervals.map((r) => [r.intervalStart, r.intervalEnd, r.agentsScheduled, r.agentsOnDuty, +r.busyAgents.toFixed(9), +r.occupancy.toFixed(9)]);
    expect(rows('general')).toEqual([
      [0, 600, 1, 1, 0.5, 0.5], //                         busy [0, 300)
      [600, 1200, 2, 2, 0.666666667, 0.333333333], //      busy [700, 1000) and [1100, 1200)
    ]);
    expect(rows('overflow')).toEqual([
      [0, 600, 0.5, 0.6, 0.333333333, 0.555555556], //     scheduled [0, 300), on duty [0, 360), busy [160, 360)
      [600, 1200, 0, 0, 0, 0], //                          nobody on duty: occupancy 0
    ]);
    // The center's rows add the groups up.
    expect(report.intervals.map((r) => [r.agentsOnDuty, +r.busyAgents.toFixed(9), +r.occupancy.toFixed(9)])).toEqual([
      [1.6, 0.833333333, 0.520833333],
      [2, 0.666666667, 0.333333333],
    ]);
  });
});
