import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  staffBySimulation,
  StaffingOptionsError,
  type MultiLineScenario,
  inProcess,
  type ReplicationRunner,
  type Roster,
  type Scenario,
} from '../../src';
import { manyLines } from './manyLines';

// The search must end: every pass of its loop simulates a roster or stops, and it never
// simulates more than `maxIterations` rosters. A runner that counts what it is asked to
// simulate checks the second independently of the search's own `iterations`.
function countingRunner(): { runner: ReplicationRunner; rosters: () => number } {
  let rosters = 0;
  const here = inProcess();
  return {
    runner: {
      run: (jobs, options) => {
        rosters++;
        return here.run(jobs, options);
      },
    },
    rosters: () => rosters,
  };
}

// A day whose first half hour has no calls: Erlang staffs it with 0 agents, and a row at 0
// has nothing to step down (issue 33, item 3).
const quietMorning: Scenario = {
  name: 'quiet first half hour',
  seed: 7,
  arrivals: { intervalSeconds: 1800, perInterval: [0, 60, 80, 40] },
  agents: 1,
  handleTime: { type: 'exponential', meanSeconds: 240 },
  patience: { type: 'exponential', meanSeconds: 300 },
};

describe('staffing by simulation ends', () => {
  it('on the README\'s many-lines center, whose overflow group no line routes to at once', async () => {
    const { runner, rosters } = countingRunner();
    const plan = await staffBySimulation(manyLines, { target: { serviceLevel: 0.8 }, replications: 4, runner });
    expect(plan.iterations).toBe(rosters());
    expect(plan.iterations).toBeLessThanOrEqual(40);
    expect(plan.allMet).toBe(true);
    // Only the group a line routes to at once is staffed; the overflow keeps its 6 agents.
    expect(Object.keys(plan.agents)).toEqual(['general']);
    expect((plan.scenario as MultiLineScenario).groups[1]).toEqual({ name: 'overflow', agents: 6 });
  });

  it('on a day whose first half hour has no calls, staffing it with nobody', async () => {
    const { runner, rosters } = countingRunner();
    const plan = await staffBySimulation(quietMorning, { target: { serviceLevel: 0.8 }, replications: 4, runner });
    expect(plan.iterations).toBe(rosters());
    expect(plan.iterations).toBeLessThanOrEqual(40);
    expect(plan.allMet).toBe(true);
    expect((plan.agents as Roster).perInterval[0]).toBe(0);
  });

  it('never simulates more rosters than maxIterations, the first two included', async () => {
    for (const maxIterations of [1, 2, 3, 5]) {
      const { runner, rosters } = countingRunner();
      const plan = await staffBySimulation(quietMorning, { target: { serviceLevel: 0.8 }, replications: 3, maxIterations, runner });
      expect(rosters(), `maxIterations ${maxIterations}`).toBeLessThanOrEqual(maxIterations);
      expect(plan.iterations).toBe(rosters());
    }
  });

  // 100 small centers of one to three lines over two to four groups: each line routes at once
  // to one group and after a delay to others, so some groups are reached only by delayed
  // overflow and some by no line at all; arrivals have quiet half hours (0 calls) anywhere.
  test.prop([staffingCenter()], { numRuns: 100 })(
    'ends within maxIterations rosters on random multi-line centers with unstaffed and delayed-only groups',
    async ({ scenario, target, maxIterations }) => {
      const { runner, rosters } = countingRunner();
      const plan = await staffBySimulation(scenario, { target, replications: 2, maxIterations, runner });
      expect(rosters()).toBeLessThanOrEqual(maxIterations);
      expect(plan.iterations).toBe(rosters());
    },
  );
});

