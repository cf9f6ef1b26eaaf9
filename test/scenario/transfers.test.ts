import { describe, expect, it } from 'vitest';
import { resolveScenario, scenarioProblems, type MultiLineScenario } from '../../src';

// Validation of transfers between lines (routing[].transfer): every mistake listed at once,
// each with its path.

function center(): MultiLineScenario {
  return {
    durationSeconds: 3600,
    lines: [
      { name: 'sales', arrivals: { perHour: 60 }, handleTime: { type: 'exponential', meanSeconds: 240 }, routing: [{ group: 'front' }] },
      { name: 'support', arrivals: { perHour: 30 }, handleTime: { type: 'exponential', meanSeconds: 300 }, routing: [{ group: 'back' }, { group: 'front' }] },
    ],
    groups: [
      { name: 'front', agents: 4 },
      { name: 'back', agents: 3 },
    ],
  };
}

describe('transfers', () => {
  it('are accepted to another line, with a probability in [0, 1], and resolve to its index', () => {
    const scenario = center();
    const withTransfers: MultiLineScenario = {
      ...scenario,
      lines: [
        { ...scenario.lines[0]!, routing: [{ group: 'front', transfer: { probability: 0.2, toLine: 'support' } }] },
        { ...scenario.lines[1]!, routing: [{ group: 'back', transfer: { probability: 0, toLine: 'sales' } }, { group: 'front', transfer: { probability: 1, toLine: 'sales' } }] },
      ],
    };
    expect(scenarioProblems(withTransfers)).toEqual([]);
    const resolved = resolveScenario(withTransfers);
    expect(resolved.lines[0]!.routing[0]!.transfer).toEqual({ probability: 0.2, toLine: 1 });
    expect(resolved.lines[1]!.routing[1]!.transfer).toEqual({ probability: 1, toLine: 0 });
    expect(resolveScenario(scenario).lines[0]!.routing[0]!.transfer).toBeUndefined();
  });

  it('list every mistake with its path: an unknown line, the same line, a probability outside [0, 1], a missing or extra field', () => {
    const scenario = center();
    const problems = scenarioProblems({
      ...scenario,
      lines: [
        { ...scenario.lines[0]!, routing: [{ group: 'front', transfer: { probability: 1.5, toLine: 'billing' } }] },
        {
          ...scenario.lines[1]!,
          routing: [
            { group: 'back', transfer: { probability: 0.1, toLine: 'support' } },
            { group: 'front', transfer: { probability: -0.1, toLine: 'sales', after: 'answered' } },
          ],
        },
      ],
    });
    expect(problems).toEqual([
      { path: 'lines[0].routing[0].transfer.probability', expected: 'a number <= 1', received: 1.5 },
      { path: 'lines[1].routing[1].transfer.probability', expected: 'a number >= 0', received: -0.1 },
      { path: 'lines[1].routing[1].transfer.after', expected: 'no such field (is it misspelt?)', received: 'answered' },
      { path: 'lines[0].routing[0].transfer.toLine', expected: 'the name of another line ("support")', received: 'billing' },
      { path: 'lines[1].routing[0].transfer.toLine', expected: 'another line than the one transferring (a transfer to the same line)', received: 'support' },
    ]);
    expect(scenarioProblems({ ...scenario, lines: [{ ...scenario.lines[0]!, routing: [{ group: 'front', transfer: { probability: 0.5 } }] }, scenario.lines[1]!] })).toEqual([
      { path: 'lines[0].routing[0].transfer.toLine', expected: 'a string', received: undefined },
    ]);
  });
});
