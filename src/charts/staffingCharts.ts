import { smallMultiples, type SmallMultiplesOptions } from './smallMultiples';
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
 * steps (an interval's agents hold for the whole interval, the last one's to its end); one
 * dash per group.
 *
 * @example
 * const plan = await staffBySimulation(scenario, { target: { serviceLevel: 0.8 }, replications: 20 });
 * const spec = rostersByIntervalChart(plan.rows);
 */
export function rostersByIntervalChart(rows: readonly StaffingChartRow[], options: ChartOptions = {}): VegaLiteSpec {
  const steps = new Map<string, { group: string; hour: number; agents: number; erlangAgents: number }>();
  const ends = new Map<string, { hour: number; agents: number; erlangAgents: number }>();
  for (const row of rows) {
    const key = `${row.group}@${row.intervalStart}`;
    if (!steps.has(key)) steps.set(key, { group: row.group, hour: row.intervalStart / 3600, agents: row.agents, erlangAgents: row.erlangAgents });
    const end = ends.get(row.group);
    if (end === undefined || row.intervalEnd / 3600 > end.hour) ends.set(row.group, { hour: row.intervalEnd / 3600, agents: row.agents, erlangAgents: row.erlangAgents });
  }
  // A step line is drawn from point to point: the last interval needs a point at its end, or
  // it would have no width at all.
  const points = [...steps.values(), ...[...ends].map(([group, end]) => ({ group, ...end }))];
  const values = points.flatMap((p) => [
    { group: p.group, hour: p.hour, roster: ROSTERS[0], agents: p.agents },
    { group: p.group, hour: p.hour, roster: ROSTERS[1], agents: p.erlangAgents },
  ]);
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
 * wait), the simulated roster's with its confidence band, and the target as a rule. Several
 * lines: one panel per line (small multiples on one scale), two rosters in each, rather than
 * every line's pair of series on one plot. A band is cut to what the figure can be (a share
 * from 0 to 100%, a wait from 0).
 *
 * @example
 * const spec = achievedByIntervalChart(plan.rows);
 */
export function achievedByIntervalChart(rows: readonly StaffingChartRow[], options: SmallMultiplesOptions = {}): VegaLiteSpec {
  const measure = rows[0]?.measure ?? 'serviceLevel';
  const fraction = measure !== 'meanWaitSeconds';
  const title = measure === 'serviceLevel' ? 'Answered in time' : measure === 'probAbandon' ? 'Hung up' : 'Mean wait (s)';
  const middle = (row: StaffingChartRow) => (row.intervalStart + row.intervalEnd) / 2 / 3600;
  const cut = (x: number) => (fraction ? Math.min(1, Math.max(0, x)) : Math.max(0, x));
  const values = rows.flatMap((row) => [
    { line: row.line, hour: middle(row), roster: ROSTERS[0], figure: row.achieved.mean, low: cut(row.achieved.low), high: cut(row.achieved.high), target: row.target },
    { line: row.line, hour: middle(row), roster: ROSTERS[1], figure: row.erlangAchieved.mean, target: row.target },
  ]);
  const lines = [...new Set(rows.map((row) => row.line))];
  const y = { type: 'quantitative', title, ...(fraction ? { axis: { format: '.0%' } } : {}) };
  const layer = [
    {
      transform: [{ filter: `datum.roster === '${ROSTERS[0]}'` }],
      mark: { type: 'area', opacity: 0.18, color: SERIES_COLORS[1] },
      encoding: { x: hours, y: { field: 'low', ...y }, y2: { field: 'high' } },
    },
    { mark: { type: 'line', point: true }, encoding: { x: hours, y: { field: 'figure', ...y }, color: rosterColor } },
    { mark: { type: 'rule', color: '#dc2626', strokeDash: [4, 3] }, encoding: { y: { field: 'target', aggregate: 'max', type: 'quantitative' } } },
  ];
  const description = 'The figure each roster achieves by arrival interval, with the target';
  if (lines.length > 1) return smallMultiples(`${description}, one panel per line`, options, { field: 'line', panels: lines, sharedY: true }, values, [], layer);
  return { ...chartFrame(description, options), data: { values }, layer };
}
