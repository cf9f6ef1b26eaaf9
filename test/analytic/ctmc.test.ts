import { describe, expect, test } from 'vitest';
import { erlangA, erlangB, erlangC } from '../../src/analytic';
import { solveBirthDeath } from '../support/birthDeath';
import { solveStationary } from '../support/ctmc';
import { arrivalsPerHourFor, expectRelative } from './relative';

// The general chain solver of test/support/ctmc.ts (breadth-first enumeration, truncation,
// Gauss–Seidel sweeps), which the multi-line tests use as their exact reference, checked here
// against chains whose answers are known independently: M/M/n and M/M/n+M against the closed
// forms of src/analytic and the state-by-state birth–death solution of test/support, and a
// two-class loss system (a two-dimensional chain) against Erlang B, which its product form
// reduces to. Agreement is about 1e-11 here; 1e-9 still catches any wrong transition, label
// or normalization (those move the first few digits).
const TOLERANCE = 1e-9;

interface Case {
  agents: number;
  erlangs: number;
  meanHandleSeconds: number;
  meanPatienceSeconds?: number;
  /** Callers on hold kept by the truncation. */
  maxQueue: number;
  note: string;
}

const cases: Case[] = [
  { agents: 1, erlangs: 0.5, meanHandleSeconds: 60, maxQueue: 80, note: 'M/M/1' },
  { agents: 5, erlangs: 4, meanHandleSeconds: 300, maxQueue: 200, note: 'Erlang C at 80%' },
  { agents: 20, erlangs: 17, meanHandleSeconds: 300, maxQueue: 300, note: 'Erlang C at 85%' },
  { agents: 10, erlangs: 9, meanHandleSeconds: 300, meanPatienceSeconds: 600, maxQueue: 120, note: 'Erlang A at 90%' },
  { agents: 5, erlangs: 8, meanHandleSeconds: 300, meanPatienceSeconds: 120, maxQueue: 100, note: 'Erlang A overloaded' },
  { agents: 50, erlangs: 47.5, meanHandleSeconds: 300, meanPatienceSeconds: 600, maxQueue: 150, note: 'the reference model' },
];

describe('the chain solver reproduces Erlang C and Erlang A', () => {
  for (const c of cases) {
    test(c.note, () => {
      const arrivalsPerHour = arrivalsPerHourFor(c.erlangs, c.meanHandleSeconds);
      const lambda = arrivalsPerHour / 3600;
      const mu = 1 / c.meanHandleSeconds;
      const theta = c.meanPatienceSeconds === undefined ? 0 : 1 / c.meanPatienceSeconds;
      const n = c.agents;
      const chain = solveStationary({
        initial: [0],
        inside: ([k]) => (k as number) <= n + c.maxQueue,
        transitions: ([k = 0], emit) => {
          emit(lambda, [k + 1]);
          if (k > 0) emit(Math.min(k, n) * mu, [k - 1], 'answered-call-ends');
          if (k > n) emit((k - n) * theta, [k - 1], 'abandoned');
        },
      });
      expect(chain.boundaryMass, 'mass where the truncation cuts').toBeLessThan(1e-15);
      const onHold = chain.expectation(([k = 0]) => Math.max(0, k - n));
      const solved = {
        probWait: chain.probability(([k = 0]) => k >= n),
        meanWaitSeconds: onHold / lambda,
        occupancy: chain.expectation(([k = 0]) => Math.min(k, n)) / n,
        probAbandon: chain.flow('abandoned') / lambda,
      };
      const load = { arrivalsPerHour, meanHandleSeconds: c.meanHandleSeconds, agents: n };
      const closedForm =
        c.meanPatienceSeconds === undefined ? { ...erlangC(load), probAbandon: 0 } : erlangA({ ...load, meanPatienceSeconds: c.meanPatienceSeconds });
      const birthDeath = solveBirthDeath(c.meanPatienceSeconds === undefined ? load : { ...load, meanPatienceSeconds: c.meanPatienceSeconds });
      for (const field of ['probWait', 'meanWaitSeconds', 'occupancy', 'probAbandon'] as const) {
        expectRelative(solved[field], closedForm[field], TOLERANCE, `${field} against the closed form`);
        expectRelative(solved[field], birthDeath[field], TOLERANCE, `${field} against the birth–death chain`);
      }
      // Flow conservation: every arrival leaves, answered or abandoned.
      expectRelative(chain.flow('answered-call-ends') + chain.flow('abandoned'), lambda, TOLERANCE, 'departures');
    });
  }

  test('a two-dimensional chain: two classes sharing 10 agents without a queue is Erlang B on the total load', () => {
    // Class 1: 3 Erlangs of 200 s calls; class 2: 4 Erlangs of 500 s calls. The stationary
    // distribution has a product form, so the blocking is Erlang B(7 Erlangs, 10 agents) for
    // both classes, insensitive to how the load splits; each class's busy agents average its
    // carried load.
    const n = 10;
    const classes = [
      { erlangs: 3, meanHandleSeconds: 200 },
      { erlangs: 4, meanHandleSeconds: 500 },
    ];
    const rates = classes.map((k) => ({ lambda: k.erlangs / k.meanHandleSeconds, mu: 1 / k.meanHandleSeconds }));
    const chain = solveStationary({
      initial: [0, 0],
      inside: ([a = 0, b = 0]) => a + b <= n,
      transitions: (state, emit) => {
        const busy = (state[0] as number) + (state[1] as number);
        rates.forEach(({ lambda, mu }, i) => {
          const next = state.slice();
          if (busy < n) {
            next[i] = (state[i] as number) + 1;
            emit(lambda, next);
          } else {
            emit(lambda, state, `blocked-${i}`);
          }
          const down = state.slice();
          down[i] = (state[i] as number) - 1;
          if ((state[i] as number) > 0) emit((state[i] as number) * mu, down);
        });
      },
    });
    expect(chain.states.length).toBe(66);
    expect(chain.boundaryMass).toBe(0);
    const blocking = erlangB({ arrivalsPerHour: arrivalsPerHourFor(7, 1), meanHandleSeconds: 1, agents: n });
    rates.forEach(({ lambda }, i) => {
      expectRelative(chain.flow(`blocked-${i}`) / lambda, blocking, TOLERANCE, `blocking of class ${i + 1}`);
      const carried = (classes[i] as { erlangs: number }).erlangs * (1 - blocking);
      expectRelative(chain.expectation((s) => s[i] as number), carried, TOLERANCE, `busy agents of class ${i + 1}`);
    });
  });
});
