import { describe, expect, it } from 'vitest';
import type { Distribution, MultiLineScenario } from '../../src';
import { scriptedRun, timeline } from '../support/scripted';

// A connected callback on a line with per-route handle times lasts what the route says, like
// any call that group takes (DESIGN.md, "Routing": the caller's one handle uniform through the
// group's distribution). Worked example: fixed times, callers at scripted times.
const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

describe('callbacks on a line with per-route handle times, worked example', () => {
  // One agent in `general`, where this line's calls last 120 s (300 s is the line's own length,
  // for groups without a route of their own). Every caller who must wait is offered a callback
  // and takes it; dialing lasts 10 s.
  const scenario: MultiLineScenario = {
    durationSeconds: 60,
    lines: [
      {
        name: 'individuals',
        arrivals: { perHour: 1 }, // replaced by the scripted arrival times
        handleTime: fixed(300),
        routing: [{ group: 'general', handleTime: fixed(120) }],
        callback: { offer: 'always', optIn: { probability: 1 }, dialSeconds: 10 },
      },
    ],
    groups: [{ name: 'general', agents: 1 }],
  };

  it('the connected callback lasts the route handle time: 120 s, not the line 300 s nor under a second', () => {
    const { events, report } = scriptedRun(scenario, { individuals: [0, 10] });
    expect(timeline(events).filter(([, type]) => type !== 'callback-offered')).toEqual([
      [0, 'agents-changed', '1/1'],
      [0, 'arrival', 0],
      [0, 'answered', 0], //             a 120 s call in general: ends at 120
      [10, 'arrival', 1],
      [10, 'callback-accepted', 1], //   the agent is busy: offered, and taken
      [120, 'call-ended', 0],
      [120, 'callback-dialed', 1], //    10 s of dialing
      [130, 'callback-connected', 1], // then a call of 120 s, as general takes this line's calls
      [250, 'call-ended', 1],
    ]);
    // Busy 0-120 and 120-250 of the 250 s the run lasts: occupancy 1.
    expect(report.agents.occupancy).toBeCloseTo(250 / 250, 12);
    expect(report.callback).toMatchObject({ connected: 1, meanDelaySeconds: 130 - 10 });
  });
});
