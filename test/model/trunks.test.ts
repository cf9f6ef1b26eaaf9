import { describe, expect, it } from 'vitest';
import type { SingleLineScenario } from '../../src';
import { scriptedRun, timeline } from '../support/scripted';

// Worked example of trunks with a keep-place callback: fixed 1,000 s calls, callers at scripted
// times, caller #1 takes the callback and the others decline.
describe('trunks', () => {
  const scenario: SingleLineScenario = {
    durationSeconds: 100,
    trunks: 2,
    arrivals: { perHour: 1 }, // replaced by the scripted arrival times
    agents: { intervalSeconds: 100, perInterval: [1, 2] },
    handleTime: { type: 'fixed', seconds: 1000 },
    callback: { offer: 'always', optIn: { probability: 0.5 } },
  };

  it('an agent who cannot dial the request at the head (no trunk free) takes the caller holding behind it', () => {
    const { events } = scriptedRun(scenario, [0, 10, 20], { optInUniform: (id) => (id === 1 ? 0 : 0.9) });
    const calls = timeline(events).filter(([, type]) => type !== 'agents-changed' && type !== 'arrival');
    expect(calls).toEqual([
      [0, 'answered', 0], //               trunk 1 of 2
      [10, 'callback-offered', 1],
      [10, 'callback-accepted', 1], //     a waiting request holds no trunk
      [20, 'callback-offered', 2], //      #2 declines and holds: trunk 2 of 2
      // At 100 the second agent arrives: #1's request is at the head, but dialing it needs a
      // third trunk, so the agent takes #2, who holds one already.
      [100, 'answered', 2],
      // #0's call ends at 1,000 and frees a trunk: the request is dialed then, and answers.
      [1000, 'call-ended', 0],
      [1000, 'callback-dialed', 1],
      [1000, 'callback-connected', 1],
      [1100, 'call-ended', 2],
      [2000, 'call-ended', 1],
    ]);
  });
});
