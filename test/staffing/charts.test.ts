import { describe, expect, it } from 'vitest';
import { achievedByIntervalChart, rostersByIntervalChart, type StaffingChartRow } from '../../src/charts';
import { compileStrict, jsonRoundTrip } from '../charts/specs';

// Two lines over two groups, two half hours: what the staffing report draws.
const row = (line: string, group: string, k: number, agents: number, erlangAgents: number): StaffingChartRow => ({
  line,
  group,
  intervalStart: k * 1800,
  intervalEnd: (k + 1) * 1800,
  measure: 'serviceLevel',
  target: 0.8,
  agents,
  erlangAgents,
  achieved: { mean: 0.82, low: 0.8, high: 0.84 },
  erlangAchieved: { mean: 0.7 },
});
const rows = [row('sales', 'sales', 0, 10, 9), row('sales', 'sales', 1, 12, 11), row('support', 'support', 0, 7, 8), row('support', 'support', 1, 9, 9)];

describe('the staffing charts', () => {
  it('compile without a warning, as plain JSON', () => {
    for (const spec of [rostersByIntervalChart(rows), achievedByIntervalChart(rows), rostersByIntervalChart(rows.slice(0, 2))]) {
      expect(jsonRoundTrip(spec)).toEqual(spec);
      expect(compileStrict(spec).messages).toEqual([]);
    }
  });

  it('draw one point per group, interval and roster, one more at the last interval\'s end, and each line in its own panel', () => {
    const rosters = rostersByIntervalChart(rows) as unknown as { data: { values: Array<{ group: string; roster: string; hour: number; agents: number }> } };
    // Two intervals and the end of the second (hour 1), for two groups and two rosters.
    expect(rosters.data.values).toHaveLength(12);
    const support = rosters.data.values.filter((v) => v.roster === 'Erlang A' && v.group === 'support');
    expect(support.map((v) => [v.hour, v.agents])).toEqual([[0, 8], [0.5, 9], [1, 9]]);
    const achieved = achievedByIntervalChart(rows) as unknown as { data: { values: unknown[] }; facet: { field: string; sort: string[] }; spec: { layer: unknown[] } };
    expect(achieved.data.values).toHaveLength(8);
    expect(achieved.facet).toMatchObject({ field: 'line', sort: ['sales', 'support'] });
    expect(achieved.spec.layer).toHaveLength(3);
    // One line: one plot, no panels.
    expect(achievedByIntervalChart(rows.slice(0, 2))).toMatchObject({ layer: expect.any(Array) });
  });

  it('cut a band to what a share can be', () => {
    const wide = [{ ...rows[0]!, achieved: { mean: 0.85, low: 0.1, high: 1.6 } }];
    const values = (achievedByIntervalChart(wide) as unknown as { data: { values: Array<{ low?: number; high?: number }> } }).data.values;
    expect(values[0]).toMatchObject({ low: 0.1, high: 1 });
  });
});
