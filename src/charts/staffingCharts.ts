import { chartFrame, SERIES_COLORS, type ChartOptions, type VegaLiteSpec } from './spec';

/** A row of a staffing result (`staffBySimulation().rows`), as far as the charts read it. */
export interface StaffingChartRow {
  line: string;
  group: string;
  intervalStart: number;
  intervalEnd: number;
  measure: 'serviceLevel' | 'probAbandon' | 'meanWaitSeconds';
  target: number;
  agents: number;
  erlangAgents: number;
  achieved: { mean: number; low: number; high: number };
  erlangAchieved: { mean: number };
}

const ROSTERS = ['By simulation', 'Erlang A'];
const rosterColor = { field: 'roster', type: 'nominal', title: null, scale: { domain: ROSTERS, range: [SERIES_COLORS[1], SERIES_COLORS[0]] } };
const hours = { field: 'hour', type: 'quantitative', title: 'Hours from the start' };

/**
 * The two rosters by interval: the agents staffing by simulation found, and Erlang A's, as
 * steps (an interval's agents hold for the whole interval); one dash per group.
 *
 * @example
 * const plan = await staffBySimulation(scenario, { target: { serviceLevel: 0.8 }, replications: 20 });
 * const spec = rostersByIntervalChart(plan.rows);
 */
export function rostersByIntervalChart(rows: readonly StaffingChartRow[], options: ChartOptions = {}): VegaLiteSpec {
  const seen = new Set<string>();
  const values = rows.flatMap((row) => {
    const key = `${row.group}@${row.intervalStart}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      { group: row.group, hour: row.intervalStart / 3600, roster: ROSTERS[0], agents: row.agents },
      { group: row.group, hour: row.intervalStart / 3600, roster: ROSTERS[1], agents: row.erlangAgents },
    ];
  });
  const groups = new Set(rows.map((row) => row.group)).size;
  return {
    ...chartFrame('Agents per interval: the roster found by simulation beside Erlang A', options),
    data: { values },
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: hours,
      y: { field: 'agents', type: 'quantitative', title: 'Agents' },
      color: rosterColor,
      detail: { field: 'group' },
      ...(groups > 1 ? { strokeDash: { field: 'group', type: 'nominal', title: 'Group' } } : {}),
    },
  };
}

/**
 * The figure each roster achieves by arrival interval (service level, abandonment or mean
 * wait), the simulated roster's with its confidence band, and the target as a rule; one dash
 * per line.
 *
 * @example
 * const spec = achievedByIntervalChart(plan.rows);
 */
export function achievedByIntervalChart(rows: readonly StaffingChartRow[], options: ChartOptions = {}): VegaLiteSpec {
  const measure = rows[0]?.measure ?? 'serviceLevel';
  const fraction = measure !== 'meanWaitSeconds';
  const title = measure === 'serviceLevel' ? 'Answered in time' : measure === 'probAbandon' ? 'Hung up' : 'Mean wait (s)';
  const middle = (row: StaffingChartRow) => (row.intervalStart + row.intervalEnd) / 2 / 3600;
  const values = rows.flatMap((row) => [
    { line: row.line, hour: middle(row), roster: ROSTERS[0], figure: row.achieved.mean, low: row.achieved.low, high: row.achieved.high },
    { line: row.line, hour: middle(row), roster: ROSTERS[1], figure: row.erlangAchieved.mean },
  ]);
  const targets = [...new Map(rows.map((row) => [row.line, { line: row.line, target: row.target }])).values()];
  const lines = targets.length;
  const y = { type: 'quantitative', title, ...(fraction ? { axis: { format: '.0%' } } : {}) };
  const dash = lines > 1 ? { strokeDash: { field: 'line', type: 'nominal', title: 'Line' } } : {};
  return {
    ...chartFrame('The figure each roster achieves by arrival interval, with the target', options),
    layer: [
      {
        data: { values: values.filter((v) => v.roster === ROSTERS[0]) },
        mark: { type: 'area', opacity: 0.18, color: SERIES_COLORS[1] },
        encoding: { x: hours, y: { field: 'low', ...y }, y2: { field: 'high' }, detail: { field: 'line' } },
      },
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: { x: hours, y: { field: 'figure', ...y }, color: rosterColor, detail: { field: 'line' }, ...dash },
      },
      {
        data: { values: targets },
        mark: { type: 'rule', color: '#dc2626', strokeDash: [4, 3] },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
    ],
  };
}
