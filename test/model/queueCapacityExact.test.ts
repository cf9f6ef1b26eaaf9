import { describe, expect, it } from 'vitest';
import type { Report } from '../../src';
import { solveStationary } from '../support/ctmc';
import { POINT, check, exponential, reportsOf, steadyState, waitTolerance } from '../support/exactChecks';

// A center-wide queue capacity (queueCapacity) against an exact Markov chain
// (test/support/ctmc.ts), with the tolerance of multiLineExact.test.ts (16 replications, 4.5
// standard errors, test/support/exactChecks.ts).

describe('queue capacity: exact Markov chain', () => {
  // Two lines, each with a group of its own (3 agents for `one`, 2 for `two`), and at most 3
  // callers on hold over both. A caller who must wait when 3 hold, on either line, is
  // disconnected. The chain: (calls of `one` in the center, calls of `two`); either line's
  // callers on hold are its calls beyond its agents.
  //
  // Wrong versions caught: the capacity counted per line (3 on hold on each) disconnects 4.4%
  // of `one`'s calls and 4.2% of `two`'s instead of 7.3% and 7.6%, and raises the mean waits
  // of those who held from 38.8 s to 43.4 s (`one`) and 71.8 s to 77.4 s (`two`); no capacity
  // at all disconnects nobody. Tolerances are under 1 point and 5% of the wait.
  it('a caller who must wait when the center holds queueCapacity callers is disconnected, whichever line they call', async () => {
    const load = { one: { perHour: 40, handleSeconds: 240, agents: 3 }, two: { perHour: 25, handleSeconds: 300, agents: 2 }, patienceSeconds: 300, capacity: 3 };
    const exact = twoLinesSharedCapacity(load);
    const line = (name: 'one' | 'two') => ({
      name,
      arrivals: { perHour: load[name].perHour },
      handleTime: exponential(load[name].handleSeconds),
      patience: exponential(load.patienceSeconds),
      routing: [{ group: name }],
    });
    const scenario = steadyState(
      {
        queueCapacity: load.capacity,
        lines: [line('one'), line('two')],
        groups: [
          { name: 'one', agents: load.one.agents },
          { name: 'two', agents: load.two.agents },
        ],
      },
      { slowestMeanSeconds: load.patienceSeconds, seed: 80 },
    );
    const reports = await reportsOf(scenario);
    const of = (r: Report, name: string) => r.lines[name] as NonNullable<Report['lines'][string]>;
    for (const name of ['one', 'two'] as const) {
      const e = exact[name];
      check(`${name}: share disconnected`, reports.map((r) => of(r, name).callers.disconnected / of(r, name).callers.offered), e.disconnected, POINT);
      check(`${name}: share abandoned`, reports.map((r) => of(r, name).callers.abandoned / of(r, name).callers.offered), e.abandoned, POINT);
      check(`${name}: mean wait of those who held`, reports.map((r) => of(r, name).hold.meanSeconds), e.meanWaitSeconds, waitTolerance(e.meanWaitSeconds));
    }
  });
});

/** State [calls of `one` in the center, calls of `two`]. */
function twoLinesSharedCapacity(load: {
  one: { perHour: number; handleSeconds: number; agents: number };
  two: { perHour: number; handleSeconds: number; agents: number };
  patienceSeconds: number;
  capacity: number;
}) {
  const lines = [load.one, load.two];
  const lambda = lines.map((l) => l.perHour / 3600);
  const mu = lines.map((l) => 1 / l.handleSeconds);
  const n = lines.map((l) => l.agents);
  const theta = 1 / load.patienceSeconds;
  const chain = solveStationary({
    initial: [0, 0],
    inside: () => true, // the capacity bounds the chain
    transitions: (state, emit) => {
      const onHold = [0, 1].map((i) => Math.max(0, state[i]! - n[i]!));
      const holding = onHold[0]! + onHold[1]!;
      for (const i of [0, 1]) {
        const arrived = [...state];
        arrived[i]!++;
        if (state[i]! >= n[i]! && holding >= load.capacity) emit(lambda[i]!, state, `disconnected ${i}`);
        else emit(lambda[i]!, arrived);
        const left = [...state];
        left[i]!--;
        if (state[i]! > 0) emit(Math.min(state[i]!, n[i]!) * mu[i]!, left);
        if (onHold[i]! > 0) emit(onHold[i]! * theta, left, `abandoned ${i}`);
      }
    },
  });
  expect(chain.boundaryMass).toBe(0);
  const figures = (i: number) => {
    const disconnected = chain.flow(`disconnected ${i}`) / lambda[i]!;
    return {
      disconnected,
      abandoned: chain.flow(`abandoned ${i}`) / lambda[i]!,
      // Little's law over the calls that held (everyone but the disconnected).
      meanWaitSeconds: chain.expectation((s) => Math.max(0, s[i]! - n[i]!)) / (lambda[i]! * (1 - disconnected)),
    };
  };
  return { one: figures(0), two: figures(1) };
}
