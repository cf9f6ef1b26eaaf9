import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { resolveScenario, runSync, type Distribution, type MultiLineScenario, type SimEvent } from '../../src';
import { ContactCenter } from '../../src/model/center';
import { QuietObserver } from '../../src/model/observer';
import { multiLineScenario } from '../support/multiLineArbitraries';
import { scriptedRun } from '../support/scripted';

// Which idle agent takes an arriving call (agentSelection), and after-call work, by a worked
// example with every event time written out, and a count that checks the random choice.

const fixed = (seconds: number): Distribution => ({ type: 'fixed', seconds });

function rows(events: readonly SimEvent[]): Array<Array<number | string>> {
  return events.flatMap((e): Array<Array<number | string>> => {
    switch (e.type) {
      case 'arrival':
        return [[e.time, 'arrival', e.callerId]];
      case 'answered':
        return [[e.time, 'answered', e.callerId, e.group]];
      case 'call-ended':
        return [[e.time, 'call-ended', e.callerId, e.group]];
      case 'wrap-up-ended':
        return [[e.time, 'wrap-up-ended', e.callerId, e.group, e.wrapUpSeconds]];
      default:
        return [];
    }
  });
}

describe('longest-idle selection with after-call work, worked example', () => {
  // One agent in `a`, one in `b`; the line routes to `a` first. Calls last 100 s; `b` wraps up
  // each call for 30 s (its route's afterCallWork), `a` not at all.
  const scenario = (agentSelection: 'longest-idle' | 'route-order'): MultiLineScenario => ({
    durationSeconds: 1000,
    agentSelection,
    lines: [
      {
        name: 'calls',
        arrivals: { perHour: 1 }, // replaced by the scripted arrival times
        handleTime: fixed(100),
        routing: [{ group: 'a' }, { group: 'b', afterCallWork: fixed(30) }],
      },
    ],
    groups: [
      { name: 'a', agents: 1 },
      { name: 'b', agents: 1 },
    ],
  });
  const arrivals = [0, 10, 200, 350];

  it('the agent idle the longest takes the call; wrap-up keeps an agent busy and starts their idle time when it ends', () => {
    const { events, report } = scriptedRun(scenario('longest-idle'), arrivals);
    expect(rows(events)).toEqual([
      // Both idle since 0 s: a tie, which route order breaks.
      [0, 'arrival', 0], [0, 'answered', 0, 'a'],
      [10, 'arrival', 1], [10, 'answered', 1, 'b'],
      [100, 'call-ended', 0, 'a'], // a idle since 100 s
      [110, 'call-ended', 1, 'b'],
      [140, 'wrap-up-ended', 1, 'b', 30], // b idle since 110 + 30 = 140 s
      [200, 'arrival', 2], [200, 'answered', 2, 'a'], // a idle since 100 s, b since 140 s
      [300, 'call-ended', 2, 'a'], // a idle since 300 s
      [350, 'arrival', 3], [350, 'answered', 3, 'b'], // b idle since 140 s: longer than a
      [450, 'call-ended', 3, 'b'],
      [480, 'wrap-up-ended', 3, 'b', 30],
    ]);
    // Over 1,000 s: a talked 200 s; b talked 200 s and wrapped up 60 s.
    expect(report.groups.a!.occupancy).toBeCloseTo(0.2, 12);
    expect(report.groups.a!.wrapUpOccupancy).toBe(0);
    expect(report.groups.b!.occupancy).toBeCloseTo(0.26, 12);
    expect(report.groups.b!.wrapUpOccupancy).toBeCloseTo(0.06, 12);
    expect(report.agents.wrapUpOccupancy).toBeCloseTo(0.03, 12);
  });

  it('under route order the same callers all go to a, the first group, whenever it is idle', () => {
    const { events } = scriptedRun(scenario('route-order'), arrivals);
    const answered = events.flatMap((e) => (e.type === 'answered' ? [[e.callerId, e.group]] : []));
    expect(answered).toEqual([[0, 'a'], [1, 'b'], [2, 'a'], [3, 'a']]);
  });
});

describe('random selection', () => {
  // Two groups, 1 and 3 agents, every caller finding all four idle (one call an hour, of 1 s):
  // a caller goes to `three` with probability 3/4, the share of its idle agents. Over 4,000
  // calls the share's standard error is 0.68 points; the tolerance of 4.5 of them (3.1 points)
  // would catch a choice of group at random regardless of its agents (1/2), and route order (0).
  it('picks among idle agents uniformly: a group in proportion to its idle agents', () => {
    const calls = 4000;
    const report = runSync({
      durationSeconds: calls * 3600,
      agentSelection: 'random',
      lines: [{ name: 'calls', arrivals: { intervalSeconds: 3600, perInterval: Array<number>(calls).fill(1) }, handleTime: fixed(1), routing: [{ group: 'one' }, { group: 'three' }] }],
      groups: [
        { name: 'one', agents: 1 },
        { name: 'three', agents: 3 },
      ],
    });
    const answered = report.callers.answered;
    const share = report.groups.three!.answered.calls! / answered;
    const standardError = Math.sqrt((0.75 * 0.25) / answered);
    expect(answered).toBeGreaterThan(3500);
    expect(Math.abs(share - 0.75)).toBeLessThanOrEqual(4.5 * standardError);
  });
});

describe('longest-idle bookkeeping', () => {
  // The choice reads when each group's idle agents became idle; agents start and stop being idle
  // on many paths (answers, dials, wrap-ups, roster changes, agents leaving after their call).
  test.prop([multiLineScenario], { numRuns: 150 })(
    "after every event each group keeps exactly one idle time per idle agent (agents on duty - busy)",
    (scenario) => {
      const center = new ContactCenter(resolveScenario({ ...scenario, agentSelection: 'longest-idle' }), new QuietObserver());
      center.start();
      const wrong: string[] = [];
      while (!center.simulation.finished) {
        center.simulation.run(1);
        for (const group of center.groups) {
          const idle = group.onDuty - group.busy;
          if (group.idleSince!.length !== idle && wrong.length < 5) wrong.push(`${center.simulation.now} s: ${group.name} has ${idle} idle, ${group.idleSince!.length} idle times`);
        }
      }
      expect(wrong.join('\n')).toBe('');
    },
  );
});
