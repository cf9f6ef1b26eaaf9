import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import type { Distribution, MultiLineScenario, SimEvent } from '../../src';
import { eventsOf } from '../support/scenarios';
import { scriptedRun } from '../support/scripted';

// Delayed overflow, priorities between lines and per-route handle times (DESIGN.md, "Many
// lines, agent groups, redials", Routing), by worked examples: fixed handle times and patience,
// callers at scripted times on two or three lines, so every event time can be checked by hand.

const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

/**
 * Events as rows that say who went where: an arrival names its line, an answer its group and
 * the hold, an abandonment the hold, a call's end its group.
 */
function rows(events: readonly SimEvent[]): Array<Array<number | string>> {
  return events.flatMap((e): Array<Array<number | string>> => {
    switch (e.type) {
      case 'arrival':
        return [[e.time, 'arrival', e.callerId, e.line]];
      case 'answered':
        return [[e.time, 'answered', e.callerId, e.group, e.holdSeconds]];
      case 'abandoned':
        return [[e.time, 'abandoned', e.callerId, e.holdSeconds]];
      case 'call-ended':
        return [[e.time, 'call-ended', e.callerId, e.group]];
      case 'agents-changed':
        return [[e.time, 'agents-changed', e.group, `${e.onDuty}/${e.scheduled}`]];
      default:
        return [[e.time, e.type, 'callerId' in e ? e.callerId : '']];
    }
  });
}

describe('delayed overflow, worked example', () => {
  // One agent in `general`, one in `overflow`. Individuals go to general at once and to
  // overflow once they have waited 60 s, where their calls last 80 s instead of 300 s; business
  // callers go to overflow at once (200 s calls). Individuals hang up after 180 s on hold.
  const scenario: MultiLineScenario = {
    durationSeconds: 1000,
    lines: [
      {
        name: 'individuals',
        arrivals: { perHour: 1 }, // replaced by the scripted arrival times
        handleTime: fixed(300),
        patience: fixed(180),
        routing: [{ group: 'general' }, { group: 'overflow', afterSeconds: 60, handleTime: fixed(80) }],
      },
      {
        name: 'business',
        arrivals: { perHour: 1 },
        handleTime: fixed(200),
        routing: [{ group: 'overflow' }],
      },
    ],
    groups: [
      { name: 'general', agents: 1 },
      { name: 'overflow', agents: 1 },
    ],
  };
  // Callers are numbered in order of arrival over both lines:
  // #0 I 0, #1 B 5, #2 I 170, #3 I 260, #4 B 350, #5 I 400, #6 I 410.
  const arrivals = { individuals: [0, 170, 260, 400, 410], business: [5, 350] };
  const { events, report } = scriptedRun(scenario, arrivals);

  it('every event at the time computed by hand', () => {
    expect(rows(events)).toEqual([
      [0, 'agents-changed', 'general', '1/1'],
      [0, 'agents-changed', 'overflow', '1/1'],
      [0, 'arrival', 0, 'individuals'],
      [0, 'answered', 0, 'general', 0], //         general is idle; a 300 s call, ends at 300
      [5, 'arrival', 1, 'business'],
      [5, 'answered', 1, 'overflow', 0], //        overflow is idle; 200 s, ends at 205
      [170, 'arrival', 2, 'individuals'], //       general busy until 300: holds; overflow from 230
      [205, 'call-ended', 1, 'overflow'], //       overflow frees, but #2 has waited 35 s < 60: it stays idle
      [230, 'answered', 2, 'overflow', 60], //     170 + 60: overflow idle, takes #2 at once; 80 s, ends at 310
      [260, 'arrival', 3, 'individuals'], //       general busy until 300: holds; overflow from 320
      [300, 'call-ended', 0, 'general'],
      [300, 'answered', 3, 'general', 40], //      general takes #3 after 40 s: a 300 s call, ends at 600
      [310, 'call-ended', 2, 'overflow'], //       overflow idle at 320, but #3 is no longer waiting
      [350, 'arrival', 4, 'business'],
      [350, 'answered', 4, 'overflow', 0], //      200 s, ends at 550
      [400, 'arrival', 5, 'individuals'], //       both busy; eligible for overflow from 460 (still busy then)
      [410, 'arrival', 6, 'individuals'], //       eligible for overflow from 470 (still busy then)
      [550, 'call-ended', 4, 'overflow'], //       #5 (waited 150 s) and #6 (140 s) are eligible: the longer wait
      [550, 'answered', 5, 'overflow', 150], //    80 s, ends at 630
      [590, 'abandoned', 6, 180], //               410 + 180: patience runs out 10 s before general frees
      [600, 'call-ended', 3, 'general'], //        nobody waiting: general idles
      [630, 'call-ended', 5, 'overflow'],
    ]);
  });

  it('overflow takes a caller exactly at arrival + afterSeconds when it has an idle agent', () => {
    const answered = events.find((e) => e.type === 'answered' && e.callerId === 2);
    expect(answered).toMatchObject({ time: 170 + 60, group: 'overflow', holdSeconds: 60 });
  });

  it('a caller answered by the first group before afterSeconds never reaches overflow', () => {
    const calls = events.filter((e) => 'callerId' in e && e.callerId === 3).map((e) => e.type);
    expect(calls).toEqual(['arrival', 'answered', 'call-ended']);
    expect(events.find((e) => e.type === 'answered' && e.callerId === 3)).toMatchObject({ group: 'general', holdSeconds: 40 });
    // Overflow was idle from 310 to 350, over 320 = 260 + 60, and took nobody then.
    expect(events.filter((e) => e.time > 310 && e.time < 350)).toEqual([]);
  });

  it("the overflow group's calls last its route's handle time, the first group's the line's", () => {
    const lengths = new Map<number, { group: string; seconds: number }>();
    const answeredAt = new Map<number, number>();
    for (const e of events) {
      if (e.type === 'answered') answeredAt.set(e.callerId, e.time);
      if (e.type === 'call-ended') lengths.set(e.callerId, { group: e.group, seconds: e.time - answeredAt.get(e.callerId)! });
    }
    expect(Object.fromEntries(lengths)).toEqual({
      0: { group: 'general', seconds: 300 },
      1: { group: 'overflow', seconds: 200 }, // business: the line's own, no route override
      2: { group: 'overflow', seconds: 80 },
      3: { group: 'general', seconds: 300 },
      4: { group: 'overflow', seconds: 200 },
      5: { group: 'overflow', seconds: 80 },
    });
  });

  it('the report counts the calls each group took of each line', () => {
    expect(report.groups.general!.answered).toEqual({ individuals: 2, business: 0 });
    expect(report.groups.overflow!.answered).toEqual({ individuals: 2, business: 2 });
    // Holds of individuals: 0, 60, 40, 150 answered and 180 abandoned.
    expect(report.lines.individuals!.hold).toMatchObject({ callers: 5, meanSeconds: (0 + 60 + 40 + 150 + 180) / 5 });
    expect(report.lines.individuals!.callers).toMatchObject({ offered: 5, answered: 4, abandoned: 1 });
    expect(report.lines.business!.hold).toMatchObject({ callers: 2, meanSeconds: 0 });
  });
});