describe('a staffing search can be stopped', () => {
  it('rejects with the signal\'s reason within a second of an abort from a timer, mid-search', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    let replicationsRun = 0;
    // The abort comes from a timer set at the first replication: it fires only if the search
    // gives the host's event loop turns, and it fires mid-search however fast the machine is.
    const abortSoon = () =>
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 0);
    const error = await staffBySimulation(manyLines, {
      target: { serviceLevel: 0.8 },
      replications: 20,
      signal: controller.signal,
      onReplication: () => {
        if (replicationsRun++ === 0) abortSoon();
      },
    }).catch((e: unknown) => e);
    const stoppedAfter = performance.now() - abortedAt;
    expect(abortedAt).toBeGreaterThan(0);
    expect(replicationsRun).toBeGreaterThan(0);
    expect((error as Error).name).toBe('AbortError');
    expect(stoppedAfter).toBeLessThan(1000);
  });

  it('rejects a signal that is not an AbortSignal, naming it', async () => {
    const error = await staffBySimulation(quietMorning, { target: { serviceLevel: 0.8 }, replications: 2, signal: 'stop' as unknown as AbortSignal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaffingOptionsError);
    expect((error as StaffingOptionsError).problems).toEqual([{ path: 'signal', expected: 'an AbortSignal', received: 'stop', message: 'expected an AbortSignal, received "stop"' }]);
  });
});

interface StaffingCase {
  scenario: MultiLineScenario;
  target: { serviceLevel: number } | { meanWaitSeconds: number };
  maxIterations: number;
}

function staffingCenter(): fc.Arbitrary<StaffingCase> {
  const lineOf = (groups: number, rows: number) =>
    fc.record({
      first: fc.integer({ min: 0, max: groups - 1 }),
      delayed: fc.uniqueArray(fc.integer({ min: 0, max: groups - 1 }), { maxLength: groups - 1 }),
      afterSeconds: fc.integer({ min: 10, max: 600 }),
      perInterval: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })), { minLength: rows, maxLength: rows }),
      meanHandle: fc.integer({ min: 60, max: 600 }),
      patience: fc.option(fc.integer({ min: 30, max: 1200 }), { nil: undefined }),
    });
  return fc
    .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 5 }))
    .chain(([groups, rows]) =>
      fc.record({
        groups: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: groups, maxLength: groups }),
        lines: fc.array(lineOf(groups, rows), { minLength: 1, maxLength: 3 }),
        target: fc.oneof(
          fc.integer({ min: 50, max: 95 }).map((percent) => ({ serviceLevel: percent / 100 })),
          fc.integer({ min: 5, max: 120 }).map((meanWaitSeconds) => ({ meanWaitSeconds })),
        ),
        maxIterations: fc.integer({ min: 1, max: 12 }),
        seed: fc.integer({ min: 1, max: 1000 }),
      }),
    )
    .map(({ groups, lines, target, maxIterations, seed }) => {
      // Every group serves some line (a scenario says so): one no line reaches is added to the
      // last line's routes, delayed, and stays unstaffed.
      const reached = new Set(lines.flatMap((line) => [line.first, ...line.delayed]));
      const unreached = groups.map((_, g) => g).filter((g) => !reached.has(g));
      const delayedOf = (i: number) => (i === lines.length - 1 ? [...lines[i]!.delayed, ...unreached] : lines[i]!.delayed);
      return {
        scenario: {
          seed,
          groups: groups.map((agents, g) => ({ name: `g${g}`, agents })),
          lines: lines.map((line, i) => ({
            name: `line${i}`,
            arrivals: { intervalSeconds: 1800, perInterval: line.perInterval },
            handleTime: { type: 'exponential' as const, meanSeconds: line.meanHandle },
            ...(line.patience === undefined ? {} : { patience: { type: 'exponential' as const, meanSeconds: line.patience } }),
            routing: [
              { group: `g${line.first}` },
              ...delayedOf(i).filter((g) => g !== line.first).map((g, j) => ({ group: `g${g}`, afterSeconds: line.afterSeconds * (j + 1) })),
            ],
          })),
        },
        target,
        maxIterations,
      };
    });
}
