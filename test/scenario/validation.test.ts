import { describe, expect, it } from 'vitest';
import { ScenarioError, run, scenarioProblems, validateScenario, type Scenario } from '../../src';
import { referenceScenario } from '../support/scenarios';

const valid = referenceScenario();

// Each malformed scenario, and the problems it must report: the field path, a word of what was
// expected, and the value received. Every problem must be found, not just the first.
const malformed: Array<{ name: string; input: unknown; problems: Array<{ path: string; expected: RegExp; received: unknown }> }> = [
  {
    name: 'negative arrival rate',
    input: { ...valid, arrivals: { perHour: -5 } },
    problems: [{ path: 'arrivals.perHour', expected: />= 0/, received: -5 }],
  },
  {
    name: 'NaN arrival rate',
    input: { ...valid, arrivals: { perHour: NaN } },
    problems: [{ path: 'arrivals.perHour', expected: /number/, received: NaN }],
  },
  {
    name: 'missing handleTime',
    input: { ...valid, handleTime: undefined },
    problems: [{ path: 'handleTime', expected: /object/, received: undefined }],
  },
  {
    name: 'unknown distribution type',
    input: { ...valid, handleTime: { type: 'weibull', meanSeconds: 300 } },
    problems: [{ path: 'handleTime.type', expected: /"exponential".*"empirical"/, received: 'weibull' }],
  },
  {
    name: 'empty arrival schedule',
    input: { ...valid, durationSeconds: undefined, arrivals: { intervalSeconds: 1800, perInterval: [] } },
    problems: [{ path: 'arrivals.perInterval', expected: /at least 1 entries/, received: [] }],
  },
  {
    name: 'arrival schedule shorter than the duration',
    input: { ...valid, durationSeconds: 7200, arrivals: { intervalSeconds: 1800, perInterval: [100, 120, 90] } },
    problems: [{ path: 'arrivals.perInterval', expected: /at least 4 intervals of 1800 s/, received: '3 intervals (5400 s)' }],
  },
  {
    name: 'warm-up past the end',
    input: { ...valid, warmupSeconds: 9 * 3600 },
    problems: [{ path: 'warmupSeconds', expected: /less than durationSeconds \(28800 s\)/, received: 32400 }],
  },
  {
    name: 'agents as a string',
    input: { ...valid, agents: '50' },
    problems: [{ path: 'agents', expected: /integer >= 1, or \{ intervalSeconds, perInterval \}/, received: '50' }],
  },
  {
    name: 'fractional agents in a schedule',
    input: { ...valid, agents: { intervalSeconds: 3600, perInterval: [10, 12.5, 8] } },
    problems: [{ path: 'agents.perInterval[1]', expected: /integer/, received: 12.5 }],
  },
  {
    name: 'no agents left at the end of the roster',
    input: { ...valid, agents: { intervalSeconds: 3600, perInterval: [10, 0] } },
    problems: [{ path: 'agents.perInterval[1]', expected: /at least 1 agent in the last interval/, received: 0 }],
  },
  {
    name: 'negative mean handle time and a lognormal without cv',
    input: { ...valid, handleTime: { type: 'lognormal', meanSeconds: -300 } },
    problems: [
      { path: 'handleTime.meanSeconds', expected: /> 0/, received: -300 },
      { path: 'handleTime.cv', expected: /number/, received: undefined },
    ],
  },
  {
    name: 'uniform with max below min',
    input: { ...valid, patience: { type: 'uniform', minSeconds: 300, maxSeconds: 100 } },
    problems: [{ path: 'patience.maxSeconds', expected: />= minSeconds \(300\)/, received: 100 }],
  },
  {
    name: 'fixed handle time of zero',
    input: { ...valid, handleTime: { type: 'fixed', seconds: 0 } },
    problems: [{ path: 'handleTime', expected: /mean above 0 s/, received: { type: 'fixed', seconds: 0 } }],
  },
  {
    name: 'a misspelt field',
    input: { ...valid, handletime: { type: 'fixed', seconds: 10 } },
    problems: [{ path: 'handletime', expected: /no such field/, received: { type: 'fixed', seconds: 10 } }],
  },
  {
    name: 'constant rate without a duration',
    input: { ...valid, durationSeconds: undefined },
    problems: [{ path: 'durationSeconds', expected: /required when neither arrivals nor agents/, received: undefined }],
  },
  {
    name: 'infinite duration and a seed that is not an integer',
    input: { ...valid, durationSeconds: Infinity, seed: 1.5 },
    problems: [
      { path: 'seed', expected: /integer/, received: 1.5 },
      { path: 'durationSeconds', expected: /number/, received: Infinity },
    ],
  },
  {
    name: 'not an object at all',
    input: 'arrivals: 570',
    problems: [{ path: '', expected: /object/, received: 'arrivals: 570' }],
  },
  {
    name: 'empirical handle times with a negative value, negative rate uncertainty',
    input: { ...valid, arrivals: { perHour: 100, rateUncertainty: { cv: -0.1 } }, handleTime: { type: 'empirical', seconds: [120, -3] } },
    problems: [
      { path: 'arrivals.rateUncertainty.cv', expected: />= 0/, received: -0.1 },
      { path: 'handleTime.seconds[1]', expected: />= 0/, received: -3 },
    ],
  },
  {
    name: 'a callback policy with every field wrong',
    input: {
      ...valid,
      callback: {
        offer: 'sometimes',
        optIn: { probability: 1.4 },
        position: 'front',
        dialSeconds: -5,
        answerProbability: -0.2,
        maxAttempts: 0,
        retryDelaySeconds: -60,
      },
    },
    problems: [
      { path: 'callback.offer', expected: /"always", \{ whenEstimatedWaitAtLeastSeconds \} or \{ whenQueueAtLeast \}/, received: 'sometimes' },
      { path: 'callback.optIn.probability', expected: /<= 1/, received: 1.4 },
      { path: 'callback.position', expected: /"keep-place", "after-hold"/, received: 'front' },
      { path: 'callback.dialSeconds', expected: />= 0/, received: -5 },
      { path: 'callback.answerProbability', expected: />= 0/, received: -0.2 },
      { path: 'callback.maxAttempts', expected: />= 1/, received: 0 },
      { path: 'callback.retryDelaySeconds', expected: />= 0/, received: -60 },
    ],
  },
  {
    name: 'a logistic opt-in without its slope',
    input: { ...valid, callback: { offer: { whenQueueAtLeast: 3 }, optIn: { logistic: { intercept: -1 } } } },
    problems: [{ path: 'callback.optIn.logistic.perMinute', expected: /number/, received: undefined }],
  },
];

describe('scenario validation', () => {
  it('accepts a valid scenario as it is', () => {
    expect(validateScenario(valid)).toBe(valid);
    expect(scenarioProblems(valid)).toEqual([]);
  });

  it.each(malformed)('rejects $name, naming every problem', ({ input, problems }) => {
    const found = scenarioProblems(input);
    expect(found).toHaveLength(problems.length);
    for (const problem of problems) {
      const match = found.find((p) => p.path === problem.path);
      expect(match, `a problem at ${problem.path} in ${JSON.stringify(found)}`).toBeDefined();
      expect(match!.expected).toMatch(problem.expected);
      expect(match!.received).toEqual(problem.received);
    }
    expect(() => validateScenario(input)).toThrow(ScenarioError);
  });

  it('rejects before anything is simulated, with one line per problem', async () => {
    const input = { ...valid, agents: -1, handleTime: { type: 'fixed' } } as unknown as Scenario;
    const error = await run(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as ScenarioError).message;
    expect(message).toContain('invalid scenario: 2 problems');
    expect(message).toContain('  - agents: expected a number >= 1, received -1');
    expect(message).toContain('  - handleTime.seconds: expected a number, received nothing (missing)');
  });
});
