import { describe, expect, it } from 'vitest';
import type { CallbackPolicy, SingleLineScenario as Scenario } from '../../src';
import { scriptedRun, timeline } from '../support/scripted';

// Worked examples of the callback feature: fixed 100 s calls, callers at scripted times,
// scripted decisions, so every event time below can be checked by hand.
function line(callback: CallbackPolicy, agents: Scenario['agents'] = 1): Scenario {
  return {
    durationSeconds: 60,
    arrivals: { perHour: 1 }, // replaced by the scripted arrival times
    agents,
    handleTime: { type: 'fixed', seconds: 100 },
    callback,
  };
}

describe('callback offers', () => {
  it('keep-place: offered from the second caller in line, the request keeps its place', () => {
    const { events, report } = scriptedRun(
      line({ offer: { whenQueueAtLeast: 1 }, optIn: { probability: 1 }, dialSeconds: 10 }),
      [0, 10, 20, 30],
    );
    expect(timeline(events)).toEqual([
      [0, 'agents-changed', '1/1'],
      [0, 'arrival', 0],
      [0, 'answered', 0], //           ends at 100
      [10, 'arrival', 1], //           nobody in line yet: 0 < 1, no offer; holds
      [20, 'arrival', 2],
      [20, 'callback-offered', 2], //  one in line: offered, estimated (1 + 1) * 100 / 1 = 200 s
      [20, 'callback-accepted', 2], // hangs up; the request takes the place behind caller 1
      [30, 'arrival', 3],
      [30, 'callback-offered', 3],
      [30, 'callback-accepted', 3],
      [100, 'call-ended', 0],
      [100, 'answered', 1], //         after 90 s on hold; ends at 200
      [200, 'call-ended', 1],
      [200, 'callback-dialed', 2], //  10 s of dialing
      [210, 'callback-connected', 2], // delay 190 s; the call ends at 310
      [310, 'call-ended', 2],
      [310, 'callback-dialed', 3],
      [320, 'callback-connected', 3], // delay 290 s
      [420, 'call-ended', 3],
    ]);
    const offered = events.find((e) => e.type === 'callback-offered');
    expect(offered).toMatchObject({ estimatedWaitSeconds: 200 });
    expect(report.callback).toEqual({ offered: 2, accepted: 2, connected: 2, failed: 0, attempts: 2, meanDelaySeconds: 240 });
    // Opted-in callers are not callers who held.
    expect(report.hold).toMatchObject({ callers: 2, meanSeconds: 45, totalHoldHours: 90 / 3600 });
    expect(report.callers).toEqual({ offered: 4, answered: 2, abandoned: 0, balked: 0, busy: 0, disconnected: 0, closed: 0 });
  });

  it('after-hold: requests wait until nobody is on hold', () => {
    const optIn = [NaN, 0, 0.99, 0.99]; // caller 1 accepts (0 < 0.5), callers 2 and 3 decline
    const { events, report } = scriptedRun(
      line({ offer: 'always', optIn: { probability: 0.5 }, position: 'after-hold' }),
      [0, 10, 20, 30],
      { optInUniform: (callerId) => optIn[callerId]! },
    );
    expect(timeline(events).filter(([, type]) => type !== 'callback-offered')).toEqual([
      [0, 'agents-changed', '1/1'],
      [0, 'arrival', 0],
      [0, 'answered', 0],
      [10, 'arrival', 1],
      [10, 'callback-accepted', 1], // to the request line
      [20, 'arrival', 2], //           declines and holds
      [30, 'arrival', 3], //           declines and holds
      [100, 'call-ended', 0],
      [100, 'answered', 2], //         holders first, although caller 1 asked earlier
      [200, 'call-ended', 2],
      [200, 'answered', 3],
      [300, 'call-ended', 3],
      [300, 'callback-dialed', 1], //  nobody holds: the request's turn (no dial time)
      [300, 'callback-connected', 1], // delay 290 s
      [400, 'call-ended', 1],
    ]);
    expect(report.callback).toMatchObject({ offered: 3, accepted: 1, connected: 1, meanDelaySeconds: 290 });
    expect(report.hold).toMatchObject({ callers: 3, meanSeconds: (0 + 80 + 170) / 3 });
  });

  it('offers by estimated wait: (entries + 1) * mean handle / agents against the threshold', () => {
    // Two agents, so the estimate is (entries + 1) * 50 s; the threshold 100 s needs one in line.
    const { events } = scriptedRun(
      line({ offer: { whenEstimatedWaitAtLeastSeconds: 100 }, optIn: { probability: 0 } }, 2),
      [0, 1, 2, 3, 4],
    );
    const offers = events.filter((e) => e.type === 'callback-offered');
    // Callers 0 and 1 are answered at once; caller 2 finds 0 in line (50 s: no offer);
    // caller 3 finds 1 (100 s: offered) and caller 4 finds 2 (150 s: offered). Nobody accepts.
    expect(offers.map((e) => [e.callerId, e.estimatedWaitSeconds])).toEqual([[3, 100], [4, 150]]);
    expect(events.filter((e) => e.type === 'callback-accepted')).toEqual([]);
  });

  it('opts in by a logistic in the announced wait', () => {
    // acceptance = 1 / (1 + exp(-(-4 + 1 * minutes))): 200 s announced (3.33 min) gives 0.339,
    // 300 s (5 min) gives 0.731.
    const optIn = [NaN, NaN, 0.5, 0.5];
    const { events } = scriptedRun(
      line({ offer: { whenQueueAtLeast: 1 }, optIn: { logistic: { intercept: -4, perMinute: 1 } } }),
      [0, 10, 20, 30],
      { optInUniform: (callerId) => optIn[callerId]! },
    );
    // Caller 2 hears 200 s and declines (0.5 > 0.339); caller 3, behind callers 1 and 2, hears
    // 300 s and accepts (0.5 < 0.731).
    expect(events.filter((e) => e.type === 'callback-accepted').map((e) => e.callerId)).toEqual([3]);
  });
});

