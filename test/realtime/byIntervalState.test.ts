import { describe, expect, it } from 'vitest';
import { resolveScenario, type Distribution, type Scenario, type SimEvent } from '../../src';
import { ContactCenter, metricsWindow, StartingPoint, type CenterState } from '../../src/model';
import { EventEmitter } from '../../src/stream/eventEmitter';

// A live forecast's state in a scenario whose handle time and patience vary by interval
// (docs/design-decisions.md, "Handle time and patience by interval"): a call in progress goes on
// with the distribution of the interval it began in, a holder with that of the interval they
// arrived in, not the snapshot's.

const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

describe('a state seated by interval, worked example', () => {
  // Intervals of 100 s: handle 30 s then 60 s, patience 50 s then 20 s. No new arrivals. At
  // 120 s (interval 2) one agent is 25 s into a call that began at 95 (interval 1), and three
  // callers hold: #1 for 28 s (arrived at 92), #2 for 21 s (at 99), #3 for 5 s (at 115).
  const scenario: Scenario = {
    durationSeconds: 400,
    arrivals: { perHour: 0 },
    agents: 1,
    handleTime: { byInterval: { intervalSeconds: 100, distributions: [fixed(30), fixed(60)] } },
    patience: { byInterval: { intervalSeconds: 100, distributions: [fixed(50), fixed(20)] } },
  };
  const state: CenterState = {
    timeSeconds: 120,
    groups: [{ onDuty: 1, calls: [{ line: 0, elapsedSeconds: 25 }] }],
    lines: [{ hold: [{ waitedSeconds: 28 }, { waitedSeconds: 21 }, { waitedSeconds: 5 }], callbacks: [], redials: [] }],
  };

  it('every event at the time computed by hand', () => {
    const resolved = resolveScenario(scenario);
    const events: SimEvent[] = [];
    const center = new ContactCenter(resolved, new EventEmitter({ push: (e) => events.push(e), flush: () => {} }, metricsWindow(resolved)), {
      start: new StartingPoint(resolved, state),
    });
    center.start();
    center.simulation.run();
    const rows = events.filter((e) => e.type !== 'agents-changed').map((e) => [e.time, e.type, 'callerId' in e ? e.callerId : '']);
    expect(rows).toEqual([
      [125, 'call-ended', 0], // began at 95: 30 s (by the snapshot's interval, 60 s: at 155)
      [125, 'answered', 1], //   arrived at 92: 30 s, ends at 155 (60 s: at 185)
      [135, 'abandoned', 3], //  arrived at 115: 20 s of patience
      [149, 'abandoned', 2], //  arrived at 99: 50 s of patience (20 s would end it at once)
      [155, 'call-ended', 1],
    ]);
  });
});
