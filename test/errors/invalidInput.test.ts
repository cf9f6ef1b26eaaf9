// One shape for every mistake in what queuecast is given: an InvalidInputError listing each
// problem as { path, expected, received, message }, whatever the input (scenario, snapshot,
// sweep, staffing options, function arguments, records, options).
import { describe, expect, it } from 'vitest';
import {
  AnalyticInputError,
  CalibrationError,
  InvalidInputError,
  OptionsError,
  ScenarioError,
  SnapshotError,
  StaffingOptionsError,
  SweepError,
  erlangC,
  fitScenario,
  forecastWait,
  replicate,
  requireSingleLine,
  simulateBatches,
  staffBySimulation,
  sweepCells,
  validateScenario,
  validateSnapshot,
  type Scenario,
} from '../../src';
import { loadScenarioFile, ScenarioFileError } from '../../src/node';
import { exitCodeOf } from '../../src/cli/errors';

const line: Scenario = { durationSeconds: 1800, arrivals: { perHour: 60 }, agents: 3, handleTime: { type: 'exponential', meanSeconds: 120 } };
const twoLines: Scenario = {
  durationSeconds: 1800,
  lines: [
    { name: 'a', arrivals: { perHour: 30 }, handleTime: { type: 'exponential', meanSeconds: 120 }, routing: [{ group: 'g' }] },
    { name: 'b', arrivals: { perHour: 30 }, handleTime: { type: 'exponential', meanSeconds: 120 }, routing: [{ group: 'g' }] },
  ],
  groups: [{ name: 'g', agents: 3 }],
};

async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('every input error is an InvalidInputError with problems { path, expected, received, message }', () => {
  it.each([
    ['a scenario', ScenarioError, () => validateScenario({ ...line, agents: 0 })],
    ['a snapshot', SnapshotError, () => validateSnapshot({ agents: -1, busy: [], hold: [], callbacks: [] })],
    ['a sweep', SweepError, () => sweepCells(line, { 'callback.optIn.probabilty': [0.1] })],
    ['staffing options', StaffingOptionsError, () => staffBySimulation(line, { target: { serviceLevel: 1.2 }, replications: 2 })],
    ['an Erlang formula', AnalyticInputError, () => erlangC({ arrivalsPerHour: -1, meanHandleSeconds: 300, agents: 2.5 })],
    ['records', CalibrationError, () => fitScenario([])],
    ['replication options', OptionsError, () => replicate(line, { replications: 1 })],
    ['stream options', OptionsError, () => simulateBatches(line, { batchSize: 0 })],
    ['forecast options', OptionsError, () => forecastWait(line, { agents: 3, busy: [], hold: [], callbacks: [] }, { replications: 0 })],
    ['a multi-line scenario where one line is needed', InvalidInputError, () => requireSingleLine(twoLines, 'Erlang staffing')],
    ['a scenario file', ScenarioFileError, () => loadScenarioFile('no-such-scenario.yaml')],
  ])('%s', async (_input, kind, call) => {
    const error = await thrown(call);
    expect(error).toBeInstanceOf(kind);
    expect(error).toBeInstanceOf(InvalidInputError);
    const { problems } = error as InvalidInputError;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toEqual({ path: expect.any(String), expected: expect.any(String), received: problem.received, message: expect.any(String) });
      expect(Object.keys(problem)).toContain('received');
      expect(problem.message.length).toBeGreaterThan(0);
    }
  });

  it('a scenario problem reads as zod reads an issue: the path apart, the message without it', () => {
    const error = (() => {
      try {
        validateScenario({ ...line, callback: { offer: 'always', optIn: { probability: 1.4 } } });
      } catch (e) {
        return e as ScenarioError;
      }
    })();
    expect(error?.problems).toEqual([
      { path: 'callback.optIn.probability', expected: 'a number <= 1', received: 1.4, message: 'expected a number <= 1, received 1.4' },
    ]);
  });

  it('bad options name each option, and the message keeps the form "caller: option must be ..., got ..."', async () => {
    const error = (await thrown(() => replicate(line, { replications: 4, confidence: 1.2, seed: 0.5 }))) as OptionsError;
    expect(error.message).toBe('replicate: seed must be an integer, got 0.5; confidence must be a number in (0, 1), got 1.2');
    expect(error.problems).toEqual([
      { path: 'seed', expected: 'an integer', received: 0.5, message: 'seed must be an integer, got 0.5' },
      { path: 'confidence', expected: 'a number in (0, 1)', received: 1.2, message: 'confidence must be a number in (0, 1), got 1.2' },
    ]);
  });

  it('an Erlang formula names its arguments as paths', async () => {
    const error = (await thrown(() => erlangC({ arrivalsPerHour: -1, meanHandleSeconds: 300, agents: 2.5 }))) as AnalyticInputError;
    expect(error.problems.map((p) => [p.path, p.received])).toEqual([
      ['arrivalsPerHour', -1],
      ['agents', 2.5],
    ]);
  });
});

describe('the CLI tells invalid input from a failure by class alone', () => {
  it.each([
    ['options', new OptionsError('replicate', [{ path: 'replications', expected: 'an integer >= 2', received: 1 }]), 2],
    ['a scenario', new ScenarioError([{ path: 'agents', expected: 'an integer >= 1', received: 0 }]), 2],
    ['records', new CalibrationError(['no call records: the file has a header at most']), 2],
    ['a RangeError from a bug, whatever its message says', new RangeError('replications must be an integer >= 2, got 1'), 1],
    ['anything else', new Error('disk on fire'), 1],
  ])('%s', (_what, error, code) => {
    expect(exitCodeOf(error)).toBe(code);
  });
});