describe('priority between lines, worked example', () => {
  // One shared agent serves three lines at once, 100 s calls: `standard` and `general` at
  // priority 0, `urgent` at priority 1. Nobody hangs up.
  const line = (name: string, priority: number) => ({
    name,
    arrivals: { perHour: 1 },
    handleTime: fixed(100),
    priority,
    routing: [{ group: 'shared' }],
  });
  const scenario: MultiLineScenario = {
    durationSeconds: 1000,
    lines: [line('standard', 0), line('general', 0), line('urgent', 1)],
    groups: [{ name: 'shared', agents: 1 }],
  };

  it('a freed agent takes the higher-priority caller first, then the longest wait among equals', () => {
    // #0 standard 0, #1 general 10, #2 standard 20, #3 urgent 30.
    const { events } = scriptedRun(scenario, { standard: [0, 20], general: [10], urgent: [30] });
    expect(rows(events)).toEqual([
      [0, 'agents-changed', 'shared', '1/1'],
      [0, 'arrival', 0, 'standard'],
      [0, 'answered', 0, 'shared', 0], //   ends at 100
      [10, 'arrival', 1, 'general'],
      [20, 'arrival', 2, 'standard'],
      [30, 'arrival', 3, 'urgent'],
      [100, 'call-ended', 0, 'shared'],
      [100, 'answered', 3, 'shared', 70], // urgent first, though #1 (90 s) and #2 (80 s) waited longer; ends at 200
      [200, 'call-ended', 3, 'shared'],
      // Equal priority: #1 of `general` has waited 190 s, #2 of `standard` 180 s. The longer
      // wait wins, though `standard` comes first in the list of lines.
      [200, 'answered', 1, 'shared', 190],
      [300, 'call-ended', 1, 'shared'],
      [300, 'answered', 2, 'shared', 280],
      [400, 'call-ended', 2, 'shared'],
    ]);
  });

  it('a higher-priority caller not yet eligible for an overflow group does not hold it back', () => {
    // `urgent` reaches the shared group only after 60 s; `standard` at once. While #1 of urgent
    // has waited less than 60 s, the freed agent takes #2 of standard, who arrived later.
    const delayed: MultiLineScenario = {
      durationSeconds: 1000,
      lines: [
        line('standard', 0),
        { ...line('urgent', 1), routing: [{ group: 'own' }, { group: 'shared', afterSeconds: 60 }] },
      ],
      groups: [
        { name: 'shared', agents: 1 },
        { name: 'own', agents: 1 },
      ],
    };
    // #0 standard 0 (shared, ends 100), #1 urgent 5 (own, ends 105), #2 urgent 50 (holds; shared
    // from 110), #3 standard 60 (holds).
    const { events } = scriptedRun(delayed, { standard: [0, 60], urgent: [5, 50] });
    expect(rows(events).filter((row) => row[1] !== 'agents-changed')).toEqual([
      [0, 'arrival', 0, 'standard'],
      [0, 'answered', 0, 'shared', 0], //   ends at 100
      [5, 'arrival', 1, 'urgent'],
      [5, 'answered', 1, 'own', 0], //      ends at 105
      [50, 'arrival', 2, 'urgent'], //      eligible for shared from 110
      [60, 'arrival', 3, 'standard'],
      [100, 'call-ended', 0, 'shared'], //  #2 has waited 50 s < 60: shared takes #3 of standard; ends at 200
      [100, 'answered', 3, 'shared', 40],
      [105, 'call-ended', 1, 'own'], //      own takes #2 (urgent's first group); ends at 205
      [105, 'answered', 2, 'own', 55],
      [200, 'call-ended', 3, 'shared'],
      [205, 'call-ended', 2, 'own'],
    ]);
  });
});

