import { describe, expect, it } from 'vitest';
import { SnapshotError, forecastWait, snapshotProblems, type MultiLineSnapshot, type Scenario } from '../../src';

// Two lines, A and B, over one shared group of 20 agents with exponential calls of 300 s:
// the pool, all busy, finishes calls at rate 20 / 300 s whatever their elapsed times.
const agents = 20;
const meanHandleSeconds = 300;
const rate = agents / meanHandleSeconds;

function center(a: { priority?: number; perInterval: number[] }): Scenario {
  return {
    durationSeconds: 8 * 3600,
    lines: [
      { name: 'A', priority: a.priority ?? 0, arrivals: { intervalSeconds: 3600, perInterval: [...a.perInterval, ...Array(8 - a.perInterval.length).fill(a.perInterval.at(-1))] },
        handleTime: { type: 'exponential', meanSeconds: meanHandleSeconds }, routing: [{ group: 'shared' }] },
      { name: 'B', arrivals: { perHour: 120 }, handleTime: { type: 'exponential', meanSeconds: meanHandleSeconds }, routing: [{ group: 'shared' }] },
    ],
    groups: [{ name: 'shared', agents }],
  };
}

function allBusy(holdA: number, holdB: number, timeOfDaySeconds: number): MultiLineSnapshot {
  return {
    lines: {
      A: { hold: Array.from({ length: holdA }, (_, i) => ({ waitedSeconds: 60 - i })) },
      B: { hold: Array.from({ length: holdB }, (_, i) => ({ waitedSeconds: 50 - i })) },
    },
    groups: { shared: { agents, busy: Array.from({ length: agents }, (_, i) => ({ elapsedSeconds: 11 * i, line: i % 2 ? 'A' : 'B' })) } },
    timeOfDaySeconds,
  };
}

