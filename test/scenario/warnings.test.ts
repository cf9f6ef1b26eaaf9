import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWarnings, scenarioWarnings, type MultiLineScenario, type Scenario } from '../../src';
import { loadScenarioFile } from '../../src/node';

const line = (overrides: Partial<Scenario> = {}): Scenario =>
  ({ arrivals: { perHour: 1000 }, agents: 5, handleTime: { type: 'exponential', meanSeconds: 300 }, durationSeconds: 8 * 3600, ...overrides }) as Scenario;

describe('scenarioWarnings: a queue that never clears', () => {
  it('1,000 calls an hour of 5 minutes on 5 agents, nobody hanging up: 83.3 Erlangs against 5 agents all day', () => {
    // 1,000 / 3,600 calls a second × 300 s = 83.3 Erlangs.
    expect(scenarioWarnings(line())).toEqual([{
      path: 'patience',
      message:
        'nobody hangs up (no patience), and the offered load, 83.3 Erlangs (calls × mean handle time), reaches or passes the 5 agents on duty all day: ' +
        'the queue grows for as long as that lasts, to holds of hours or days; give patience, or more agents',
    }]);
  });

  it('says nothing once callers hang up, or when the agents keep up', () => {
    expect(scenarioWarnings(line({ patience: { type: 'exponential', meanSeconds: 300 } } as Partial<Scenario>))).toEqual([]);
    // 60 calls an hour × 300 s = 5 Erlangs: 6 agents keep up, 5 do not (a queue at 100% load grows without bound).
    expect(scenarioWarnings(line({ arrivals: { perHour: 60 }, agents: 6 } as Partial<Scenario>))).toEqual([]);
    expect(scenarioWarnings(line({ arrivals: { perHour: 60 }, agents: 5 } as Partial<Scenario>))).toHaveLength(1);
  });

  it('counts the intervals where the load reaches the roster', () => {
    // 60 and 120 calls an hour of 300 s: 5 and 10 Erlangs against 8 agents; only the second hour is short.
    const [warning] = scenarioWarnings(line({ arrivals: { intervalSeconds: 3600, perInterval: [60, 120] }, agents: 8, durationSeconds: 7200 } as Partial<Scenario>));
    expect(warning!.message).toContain('the offered load, 10.0 Erlangs (calls × mean handle time), reaches or passes the 8 agents on duty in 1 of 2 intervals of 3600 s');
  });

  it('on several lines, weighs the lines without patience against every agent on duty', () => {
    const center: MultiLineScenario = {
      durationSeconds: 3600,
      lines: [
        { name: 'patient', arrivals: { perHour: 600 }, handleTime: { type: 'fixed', seconds: 300 }, patience: { type: 'exponential', meanSeconds: 60 }, routing: [{ group: 'a' }] },
        { name: 'stubborn', arrivals: { perHour: 240 }, handleTime: { type: 'fixed', seconds: 300 }, routing: [{ group: 'b' }] },
      ],
      groups: [{ name: 'a', agents: 10 }, { name: 'b', agents: 10 }],
    };
    // 240 / 3,600 × 300 = 20 Erlangs against 20 agents.
    expect(scenarioWarnings(center)).toEqual([{ path: 'lines', message: expect.stringContaining('(no patience) on the lines without it (stubborn), and the offered load, 20.0 Erlangs') }]);
    expect(scenarioWarnings({ ...center, groups: [{ name: 'a', agents: 10 }, { name: 'b', agents: 11 }] })).toEqual([]);
  });
});

describe('scenarioWarnings: schedules in intervals of different lengths', () => {
  it('names the schedule whose intervals differ from the first one', () => {
    const mixed = line({
      arrivals: { intervalSeconds: 1800, perInterval: [50, 60, 70, 80] },
      agents: { intervalSeconds: 3600, perInterval: [60, 80] },
      durationSeconds: 7200,
    } as Partial<Scenario>);
    expect(scenarioWarnings(mixed)).toEqual([{
      path: 'agents.intervalSeconds',
      message:
        'agents come in intervals of 3600 s, arrivals in intervals of 1800 s: each perInterval counts what its own interval holds ' +
        "(calls expected, agents on duty); check that neither list was written for the other's intervals",
    }]);
  });

  it('a constant beside a schedule is no doubt', () => {
    expect(scenarioWarnings(line({ arrivals: { intervalSeconds: 1800, perInterval: [5, 6] }, agents: 3, durationSeconds: 3600 } as Partial<Scenario>))).toEqual([]);
  });
});

describe('compareWarnings', () => {
  it('a what-if of one center (a callback offered) raises none', async () => {
    const [baseline, variant] = await Promise.all(['examples/scenarios/irs-like.yaml', 'examples/scenarios/irs-like-callback.yaml'].map(loadScenarioFile));
    expect(compareWarnings(baseline!, variant!)).toEqual([]);
  });

  it('two centers with different lines and groups', async () => {
    const [one, many] = await Promise.all(['examples/scenarios/agency-line.yaml', 'examples/scenarios/agency-lines.yaml'].map(loadScenarioFile));
    expect(compareWarnings(one!, many!).map((w) => w.path)).toEqual(['lines', 'groups']);
    expect(compareWarnings(one!, many!)[0]!.message).toBe(
      'the baseline has the line main, the variant the lines individuals, businesses, practitioners, spanish: not a what-if of one center: common random numbers pair callers only on the lines both have',
    );
  });

  it('the same line with other arrivals', () => {
    const baseline = line({ arrivals: { intervalSeconds: 3600, perInterval: [100, 200] }, durationSeconds: 7200, agents: 40 } as Partial<Scenario>);
    const variant = line({ arrivals: { intervalSeconds: 3600, perInterval: [100, 250] }, durationSeconds: 7200, agents: 40 } as Partial<Scenario>);
    expect(compareWarnings(baseline, variant)).toEqual([{
      path: 'arrivals',
      message: "differs from the baseline's (300 calls expected, against 350): not a what-if of one center, so the paired difference compares other callers",
    }]);
  });
});

describe('the example scenarios', () => {
  it('raise no warning (their reports stay as they were)', async () => {
    const folder = new URL('../../examples/scenarios/', import.meta.url);
    for (const file of readdirSync(folder).filter((f) => /\.(ya?ml|json)$/.test(f))) {
      expect(scenarioWarnings(await loadScenarioFile(new URL(file, folder).pathname)), file).toEqual([]);
    }
  });
});