// An after-hold callback request has its overflow timers too, and when its line's hold empties
// the delayed groups look again: an overflow agent never idles while such a request is eligible.
describe('delayed overflow of after-hold callback requests', () => {
  const scenario = (patience?: Distribution): MultiLineScenario => ({
    durationSeconds: 1000,
    lines: [
      {
        name: 'individuals',
        arrivals: { perHour: 1 },
        handleTime: fixed(100),
        ...(patience ? { patience } : {}),
        callback: { offer: 'always', optIn: { probability: 0.5 }, position: 'after-hold' },
        routing: [{ group: 'general' }, { group: 'overflow', afterSeconds: 60 }],
      },
    ],
    groups: [
      { name: 'general', agents: 1 },
      { name: 'overflow', agents: 1 },
    ],
  });
  const dialed = (events: readonly SimEvent[]) => events.find((e) => e.type === 'callback-dialed');
  const optIn = (callerId: number) => (callerId === 1 ? 0 : 0.9); // #1 takes the callback, others decline

  it('a request is dialed by an idle overflow agent once it has waited afterSeconds', () => {
    // #0 at 0: general (ends 100). #1 at 10 takes a callback; nobody holds, overflow idle all
    // along: dialed by overflow at 10 + 60 = 70.
    const { events } = scriptedRun(scenario(), { individuals: [0, 10] }, { optInUniform: optIn });
    expect(dialed(events)).toMatchObject({ time: 70, callerId: 1, group: 'overflow' });
  });

  it('a request eligible for overflow is dialed as soon as nobody of its line holds', () => {
    // #0 at 0: general (ends 100). #1 at 10 takes a callback, eligible for overflow from 70.
    // #2 at 50 declines and holds (overflow from 110), hangs up at 50 + 40 = 90: from then
    // nobody holds, and the idle overflow agent dials #1 at 90.
    const { events } = scriptedRun(scenario(fixed(40)), { individuals: [0, 10, 50] }, { optInUniform: optIn });
    expect(events.find((e) => e.type === 'abandoned')).toMatchObject({ time: 90, callerId: 2 });
    expect(dialed(events)).toMatchObject({ time: 90, callerId: 1, group: 'overflow' });
  });
});

