import { describe, expect, test } from 'vitest';
import { AnalyticInputError, agentsFor, erlangA, erlangB, erlangC } from '../../src/analytic';
import { InvalidInputError } from '../../src/errors';

/** Runs `call`, expecting an AnalyticInputError, and returns it. */
function rejection(call: () => unknown): AnalyticInputError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(AnalyticInputError);
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as AnalyticInputError;
  }
  throw new Error('expected an AnalyticInputError, but the call returned');
}

const load = { arrivalsPerHour: 600, meanHandleSeconds: 300 };

describe('invalid arguments are rejected with errors naming the argument, the value and what was expected', () => {
  test('non-integer agents', () => {
    expect(rejection(() => erlangC({ ...load, agents: 52.5 })).message).toBe(
      'erlangC: agents must be a positive integer, got 52.5',
    );
  });

  test.each([0, -3, Number.NaN, Infinity])('agents %f', (agents) => {
    const error = rejection(() => erlangA({ ...load, meanPatienceSeconds: 120, agents }));
    expect(error.issues).toEqual([{ function: 'erlangA', argument: 'agents', expected: 'a positive integer', received: agents }]);
    expect(error.message).toContain(`agents must be a positive integer, got ${String(agents)}`);
  });

  test('every bad argument is listed at once, one line each', () => {
    const error = rejection(() =>
      erlangC({ arrivalsPerHour: -5, meanHandleSeconds: Number.NaN, agents: 2.5, serviceLevelSeconds: -1 }),
    );
    expect(error.message.split('\n')).toEqual([
      'erlangC: arrivalsPerHour must be a finite number at least 0, got -5',
      'erlangC: meanHandleSeconds must be a positive finite number, got NaN',
      'erlangC: agents must be a positive integer, got 2.5',
      'erlangC: serviceLevelSeconds must be a finite number at least 0, got -1',
    ]);
    expect(error.issues.map((issue) => issue.argument)).toEqual([
      'arrivalsPerHour',
      'meanHandleSeconds',
      'agents',
      'serviceLevelSeconds',
    ]);
  });

  test('erlangB checks its arguments too', () => {
    expect(rejection(() => erlangB({ arrivalsPerHour: Number.NaN, meanHandleSeconds: 0, agents: 1 })).message).toBe(
      'erlangB: arrivalsPerHour must be a finite number at least 0, got NaN\n' +
        'erlangB: meanHandleSeconds must be a positive finite number, got 0',
    );
  });

  test('a patience of zero, a negative one, or a missing one is rejected', () => {
    for (const meanPatienceSeconds of [0, -60, undefined]) {
      const error = rejection(() => erlangA({ ...load, agents: 50, meanPatienceSeconds: meanPatienceSeconds as number }));
      expect(error.message).toBe(
        `erlangA: meanPatienceSeconds must be a positive finite number, got ${String(meanPatienceSeconds)}`,
      );
    }
  });

  test('infinite patience points to erlangC', () => {
    expect(rejection(() => erlangA({ ...load, agents: 50, meanPatienceSeconds: Infinity })).message).toContain(
      'use erlangC',
    );
  });

  test('values of the wrong type are shown as received', () => {
    const error = rejection(() => erlangC({ arrivalsPerHour: '600' as unknown as number, meanHandleSeconds: 300, agents: 60 }));
    expect(error.message).toBe('erlangC: arrivalsPerHour must be a finite number at least 0, got "600"');
  });

  test('a missing argument object is rejected, not read', () => {
    expect(rejection(() => erlangC(undefined as never)).message).toBe(
      'erlangC: input must be an object of named arguments, got undefined',
    );
  });
});

describe('an unstable Erlang C load is an error that says so', () => {
  test('more Erlangs than agents', () => {
    // 74.4 calls an hour of 300 s = 6.2 Erlangs on 6 agents
    expect(rejection(() => erlangC({ arrivalsPerHour: 74.4, meanHandleSeconds: 300, agents: 6 })).message).toBe(
      'erlangC: unstable: offered load 6.2 Erlangs is at or above 6 agents; waits grow without bound ' +
        '(use erlangA with patience, or more agents)',
    );
  });

  test('exactly as many Erlangs as agents', () => {
    const error = rejection(() => erlangC({ arrivalsPerHour: 72, meanHandleSeconds: 300, agents: 6 }));
    expect(error.message).toContain('offered load 6 Erlangs is at or above 6 agents');
    expect(error.issues[0]?.argument).toBe('agents');
  });

  test('Erlang A has no such limit', () => {
    expect(erlangA({ arrivalsPerHour: 74.4, meanHandleSeconds: 300, meanPatienceSeconds: 60, agents: 6 }).probWait).toBeLessThan(1);
  });
});

describe('agentsFor targets', () => {
  test('exactly one target', () => {
    const error = rejection(() =>
      agentsFor({ ...load, meanPatienceSeconds: 60, target: { serviceLevel: 0.8, probAbandon: 0.05 } as never }),
    );
    expect(error.message).toBe(
      'agentsFor: target must be an object with exactly one of serviceLevel, meanWaitSeconds, probAbandon, got an object',
    );
  });

  test('a service level of 1 can never be met', () => {
    expect(rejection(() => agentsFor({ ...load, target: { serviceLevel: 1 } })).issues[0]?.argument).toBe(
      'target.serviceLevel',
    );
  });

  test('an abandonment target needs a patience', () => {
    const error = rejection(() => agentsFor({ ...load, target: { probAbandon: 0.05 } } as never));
    expect(error.message).toContain('agentsFor: meanPatienceSeconds must be a positive finite number for a probAbandon target');
  });

  test('bad load and bad target together', () => {
    const error = rejection(() => agentsFor({ arrivalsPerHour: -1, meanHandleSeconds: 300, target: { meanWaitSeconds: 0 } }));
    expect(error.issues.map((issue) => issue.argument)).toEqual(['arrivalsPerHour', 'target.meanWaitSeconds']);
  });
});

describe('the largest center', () => {
  test('more than 1,000,000 agents is rejected, not looped over', () => {
    expect(rejection(() => erlangB({ ...load, agents: 2_000_000 })).message).toBe(
      'erlangB: agents must be at most 1000000 (the largest center these formulas compute), got 2000000',
    );
  });

  test('a load that would need more is rejected by agentsFor', () => {
    const error = rejection(() => agentsFor({ arrivalsPerHour: 2e7, meanHandleSeconds: 300, target: { serviceLevel: 0.8 } }));
    expect(error.issues.map((issue) => issue.argument)).toEqual(['arrivalsPerHour']);
  });

  test('as is a target that needs more agents than that', () => {
    // 999,000 Erlangs with a mean wait of 1e-300 s needs more than 1,000,000 agents.
    const error = rejection(() =>
      agentsFor({ arrivalsPerHour: 999_000 * 12, meanHandleSeconds: 300, target: { meanWaitSeconds: 1e-300 } }),
    );
    expect(error.issues[0]?.argument).toBe('target');
  });
});
