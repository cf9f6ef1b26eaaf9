import { describe, expect, it } from 'vitest';
import { scenarioProblems, type MultiLineScenario } from '../../src';

// Validation of what agents do besides talking (after-call work, agent selection, a group's
// own order of lines): every mistake listed at once, each with its path.

const exponential = { type: 'exponential', meanSeconds: 60 } as const;

function center(): MultiLineScenario {
  return {
    durationSeconds: 3600,
    lines: [
      { name: 'english', arrivals: { perHour: 60 }, handleTime: { type: 'exponential', meanSeconds: 240 }, routing: [{ group: 'english' }, { group: 'bilingual' }] },
      { name: 'spanish', arrivals: { perHour: 30 }, handleTime: { type: 'exponential', meanSeconds: 300 }, routing: [{ group: 'bilingual' }] },
    ],
    groups: [
      { name: 'english', agents: 4 },
      { name: 'bilingual', agents: 3 },
    ],
  };
}

describe('after-call work', () => {
  it('is accepted on a line, on a route, and in the single-line form', () => {
    const scenario = center();
    const withWrapUp = {
      ...scenario,
      lines: [{ ...scenario.lines[0]!, afterCallWork: exponential, routing: [{ group: 'english', afterCallWork: { type: 'fixed', seconds: 0 } }, { group: 'bilingual' }] }, scenario.lines[1]!],
    };
    expect(scenarioProblems(withWrapUp)).toEqual([]);
    expect(scenarioProblems({ arrivals: { perHour: 60 }, agents: 3, durationSeconds: 3600, handleTime: exponential, afterCallWork: exponential })).toEqual([]);
  });

  it('lists every malformed wrap-up with its path', () => {
    const scenario = center();
    const problems = scenarioProblems({
      ...scenario,
      lines: [
        { ...scenario.lines[0]!, afterCallWork: { type: 'exponential', meanSeconds: -5 } },
        { ...scenario.lines[1]!, routing: [{ group: 'bilingual', afterCallWork: { type: 'uniform', minSeconds: 30, maxSeconds: 10 } }] },
      ],
    });
    expect(problems).toEqual([
      { path: 'lines[0].afterCallWork.meanSeconds', expected: 'a number > 0', received: -5 },
      { path: 'lines[1].routing[0].afterCallWork.maxSeconds', expected: 'a number >= minSeconds (30)', received: 10 },
    ]);
  });

  it('is said to belong on a line when given at the top of a multi-line scenario', () => {
    expect(scenarioProblems({ ...center(), afterCallWork: exponential })).toEqual([
      { path: 'afterCallWork', expected: 'no top-level field of the single-line form beside lines (give it on each line)', received: exponential },
    ]);
  });
});

describe('agent selection', () => {
  it('takes the three rules, in either form', () => {
    for (const agentSelection of ['route-order', 'longest-idle', 'random'] as const) {
      expect(scenarioProblems({ ...center(), agentSelection })).toEqual([]);
    }
    expect(scenarioProblems({ arrivals: { perHour: 60 }, agents: 3, durationSeconds: 3600, handleTime: exponential, agentSelection: 'random' })).toEqual([]);
  });

  it('lists an unknown rule with its path beside the other mistakes', () => {
    const scenario = center();
    expect(scenarioProblems({ ...scenario, agentSelection: 'fastest', lines: [{ ...scenario.lines[0]!, afterCallWork: { type: 'fixed', seconds: -1 } }, scenario.lines[1]!] })).toEqual([
      { path: 'agentSelection', expected: 'one of "route-order", "longest-idle", "random"', received: 'fastest' },
      { path: 'lines[0].afterCallWork.seconds', expected: 'a number >= 0', received: -1 },
    ]);
  });
});

describe("a group's own order of lines", () => {
  it('is accepted when it lists lines that route to the group', () => {
    const scenario = center();
    expect(scenarioProblems({ ...scenario, groups: [scenario.groups[0]!, { ...scenario.groups[1]!, lineOrder: ['spanish', 'english'] }] })).toEqual([]);
  });

  it('lists a line that does not route to the group, a line listed twice and an empty order, each with its path', () => {
    const scenario = center();
    expect(scenarioProblems({
      ...scenario,
      groups: [{ ...scenario.groups[0]!, lineOrder: ['spanish'] }, { ...scenario.groups[1]!, lineOrder: ['spanish', 'spanish'] }],
    })).toEqual([
      { path: 'groups[0].lineOrder[0]', expected: 'the name of a line that routes to english ("english")', received: 'spanish' },
      { path: 'groups[1].lineOrder[1]', expected: 'a line not listed already', received: 'spanish' },
    ]);
    expect(scenarioProblems({ ...scenario, groups: [{ ...scenario.groups[0]!, lineOrder: [] }, scenario.groups[1]!] })).toEqual([
      { path: 'groups[0].lineOrder', expected: 'at least 1 entries', received: [] },
    ]);
  });
});

describe('queue capacity', () => {
  it('takes a whole number of callers, 0 included, in either form', () => {
    expect(scenarioProblems({ ...center(), queueCapacity: 0 })).toEqual([]);
    expect(scenarioProblems({ arrivals: { perHour: 60 }, agents: 3, durationSeconds: 3600, handleTime: exponential, queueCapacity: 10 })).toEqual([]);
  });

  it('lists a negative or fractional capacity with its path', () => {
    expect(scenarioProblems({ ...center(), queueCapacity: -1 })).toEqual([{ path: 'queueCapacity', expected: 'a number >= 0', received: -1 }]);
    expect(scenarioProblems({ ...center(), queueCapacity: 2.5 })).toEqual([{ path: 'queueCapacity', expected: 'an integer', received: 2.5 }]);
  });
});

describe('redial variants', () => {
  const redial = { probability: 0.5, delay: exponential };

  it('takes the outcomes to redial after and what a redial keeps', () => {
    const scenario = center();
    const line = { ...scenario.lines[0]!, redial: { ...redial, after: ['abandoned' as const, 'busy' as const], keep: ['patience' as const, 'handleTime' as const] } };
    expect(scenarioProblems({ ...scenario, lines: [line, scenario.lines[1]!] })).toEqual([]);
  });

  it('lists an unknown outcome, an empty list and an unknown kept draw, each with its path', () => {
    const scenario = center();
    expect(scenarioProblems({
      ...scenario,
      lines: [
        { ...scenario.lines[0]!, redial: { ...redial, after: ['abandoned', 'hung up'], keep: ['patience', 'mood'] } },
        { ...scenario.lines[1]!, redial: { ...redial, after: [] } },
      ],
    })).toEqual([
      { path: 'lines[0].redial.after[1]', expected: 'one of "abandoned", "busy", "disconnected", "balked", "timedOut"', received: 'hung up' },
      { path: 'lines[0].redial.keep[1]', expected: 'one of "patience", "handleTime"', received: 'mood' },
      { path: 'lines[1].redial.after', expected: 'at least 1 entries', received: [] },
    ]);
  });
});
