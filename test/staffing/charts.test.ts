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

  it('draw one point per group, interval and roster, and each line\'s target', () => {
    const rosters = rostersByIntervalChart(rows) as unknown as { data: { values: Array<{ group: string; roster: string; agents: number }> } };
    expect(rosters.data.values).toHaveLength(8);
    expect(rosters.data.values.filter((v) => v.roster === 'Erlang A' && v.group === 'support').map((v) => v.agents)).toEqual([8, 9]);
    const achieved = achievedByIntervalChart(rows) as unknown as { layer: Array<{ data: { values: unknown[] } }> };
    expect(achieved.layer.map((layer) => layer.data.values.length)).toEqual([4, 8, 2]);
  });
});
