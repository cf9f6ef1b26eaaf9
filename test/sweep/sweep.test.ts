import { describe, expect, it } from 'vitest';
import { compare, sweep, sweepCells, SweepError, type MultiLineScenario, type SingleLineScenario } from '../../src';
import { workerThreads } from '../../src/node';
import { referenceScenario } from '../support/scenarios';

// Two hours of the reference line, short-staffed in the second hour, with a callback offer.
const line: SingleLineScenario = referenceScenario({
  durationSeconds: 2 * 3600,
  agents: { intervalSeconds: 3600, perInterval: [50, 44] },
  callback: { offer: { whenQueueAtLeast: 5 }, optIn: { probability: 0.3 } },
});

// Two lines over two groups: the second line overflows to the first group after a minute.
const center: MultiLineScenario = {
  durationSeconds: 2 * 3600,
  lines: [
    {
      name: 'individuals',
      arrivals: { perHour: 300 },
      handleTime: { type: 'exponential', meanSeconds: 300 },
      patience: { type: 'exponential', meanSeconds: 600 },
      routing: [{ group: 'general' }],
      callback: { offer: 'always', optIn: { probability: 0.2 } },
    },
    {
      name: 'businesses',
      arrivals: { perHour: 120 },
      handleTime: { type: 'exponential', meanSeconds: 400 },
      patience: { type: 'exponential', meanSeconds: 600 },
      routing: [{ group: 'business' }, { group: 'general', afterSeconds: 60 }],
    },
  ],
  groups: [
    { name: 'general', agents: 24 },
    { name: 'business', agents: { intervalSeconds: 3600, perInterval: [13, 11] } },
  ],
};

