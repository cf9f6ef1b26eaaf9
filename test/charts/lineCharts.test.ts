import { describe, expect, it } from 'vitest';
import { compare, estimate, replicate, type Estimate, type HoldSavings, type MultiLineScenario } from '../../src';
import {
  callsAndPeopleByLineChart,
  callsByLineChart,
  holdByLineChart,
  holdSavingsByLineChart,
  occupancyByGroupChart,
  tidyGroupIntervals,
  tidyLineIntervals,
} from '../../src/charts';
import { compileStrict, jsonRoundTrip } from './specs';

// Two lines over two groups for an hour in half hours; the "late" group has nobody on duty in
// the first half hour.
const center: MultiLineScenario = {
  seed: 3,
  lines: [
    { name: 'a', arrivals: { intervalSeconds: 1800, perInterval: [60, 80] }, handleTime: { type: 'exponential', meanSeconds: 200 }, patience: { type: 'exponential', meanSeconds: 300 }, routing: [{ group: 'early' }, { group: 'late' }] },
    { name: 'b', arrivals: { intervalSeconds: 1800, perInterval: [30, 40] }, handleTime: { type: 'exponential', meanSeconds: 200 }, redial: { probability: 0.5, delay: { type: 'exponential', meanSeconds: 300 } }, patience: { type: 'exponential', meanSeconds: 120 }, routing: [{ group: 'early' }] },
  ],
  groups: [
    { name: 'early', agents: 6 },
    { name: 'late', agents: { intervalSeconds: 1800, perInterval: [0, 3] } },
  ],
};

describe('tidy rows of lines and groups', () => {
  it('one row per series, line, interval and variable, with the interval from a summary', async () => {
    const { summary, reports } = await replicate(center, { replications: 3 });
    const rows = tidyLineIntervals([{ label: 'S', lines: summary.lines }], ['arrivals', 'meanHoldSeconds']);
    expect(rows).toHaveLength(2 * 2 * 2); // lines × intervals × variables
    expect(rows.map((r) => `${r.line} ${r.intervalStart} ${r.variable}`).slice(0, 4)).toEqual(['a 0 arrivals', 'a 0 meanHoldSeconds', 'a 1800 arrivals', 'a 1800 meanHoldSeconds']);
    expect(rows[0]).toMatchObject({ series: 'S', line: 'a', intervalEnd: 1800, warmup: false, value: summary.lines.a!.intervals[0]!.arrivals.mean });
    expect(rows[0]!.low).toBe(summary.lines.a!.intervals[0]!.arrivals.low);
    // From a single report: no interval.
    const single = tidyLineIntervals([{ label: 'one day', lines: reports[0]!.lines }], ['arrivals']);
    expect(single[0]).toEqual({ series: 'one day', line: 'a', intervalStart: 0, intervalEnd: 1800, warmup: false, variable: 'arrivals', value: reports[0]!.lines.a!.intervals[0]!.arrivals });
    const groups = tidyGroupIntervals([{ label: 'S', groups: summary.groups }]);
    expect(groups).toHaveLength(2 * 2 * 4);
    expect(groups.filter((r) => r.group === 'late' && r.intervalStart === 0 && r.variable === 'agentsScheduled')[0]!.value).toBe(0);
  });
});

describe('the multi-line charts compile with Vega-Lite, without a warning', () => {
  it('small multiples by line, occupancy by group, calls against people, hold saved by line', async () => {
    const comparison = await compare(center, { ...center, lines: center.lines.map((l) => ({ ...l, callback: { offer: 'always' as const, optIn: { probability: 0.3 } } })) }, { replications: 3 });
    const lines = [
      { label: 'Baseline', lines: comparison.baseline.lines },
      { label: 'Variant', lines: comparison.variant.lines },
    ];
    const groups = [
      { label: 'Baseline', groups: comparison.baseline.groups },
      { label: 'Variant', groups: comparison.variant.groups },
    ];
    const specs = {
      holdByLine: holdByLineChart(lines),
      callsByLine: callsByLineChart(lines),
      occupancyByGroup: occupancyByGroupChart(groups),
      callsAndPeople: callsAndPeopleByLineChart(lines),
      savingsByLine: holdSavingsByLineChart(comparison.savingsByLine),
      oneSeries: holdByLineChart(lines.slice(0, 1)),
    };
    for (const [name, spec] of Object.entries(specs)) {
      expect(compileStrict(spec).messages, name).toEqual([]);
      expect(jsonRoundTrip(spec), name).toEqual(spec);
    }
    // A panel per line, in the scenario's order.
    expect(specs.holdByLine.facet).toMatchObject({ field: 'line', sort: ['a', 'b'] });
    expect(specs.callsByLine.resolve).toMatchObject({ scale: { y: 'independent' } });
    expect(specs.holdByLine.resolve).toMatchObject({ scale: { y: 'shared' } });
    // Took a callback appears (the variant has some); no busy signal (no trunks) does not.
    const measures = (specs.callsByLine.data as { values: Array<{ measure: string }> }).values.map((v) => v.measure);
    expect(new Set(measures)).toContain('Took a callback');
    expect(new Set(measures)).not.toContain('Busy signal');
    // Nobody of "late" on duty in the first half hour: no occupancy point there.
    const occupancy = (specs.occupancyByGroup.data as { values: Array<{ group: string; intervalStart: number }> }).values;
    expect(occupancy.filter((v) => v.group === 'late').map((v) => v.intervalStart)).toEqual([1800, 1800]);
    // Calls against people: first calls and redials add up to the calls of each line.
    const bars = (specs.callsAndPeople.data as { values: Array<{ series: string; line: string; calls: number }> }).values;
    const b = bars.filter((v) => v.series === 'Baseline' && v.line === 'b').reduce((s, v) => s + v.calls, 0);
    expect(b).toBeCloseTo(comparison.baseline.lines.b!.callers.offered.mean, 9);
  });

  it('hold saved by line: three bars a line, each with its interval', () => {
    const e = (values: number[]): Estimate => estimate(values);
    const saved: Record<string, HoldSavings<Estimate>> = {
      a: { directHoldHours: e([10, 12]), indirectHoldHours: e([-4, -2]), netHoldHours: e([6, 10]) },
      b: { directHoldHours: e([0, 0]), indirectHoldHours: e([1, 2]), netHoldHours: e([1, 2]) },
    };
    const values = (holdSavingsByLineChart(saved).data as { values: unknown[] }).values;
    expect(values).toEqual([
      { line: 'a', part: 'Direct', hours: 11, low: saved.a!.directHoldHours.low, high: saved.a!.directHoldHours.high },
      { line: 'a', part: 'Indirect', hours: -3, low: saved.a!.indirectHoldHours.low, high: saved.a!.indirectHoldHours.high },
      { line: 'a', part: 'Net', hours: 8, low: saved.a!.netHoldHours.low, high: saved.a!.netHoldHours.high },
      { line: 'b', part: 'Direct', hours: 0, low: 0, high: 0 },
      { line: 'b', part: 'Indirect', hours: 1.5, low: saved.b!.indirectHoldHours.low, high: saved.b!.indirectHoldHours.high },
      { line: 'b', part: 'Net', hours: 1.5, low: saved.b!.netHoldHours.low, high: saved.b!.netHoldHours.high },
    ]);
  });
});