describe('forecastWait on a multi-line center', () => {
  it('is exact when no later caller can go first: equal priorities, everyone on hold ahead', () => {
    // A and B have the same priority and the new caller of B will have waited longer than any
    // later caller of A, so exactly the 3 + 4 callers on hold are answered first: the wait is
    // the 8th completion of a pool finishing at rate 20 / 300 s, Gamma(8, 1/15 s), mean 120 s,
    // sd 42.4 s, though 300 calls an hour keep arriving on A.
    const replications = 10_000;
    const ahead = 3 + 4;
    const forecast = forecastWait(center({ perInterval: [300] }), allBusy(3, 4, 600), { line: 'B', replications, seed: 5 });
    const mean = (ahead + 1) / rate;
    const sd = Math.sqrt(ahead + 1) / rate;
    // 4 standard errors of the mean of 10,000 futures: 1.7 s. Serving A's later callers first
    // (a wrong tie-break) adds 25 calls an hour x 2 minutes, about 10 s, and fails.
    expect(Math.abs(forecast.meanSeconds - mean)).toBeLessThan((4 * sd) / Math.sqrt(replications));
    expect(forecast.probAbandon).toBe(0);
  });

  it("is longer when a higher-priority line's later callers arrive during the wait, by the first-passage time", () => {
    // A has priority. From 01:00 it gets 180 calls an hour, none before. At 00:10, the new
    // caller of B, behind 4 of B on hold, needs 5 completions, and nobody of A can come before
    // 01:00: Gamma(5, 1/15 s), mean 75 s. At 01:10 every caller of A who arrives while they
    // wait is answered first and adds one completion to wait for: the wait is the time a walk
    // down at 20/300 s and up at 180/3600 s takes from 5 to 0, mean 5 / (1/15 - 1/20) = 300 s,
    // variance 5 (1/15 + 1/20) / (1/15 - 1/20)^3 (the walk is a birth-death first passage).
    const replications = 10_000;
    const scenario = center({ priority: 1, perInterval: [0, 180] });
    const quiet = forecastWait(scenario, allBusy(0, 4, 600), { line: 'B', replications, seed: 7 });
    const busy = forecastWait(scenario, allBusy(0, 4, 4200), { line: 'B', replications, seed: 7 });
    const up = 180 / 3600;
    const quietSd = Math.sqrt(5) / rate;
    const busySd = Math.sqrt((5 * (rate + up)) / (rate - up) ** 3);
    expect(Math.abs(quiet.meanSeconds - 5 / rate)).toBeLessThan((4 * quietSd) / Math.sqrt(replications));
    expect(Math.abs(busy.meanSeconds - 5 / (rate - up))).toBeLessThan((4 * busySd) / Math.sqrt(replications));
    expect(busy.meanSeconds).toBeGreaterThan(3 * quiet.meanSeconds);
    // The same arrivals on A at equal priority wait behind B's new caller: no longer than quiet.
    const equal = forecastWait(center({ priority: 0, perInterval: [0, 180] }), allBusy(0, 4, 4200), { line: 'B', replications, seed: 7 });
    expect(Math.abs(equal.meanSeconds - 5 / rate)).toBeLessThan((4 * quietSd) / Math.sqrt(replications));
  });

  it('answers 0 when a group that takes the line at once has an idle agent', () => {
    const snapshot = allBusy(0, 0, 0);
    snapshot.groups.shared!.agents = agents + 1;
    expect(forecastWait(center({ perInterval: [300] }), snapshot, { line: 'A' })).toMatchObject({ meanSeconds: 0, announceSeconds: 0, offerCallback: false });
  });

  it('gives the same answer for the same state and seed', () => {
    const scenario = center({ priority: 1, perInterval: [200] });
    expect(forecastWait(scenario, allBusy(2, 3, 100), { line: 'B', seed: 3 })).toEqual(forecastWait(scenario, allBusy(2, 3, 100), { line: 'B', seed: 3 }));
  });

  it('lists every problem of a multi-line snapshot with its path, unknown lines and groups included', () => {
    const scenario = center({ perInterval: [300] });
    const snapshot = {
      lines: { B: { hold: [{ waitedSeconds: 3 }, { waitedSeconds: 2 }, { waitedSeconds: -1 }] }, C: {} },
      groups: { shared: { agents: 2, busy: [{ elapsedSeconds: 5, line: 'Z' }] }, extra: { agents: 1 } },
    };
    // The shape and the names in one list: a negative wait does not hide an unknown line.
    expect(snapshotProblems(snapshot, scenario, 'D')).toEqual([
      { path: 'lines.B.hold[2].waitedSeconds', expected: 'a number >= 0', received: -1 },
      { path: 'lines.C', expected: 'a line of the scenario (one of "A", "B")', received: {} },
      { path: 'groups.extra', expected: 'a group of the scenario (one of "shared")', received: { agents: 1 } },
      { path: 'groups.shared.busy[0].line', expected: 'a line that group shared serves (one of "A", "B")', received: 'Z' },
      { path: 'line', expected: 'a line of the scenario (one of "A", "B")', received: 'D' },
    ]);
    snapshot.lines.B.hold[2]!.waitedSeconds = 1;
    expect(() => forecastWait(scenario, snapshot as MultiLineSnapshot, { line: 'B' })).toThrow(SnapshotError);
    expect(() => forecastWait(scenario, { lines: {}, groups: { shared: { agents: 1 } } }, { line: 'D' })).toThrow(/options.line must name a line.*"A", "B"/);
    expect(() => forecastWait(scenario, { lines: {}, groups: {} }, { line: 'A' })).toThrow(/groups.shared: expected \{ agents, busy \}/);
    // The single-line form is refused for a multi-line scenario, and the other way round; a
    // single line is "main", and no other.
    expect(snapshotProblems({ agents: 1, busy: [], hold: [], callbacks: [] }, scenario)[0]!.expected).toMatch(/multi-line form/);
    const single: Scenario = { arrivals: { perHour: 60 }, agents: 2, durationSeconds: 3600, handleTime: { type: 'exponential', meanSeconds: 300 } };
    expect(snapshotProblems({ lines: {}, groups: {} }, single)[0]!.expected).toMatch(/single-line form/);
    expect(() => forecastWait(single, { agents: 2, busy: [], hold: [], callbacks: [] }, { line: 'B' })).toThrow(/options.line must name a line of the scenario \(one of "main"\)/);
    expect(forecastWait(single, { agents: 2, busy: [], hold: [], callbacks: [] }, { line: 'main' }).meanSeconds).toBe(0);
  });

  it('says when nobody on duty can answer the line', () => {
    const problems = snapshotProblems({ lines: {}, groups: { shared: { agents: 0 } } }, center({ perInterval: [300] }), 'A');
    expect(problems).toEqual([{ path: 'groups', expected: 'an agent on duty in a group that serves line A (one of "shared")', received: { shared: 0 } }]);
  });
});