describe('sweep()', () => {
  it('runs every combination, first path slowest, each cell exactly the compare() of its scenario with the baseline', async () => {
    const result = await sweep(line, {
      vary: { 'callback.optIn.probability': [0.2, 0.5], 'agents.scale': [0.9, 1.1] },
      replications: 3,
      seed: 7,
    });
    expect(result.rows.map((r) => r.settings)).toEqual([
      { 'callback.optIn.probability': 0.2, 'agents.scale': 0.9 },
      { 'callback.optIn.probability': 0.2, 'agents.scale': 1.1 },
      { 'callback.optIn.probability': 0.5, 'agents.scale': 0.9 },
      { 'callback.optIn.probability': 0.5, 'agents.scale': 1.1 },
    ]);
    expect(result.rows.map((r) => r.cell)).toEqual([0, 1, 2, 3]);
    // Cell 2: opt-in 0.5 and the roster [50, 44] times 0.9 rounded: [45, 40].
    const variant = { ...line, agents: { intervalSeconds: 3600, perInterval: [45, 40] }, callback: { ...line.callback!, optIn: { probability: 0.5 } } };
    const expected = await compare(line, variant, { replications: 3, seed: 7 });
    expect(result.cells[2]).toEqual(expected);
    expect(result.rows[2]!.netHoldHours).toEqual(expected.savings.netHoldHours);
    expect(result.rows[2]!.abandonmentChange).toEqual(expected.difference.abandonment.fraction);
    expect(result.rows[2]!.callbacksAccepted).toEqual(expected.variant.callback.accepted);
    expect(result.baseline).toEqual(expected.baseline);
    // Fewer agents and more opt-ins: more callbacks taken than with more agents and fewer opt-ins.
    expect(result.rows[2]!.callbacksAccepted.mean).toBeGreaterThan(result.rows[1]!.callbacksAccepted.mean);
    expect(result.vary).toEqual([
      { path: 'callback.optIn.probability', values: [0.2, 0.5] },
      { path: 'agents.scale', values: [0.9, 1.1] },
    ]);
  });

  it('compares every cell with the given baseline when there is one, and reports progress replication by replication', async () => {
    const { callback: _callback, ...withoutCallback } = line;
    const progress: number[] = [];
    const result = await sweep(line, {
      baseline: withoutCallback,
      vary: { 'callback.optIn.probability': [0, 0.4] },
      replications: 2,
      onProgress: (done, total) => progress.push(done, total),
    });
    expect(progress).toEqual([1, 4, 2, 4, 3, 4, 4, 4]);
    // Opt-in 0: nobody takes the offer, and the cell is the baseline itself.
    expect(result.rows[0]!.netHoldHours.mean).toBe(0);
    expect(result.rows[0]!.callbacksAccepted.mean).toBe(0);
    expect(result.rows[1]!.directHoldHours.mean).toBeGreaterThan(0);
  });

  it("reaches a line's and a group's fields in a multi-line scenario, by name or index", () => {
    const cells = sweepCells(center, {
      'lines.individuals.callback.optIn.probability': [0.4],
      'lines[1].patience.meanSeconds': [900],
      'groups.business.agents.scale': [2],
    });
    const scenario = cells[0]!.scenario as MultiLineScenario;
    expect(scenario.lines[0]!.callback!.optIn).toEqual({ probability: 0.4 });
    expect(scenario.lines[1]!.patience).toEqual({ type: 'exponential', meanSeconds: 900 });
    expect(scenario.groups[1]!.agents).toEqual({ intervalSeconds: 3600, perInterval: [26, 22] });
    expect(scenario.groups[0]!.agents).toBe(24);
    // `agents.scale` scales every group's roster; the input is never changed.
    const scaled = sweepCells(center, { 'agents.scale': [0.5] })[0]!.scenario as MultiLineScenario;
    expect(scaled.groups.map((g) => g.agents)).toEqual([12, { intervalSeconds: 3600, perInterval: [7, 6] }]);
    expect(center.groups[0]!.agents).toBe(24);
  });

  it('sweeps volume: arrivals.scale multiplies the rate (or each interval), every line of a center, or one line by name', async () => {
    // The single-line form: 570 calls an hour times 1.2 is 684; the cell is exactly the
    // compare() of that scenario with the baseline.
    const result = await sweep(line, { vary: { 'arrivals.scale': [1, 1.2] }, replications: 2, seed: 3 });
    const busier = { ...line, arrivals: { ...line.arrivals, perHour: 684 } } as SingleLineScenario;
    expect(line.arrivals).toEqual({ perHour: 570 });
    expect(result.cells[1]).toEqual(await compare(line, busier, { replications: 2, seed: 3 }));
    // Twenty percent more callers on the same agents: more find a queue and take the callback.
    expect(result.rows[1]!.callbacksAccepted.mean).toBeGreaterThan(result.rows[0]!.callbacksAccepted.mean * 1.2);
    expect(result.rows[0]!.netHoldHours.mean).toBe(0);
    // A center: every line, or one line; expected calls per interval are not rounded.
    const everyLine = sweepCells(center, { 'arrivals.scale': [1.5] })[0]!.scenario as MultiLineScenario;
    expect(everyLine.lines.map((l) => l.arrivals)).toEqual([{ perHour: 450 }, { perHour: 180 }]);
    const schedule: MultiLineScenario = { ...center, lines: [{ ...center.lines[0]!, arrivals: { intervalSeconds: 3600, perInterval: [300, 250] } }, center.lines[1]!] };
    const oneLine = sweepCells(schedule, { 'lines.individuals.arrivals.scale': [1.1] })[0]!.scenario as MultiLineScenario;
    expect(oneLine.lines.map((l) => l.arrivals)).toEqual([{ intervalSeconds: 3600, perInterval: [300 * 1.1, 250 * 1.1] }, { perHour: 120 }]);
    expect(schedule.lines[0]!.arrivals).toEqual({ intervalSeconds: 3600, perInterval: [300, 250] });
    const bad = (() => { try { sweepCells(center, { 'arrivals.scale': [0], 'lines.nobody.arrivals.scale': [2] }); } catch (e) { return e; } })();
    expect((bad as SweepError).problems).toEqual([
      { path: 'arrivals.scale', expected: 'a volume scale factor: a number > 0', received: 0, message: 'expected a volume scale factor: a number > 0, received 0' },
      { path: 'lines.nobody.arrivals.scale', expected: expect.stringMatching(/^a path to arrivals/), received: 2, message: expect.stringMatching(/^expected a path to arrivals.*, received 2$/) },
    ]);
  });

  it('names every bad path and value at once, before anything runs', async () => {
    let progress = 0;
    const error = await sweep(line, {
      vary: {
        'callback.optIn.probabilty': [0.2],
        'callback.optIn.probability': [0.1, 1.4],
        'agents.scale': [-1],
        'handleTime.meanSeconds': [],
        'lines.main.patience.meanSeconds': [60],
      },
      replications: 2,
      onProgress: () => progress++,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SweepError);
    const problems = (error as SweepError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'callback.optIn.probabilty', expected: 'no such field (is it misspelt?)', received: 0.2, message: 'expected no such field (is it misspelt?), received 0.2' },
        expect.objectContaining({ path: 'callback.optIn.probability', expected: expect.stringMatching(/<= 1/), received: 1.4 }),
        { path: 'agents.scale', expected: 'a roster scale factor: a number > 0', received: -1, message: 'expected a roster scale factor: a number > 0, received -1' },
        { path: 'handleTime.meanSeconds', expected: 'a list of at least one value', received: [], message: 'expected a list of at least one value, received []' },
      ]),
    );
    expect(problems.some((p) => p.path.startsWith('lines'))).toBe(true);
    expect((error as Error).message).toMatch(/^invalid sweep: \d+ problems\n {2}- callback\.optIn\.probabilty: expected no such field/);
    expect(progress).toBe(0);
  });
});

describe('sweep() on worker threads (queuecast/node)', () => {
  it('gives the same sweep, bit for bit, as in-process', async () => {
    const options = { vary: { 'lines.individuals.callback.optIn.probability': [0.1, 0.3], 'groups.general.agents.scale': [0.95, 1.05] }, replications: 2 };
    const [inProcess, onWorkers] = await Promise.all([sweep(center, options), sweep(center, { ...options, runner: workerThreads({ workers: 2 }) })]);
    expect(onWorkers).toEqual(inProcess);
  });
});