// Random centers where one overflow group takes three lines, each after its own delay, and
// serves a fourth line at once; exponential handle times and patience, redials and rosters
// that rise and fall. The invariant is read off the event stream.
const overflowCenter = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    after: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.5, max: 400, noNaN: true })),
    perHour: fc.tuple(fc.integer({ min: 10, max: 120 }), fc.integer({ min: 0, max: 60 })),
    firstAgents: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
    overflowAgents: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
    meanHandle: fc.integer({ min: 60, max: 600 }),
    meanPatience: fc.integer({ min: 60, max: 1200 }),
  })
  .map(({ seed, after, perHour, firstAgents, overflowAgents, meanHandle, meanPatience }): MultiLineScenario => {
    const roster = (counts: number[]) => ({ intervalSeconds: 900, perInterval: [...counts, Math.max(1, counts.at(-1)!)] });
    const delayedLine = (name: string, afterSeconds: number, priority: number) => ({
      name,
      arrivals: { perHour: perHour[0] },
      handleTime: { type: 'exponential' as const, meanSeconds: meanHandle },
      patience: { type: 'exponential' as const, meanSeconds: meanPatience },
      priority,
      routing: [{ group: 'first' }, { group: 'overflow', afterSeconds, handleTime: { type: 'exponential' as const, meanSeconds: meanHandle * 1.5 } }],
      redial: { probability: 0.5, delay: { type: 'exponential' as const, meanSeconds: 300 }, maxAttempts: 3 },
    });
    return {
      seed,
      durationSeconds: 3600,
      lines: [
        delayedLine('a', after[0], 0),
        delayedLine('b', after[1], 1),
        delayedLine('c', after[2], 0),
        {
          name: 'direct',
          arrivals: { perHour: perHour[1] },
          handleTime: { type: 'exponential', meanSeconds: meanHandle },
          routing: [{ group: 'overflow' }],
        },
      ],
      groups: [
        { name: 'first', agents: roster(firstAgents) },
        { name: 'overflow', agents: roster(overflowAgents) },
      ],
    };
  });

describe('an overflow group never takes a caller early', () => {
  // Across the runs: calls the overflow group took of delayed lines, and how many of them at the
  // very moment the caller became eligible (the timer path rather than a freed agent).
  let overflowAnswers = 0;
  let atEligibility = 0;
  afterAll(() => {
    expect(overflowAnswers).toBeGreaterThan(100);
    expect(atEligibility).toBeGreaterThan(10);
  });

  test.prop([overflowCenter], { numRuns: 60 })(
    'every call the overflow group answers of a delayed line has held at least afterSeconds',
    async (scenario) => {
      const afterSeconds = new Map(scenario.lines.map((l) => [l.name, l.routing.find((r) => r.group === 'overflow')!.afterSeconds ?? 0]));
      const arrivedAt = new Map<number, number>();
      const events = await eventsOf(scenario);
      for (const e of events) {
        if (e.type === 'arrival') arrivedAt.set(e.callerId, e.time); // a redial's arrival replaces the last
        if (e.type !== 'answered' || e.group !== 'overflow' || e.line === 'direct') continue;
        const after = afterSeconds.get(e.line)!;
        const eligibleAt = arrivedAt.get(e.callerId)! + after;
        // Exact in the model's own arithmetic (arrival + afterSeconds); `holdSeconds` is
        // time - arrival, which can round one ulp below afterSeconds (0.5 for 0.5000000000000001).
        expect(e.time, `${e.line} caller ${e.callerId}`).toBeGreaterThanOrEqual(eligibleAt);
        expect(e.holdSeconds, `${e.line} caller ${e.callerId}`).toBeGreaterThanOrEqual(after - 1e-9);
        overflowAnswers++;
        if (e.time === eligibleAt) atEligibility++;
      }
    },
  );

  test.prop([overflowCenter], { numRuns: 60 })(
    'no agent idles while a caller eligible for their group holds (overflow included)',
    async (scenario) => {
      // Between two event times nothing changes, so it is enough to look at the state after
      // each batch of events at one time: a caller who is eligible for a group by the next
      // event time (afterSeconds included) must not hold while that group has an idle agent.
      const routes = new Map(scenario.lines.map((l) => [l.name, l.routing.map((r) => ({ group: r.group, after: r.afterSeconds ?? 0 }))]));
      const onDuty = new Map<string, number>();
      const busy = new Map<string, number>();
      const holding = new Map<number, { line: string; since: number }>();
      const events = await eventsOf(scenario);
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!;
        switch (e.type) {
          case 'agents-changed':
            onDuty.set(e.group, e.onDuty);
            break;
          case 'arrival':
            holding.set(e.callerId, { line: e.line, since: e.time });
            break;
          case 'answered':
            holding.delete(e.callerId);
            busy.set(e.group, (busy.get(e.group) ?? 0) + 1);
            break;
          case 'call-ended':
            busy.set(e.group, busy.get(e.group)! - 1);
            break;
          case 'abandoned':
          case 'busy':
          case 'balked':
          case 'disconnected':
            holding.delete(e.callerId);
            break;
        }
        const next = events[i + 1];
        if (next && next.time === e.time) continue;
        const until = next?.time ?? Infinity;
        for (const [callerId, { line, since }] of holding) {
          for (const { group, after } of routes.get(line)!) {
            const idle = (onDuty.get(group) ?? 0) - (busy.get(group) ?? 0);
            if (idle > 0 && since + after < until) {
              expect.fail(`${line} caller ${callerId} (since ${since}) holds at ${e.time} while ${group} has ${idle} idle`);
            }
          }
        }
      }
    },
  );
});