describe('callback dialing', () => {
  it('retries unanswered dials after the delay, and fails a request after maxAttempts', () => {
    const answers: Record<string, boolean> = { '1:1': false, '1:2': true, '2:1': false, '2:2': false };
    const { events, report } = scriptedRun(
      // Open for 300 s, so that the occupancy window sees the agent dial and sit idle too.
      { ...line({ offer: 'always', optIn: { probability: 1 }, dialSeconds: 10, maxAttempts: 2, retryDelaySeconds: 50 }), durationSeconds: 300 },
      [0, 10, 20],
      { answers: (callerId, attempt) => answers[`${callerId}:${attempt}`]! },
    );
    expect(timeline(events).filter(([, type]) => type !== 'callback-offered')).toEqual([
      [0, 'agents-changed', '1/1'],
      [0, 'arrival', 0],
      [0, 'answered', 0],
      [10, 'arrival', 1],
      [10, 'callback-accepted', 1],
      [20, 'arrival', 2],
      [20, 'callback-accepted', 2],
      [100, 'call-ended', 0],
      [100, 'callback-dialed', 1],
      [110, 'callback-unanswered', 1], // back in line at 160
      [110, 'callback-dialed', 2], //    the agent goes on to the next request
      [120, 'callback-unanswered', 2], // back in line at 170
      [160, 'callback-dialed', 1], //    rejoins; the idle agent dials at once
      [170, 'callback-connected', 1], // second attempt answered: delay 160 s; call ends at 270
      [270, 'call-ended', 1], //         (request 2 rejoined at 170, while the agent was busy)
      [270, 'callback-dialed', 2],
      [280, 'callback-unanswered', 2],
      [280, 'callback-failed', 2], //    second unanswered dial of two allowed
    ]);
    expect(report.callback).toEqual({ offered: 2, accepted: 2, connected: 1, failed: 1, attempts: 4, meanDelaySeconds: 160 });
    // Over the window [0, 300): calls 0-100 and 170-270 (200 s), dials 100-110, 110-120,
    // 160-170 and 270-280 (40 s), idle 120-160 and 280-300 (60 s). Dialing counts as busy:
    // 240 / 300 = 0.8; were it not counted, 200 / 300.
    expect(report.agents.occupancy).toBeCloseTo(240 / 300, 12);
    expect(report.intervals).toHaveLength(1);
    expect(report.intervals[0]).toMatchObject({ agentsOnDuty: 1, busyAgents: expect.closeTo(0.8, 12) as number });
  });

  it('requests wait out a roster with nobody on duty and are dialed when agents come back', () => {
    const { events } = scriptedRun(
      {
        ...line({ offer: 'always', optIn: { probability: 1 } }, { intervalSeconds: 100, perInterval: [1, 0, 2] }),
        handleTime: { type: 'fixed', seconds: 150 },
      },
      [0, 10, 20],
    );
    expect(timeline(events).filter(([, type]) => type !== 'callback-offered')).toEqual([
      [0, 'agents-changed', '1/1'],
      [0, 'arrival', 0],
      [0, 'answered', 0], //            ends at 150
      [10, 'arrival', 1],
      [10, 'callback-accepted', 1],
      [20, 'arrival', 2],
      [20, 'callback-accepted', 2],
      [100, 'agents-changed', '1/0'], // roster drops to none; the busy agent finishes first
      [150, 'call-ended', 0],
      [150, 'agents-changed', '0/0'], // and leaves; the requests wait
      [200, 'agents-changed', '2/2'], // two agents: both requests dialed at once, in order
      [200, 'callback-dialed', 1],
      [200, 'callback-dialed', 2],
      [200, 'callback-connected', 1],
      [200, 'callback-connected', 2],
      [350, 'call-ended', 1],
      [350, 'call-ended', 2],
    ]);
  });
});
