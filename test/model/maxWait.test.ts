import { describe, expect, it } from 'vitest';
import { compare, run, scenarioProblems, summarize, simulate, type MultiLineScenario, type SingleLineScenario } from '../../src';
import { lastValueFrom } from 'rxjs';
import { scriptedRun, timeline } from '../support/scripted';

// The maximum wait (maxWaitSeconds, onTimeout; docs/design-decisions.md, "Maximum wait"):
// worked examples with every event time written out. The exact check against the virtual
// waiting time is test/model/maxWaitExact.test.ts.
describe('maximum wait', () => {
  it("onTimeout 'callback': a wait that reaches the maximum becomes a request at the tail of the line, dialed when an agent is free", () => {
    // One agent, fixed 400 s calls, a maximum wait of 150 s; the line's callback policy is
    // never offered on arrival (whenQueueAtLeast 100), keeps place, and dials for 30 s.
    const scenario: SingleLineScenario = {
      durationSeconds: 600,
      arrivals: { perHour: 1 }, // replaced by the scripted arrival times
      agents: 1,
      handleTime: { type: 'fixed', seconds: 400 },
      maxWaitSeconds: 150,
      onTimeout: 'callback',
      callback: { offer: { whenQueueAtLeast: 100 }, optIn: { probability: 1 }, dialSeconds: 30 },
    };
    const { events, report } = scriptedRun(scenario, [0, 100, 200]);
    expect(timeline(events).filter(([, type]) => type !== 'agents-changed' && type !== 'arrival')).toEqual([
      [0, 'answered', 0], //             the agent is free: 0 to 400
      [250, 'timed-out', 1], //          #1 has held since 100: 150 s
      [250, 'callback-offered', 1], //   as if offered and accepted now
      [250, 'callback-accepted', 1], //  the request joins the tail, behind #2 on hold
      [350, 'timed-out', 2], //          #2 has held since 200; their request goes behind #1's
      [350, 'callback-offered', 2],
      [350, 'callback-accepted', 2],
      [400, 'call-ended', 0],
      [400, 'callback-dialed', 1], //    the head of the line: #1's request
      [430, 'callback-connected', 1], // after a 30 s dial; the callback is the same 400 s call
      [830, 'call-ended', 1],
      [830, 'callback-dialed', 2],
      [860, 'callback-connected', 2],
      [1260, 'call-ended', 2],
    ]);
    const timedOut = events.flatMap((e) => (e.type === 'timed-out' ? [[e.holdSeconds, e.onTimeout]] : []));
    expect(timedOut).toEqual([[150, 'callback'], [150, 'callback']]);
    expect(report.callers).toEqual({ offered: 3, answered: 1, abandoned: 0, balked: 0, busy: 0, disconnected: 0, closed: 0, timedOut: 0 });
    expect(report.callback).toEqual({ offered: 2, accepted: 2, connected: 2, failed: 0, attempts: 2, meanDelaySeconds: (180 + 510) / 2, atTimeout: 2 });
    // Every caller held (#0 0 s, #1 and #2 150 s); the requests' delays count from the timeout
    // (250 to 430, 350 to 860).
    expect(report.hold.callers).toBe(3);
    expect(report.hold.meanSeconds).toBeCloseTo(100, 9);
    expect(report.speedOfAnswer.meanSeconds).toBe(0);
    expect(report.serviceLevel).toEqual({ seconds: 20, fraction: 1 / 3, fractionOfOffered: 1 / 3 });
    expect(report.people).toEqual({ offered: 3, served: 3, gaveUp: 0 });
  });

  it("onTimeout 'message': the call ends (outcome timedOut); a redial after 'timedOut' times out again at the maximum of its own wait; a tie with patience is a timeout", () => {
    // One agent busy 0 to 1,000 with #0. #1 (arrives at 10) has a patience of exactly the
    // maximum wait, 100 s: the timeout wins the tie. They redial 50 s later, after a timeout
    // only, up to 3 calls: 10 -> 110, 160 -> 260, 310 -> 410, then no call is left. (A timeout
    // that fired only on a person's first call would leave the redial at 160 to be answered at
    // 1,000.)
    const scenario: SingleLineScenario = {
      durationSeconds: 600,
      arrivals: { perHour: 1 },
      agents: 1,
      handleTime: { type: 'fixed', seconds: 1000 },
      patience: { type: 'fixed', seconds: 100 },
      maxWaitSeconds: 100,
      redial: { probability: 1, delay: { type: 'fixed', seconds: 50 }, maxAttempts: 3, after: ['timedOut'] },
    };
    const { events, report } = scriptedRun(scenario, [0, 10]);
    expect(timeline(events).filter(([, type]) => type !== 'agents-changed')).toEqual([
      [0, 'arrival', 0],
      [0, 'answered', 0],
      [10, 'arrival', 1],
      [110, 'timed-out', 1],
      [160, 'arrival', 1],
      [260, 'timed-out', 1],
      [310, 'arrival', 1],
      [410, 'timed-out', 1],
      [1000, 'call-ended', 0],
    ]);
    expect(report.callers).toEqual({ offered: 4, answered: 1, abandoned: 0, balked: 0, busy: 0, disconnected: 0, closed: 0, timedOut: 3 });
    expect(report.redials.calls).toBe(2);
    expect(report.people).toEqual({ offered: 2, served: 1, gaveUp: 1 });
    // The callers who held: #0 (0 s) and #1's three calls (100 s each); a timeout is not abandonment.
    expect(report.hold.callers).toBe(4);
    expect(report.hold.meanSeconds).toBeCloseTo(75, 9);
    expect(report.abandonment.fraction).toBe(0);
    expect(report.serviceLevel).toEqual({ seconds: 20, fraction: 1 / 4, fractionOfOffered: 1 / 4 });
  });

  it('patience that runs out before the maximum wait is abandonment, and abandonment alone leads to no redial listed only after timedOut', () => {
    const scenario: SingleLineScenario = {
      durationSeconds: 600,
      arrivals: { perHour: 1 },
      agents: 1,
      handleTime: { type: 'fixed', seconds: 1000 },
      patience: { type: 'fixed', seconds: 60 },
      maxWaitSeconds: 100,
      redial: { probability: 1, delay: { type: 'fixed', seconds: 50 }, after: ['timedOut'] },
    };
    const { events, report } = scriptedRun(scenario, [0, 10]);
    expect(timeline(events).filter(([, type]) => type !== 'agents-changed')).toEqual([
      [0, 'arrival', 0],
      [0, 'answered', 0],
      [10, 'arrival', 1],
      [70, 'abandoned', 1],
      [1000, 'call-ended', 0],
    ]);
    expect(report.callers.timedOut).toBe(0);
    expect(report.callers.abandoned).toBe(1);
  });

  it('summarize() over the stream gives the report of run() (timeouts of both kinds, redials)', async () => {
    const scenario: MultiLineScenario = {
      seed: 4,
      durationSeconds: 4 * 3600,
      lines: [
        {
          name: 'message',
          arrivals: { perHour: 40 },
          handleTime: { type: 'exponential', meanSeconds: 300 },
          patience: { type: 'exponential', meanSeconds: 400 },
          maxWaitSeconds: 120,
          redial: { probability: 0.5, delay: { type: 'exponential', meanSeconds: 300 }, after: ['abandoned', 'timedOut'] },
          routing: [{ group: 'team' }],
        },
        {
          name: 'callback',
          arrivals: { perHour: 30 },
          handleTime: { type: 'exponential', meanSeconds: 240 },
          maxWaitSeconds: 90,
          onTimeout: 'callback',
          callback: { offer: { whenQueueAtLeast: 5 }, optIn: { probability: 0.3 }, position: 'after-hold', dialSeconds: 20, answerProbability: 0.8, maxAttempts: 2 },
          routing: [{ group: 'team' }],
        },
      ],
      groups: [{ name: 'team', agents: 8 }],
    };
    const fast = await run(scenario);
    const summarized = await lastValueFrom(simulate(scenario).pipe(summarize()));
    expect(summarized).toEqual(fast);
    expect(fast.lines.message!.callers.timedOut).toBeGreaterThan(0);
    expect(fast.lines.callback!.callback.atTimeout).toBeGreaterThan(0);
    // The calls that held: every outcome on hold, the timeouts of both kinds included.
    for (const line of Object.values(fast.lines)) {
      const { answered, abandoned, balked, closed, timedOut = 0 } = line.callers;
      expect(line.hold.callers).toBe(answered + abandoned + balked + closed + timedOut + (line.callback.atTimeout ?? 0));
    }
  });

  it("compare(): the hold before a callback at the timeout is the takers' own, so a scenario against itself saves exactly nothing, directly or not", async () => {
    // The takers held until the timeout in both arms: counted as their hold in the baseline, it
    // must be counted as their hold before the callback in the variant too (left out, the direct
    // saving would be their whole wait, and the indirect part its opposite).
    const scenario: SingleLineScenario = {
      seed: 5,
      durationSeconds: 4 * 3600,
      arrivals: { perHour: 100 },
      agents: 8,
      handleTime: { type: 'exponential', meanSeconds: 300 },
      maxWaitSeconds: 60,
      onTimeout: 'callback',
      callback: { offer: { whenQueueAtLeast: 1000 }, optIn: { probability: 1 } },
    };
    const { savings, variant } = await compare(scenario, scenario, { replications: 3 });
    expect(variant.callback.atTimeout!.mean).toBeGreaterThan(0);
    expect(savings.directHoldHours.mean).toBe(0);
    expect(savings.netHoldHours.mean).toBe(0);
  });

  it('a scenario without a maximum wait reports no timeout fields', async () => {
    const report = await run({ durationSeconds: 3600, arrivals: { perHour: 30 }, agents: 3, handleTime: { type: 'exponential', meanSeconds: 300 } });
    expect('timedOut' in report.callers).toBe(false);
    expect('atTimeout' in report.callback).toBe(false);
  });

  it('validation: onTimeout needs maxWaitSeconds, a callback at the timeout needs the line\'s callback policy, and every problem is listed with its path', () => {
    const problems = scenarioProblems({
      lines: [
        { name: 'a', arrivals: { perHour: 10 }, handleTime: { type: 'fixed', seconds: 60 }, onTimeout: 'message', routing: [{ group: 'g' }] },
        { name: 'b', arrivals: { perHour: 10 }, handleTime: { type: 'fixed', seconds: 60 }, maxWaitSeconds: 60, onTimeout: 'callback', routing: [{ group: 'g' }] },
        { name: 'c', arrivals: { perHour: 10 }, handleTime: { type: 'fixed', seconds: 60 }, maxWaitSeconds: 0, onTimeout: 'voicemail', routing: [{ group: 'g' }] },
      ],
      groups: [{ name: 'g', agents: 1 }],
    });
    expect(problems.map((p) => [p.path, p.received])).toEqual(expect.arrayContaining([
      ['lines[0].onTimeout', 'message'],
      ['lines[1].onTimeout', 'callback'],
      ['lines[2].maxWaitSeconds', 0],
      ['lines[2].onTimeout', 'voicemail'],
    ]));
    expect(problems.find((p) => p.path === 'lines[1].onTimeout')!.expected).toMatch(/callback policy/);
    expect(scenarioProblems({
      durationSeconds: 3600, arrivals: { perHour: 10 }, agents: 1, handleTime: { type: 'fixed', seconds: 60 }, maxWaitSeconds: 30,
      redial: { probability: 0.5, delay: { type: 'fixed', seconds: 60 }, after: ['timedOut'] },
    })).toEqual([]);
  });
});
