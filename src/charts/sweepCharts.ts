// A sweep's charts: a heat map of the hold hours saved over the grid, and a line per varied
// field. Tidy rows in, Vega-Lite specs out, data inline.
import type { Sweep } from '../experiment';
import { describeValue } from '../scenario';
import { meanText } from './figureText';
import { chartFrame, SERIES_COLORS, type ChartOptions, type VegaLiteSpec } from './spec';

// The comparison colours, then a few more: a sweep may have many combinations on one chart.
const SWEEP_COLORS: readonly string[] = [...SERIES_COLORS, '#0891b2', '#be123c', '#a16207', '#4d7c0f'];

/** One cell of a sweep as a flat row for a chart: each varied value as a label, and the net hours saved. */
export interface TidySweepCell {
  cell: number;
  /** The value of each varied path in this cell, as text (`0.2`, `"after-hold"`). */
  [path: string]: string | number;
  /** The values of the paths a chart does not put on an axis, as one label. */
  others: string;
  netHoldHours: number;
  /** The net hours as the report's table rounds them (to their interval). */
  netHoldHoursText: string;
  low: number;
  high: number;
}

/**
 * A sweep's rows, flat, for the charts; `axes` are the paths the chart plots (the others become one label).
 *
 * @example
 * tidySweepCells(result, ['agents.scale']); // [{ cell: 0, 'agents.scale': 0.9, others: 'callback.optIn.probability=0.1', netHoldHours: 412, low: 380, high: 444 }, ...]
 */
export function tidySweepCells(sweep: Sweep, axes: readonly string[]): TidySweepCell[] {
  return sweep.rows.map((row) => {
    const labels: Record<string, string | number> = {};
    const others: string[] = [];
    for (const [path, value] of Object.entries(row.settings)) {
      labels[path] = typeof value === 'number' ? value : describeValue(value);
      if (!axes.includes(path)) others.push(`${path}=${describeValue(value)}`);
    }
    return { ...labels, cell: row.cell, others: others.join(', ') || 'all cells', netHoldHours: row.netHoldHours.mean, netHoldHoursText: meanText(row.netHoldHours, 2), low: row.netHoldHours.low, high: row.netHoldHours.high };
  });
}

// Vega-Lite reads dots in a field name as nesting: a path is escaped to name a flat column.
const fieldOf = (path: string) => path.replace(/\./g, '\\.');

/**
 * The hold hours each cell saves against the baseline, as a heat map: the first varied path
 * down, the second across (one row when only one varies), colour from losing hours (orange) to
 * saving them (blue), the mean written in each cell. More paths: one panel per combination of
 * the rest.
 *
 * @example
 * const result = await sweep(scenario, { vary: { 'callback.optIn.probability': [0.1, 0.2, 0.3], 'agents.scale': [0.9, 1, 1.1] }, replications: 10 });
 * const spec = sweepHeatMapChart(result);
 */
export function sweepHeatMapChart(sweep: Sweep, options: ChartOptions = {}): VegaLiteSpec {
  const [down, across] = sweep.vary.map((v) => v.path);
  const axes = [down, across].filter((p): p is string => p !== undefined);
  const values = tidySweepCells(sweep, axes);
  const largest = Math.max(1e-9, ...values.map((v) => Math.abs(v.netHoldHours)));
  const axis = (path: string | undefined) =>
    path === undefined ? { value: 0 } : { field: fieldOf(path), type: 'ordinal', title: path, axis: { labelAngle: 0 }, sort: sweep.vary.find((v) => v.path === path)!.values.map((x) => (typeof x === 'number' ? x : describeValue(x))) };
  const layer = {
    encoding: { y: axis(down), ...(across === undefined ? {} : { x: axis(across) }) },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'netHoldHours',
            type: 'quantitative',
            title: 'Net hold hours saved',
            legend: { titleLimit: 300 },
            scale: { scheme: 'redblue', domain: [-largest, largest], domainMid: 0 },
          },
          tooltip: [...axes.map((path) => ({ field: fieldOf(path), title: path })), { field: 'netHoldHours', format: ',.0f', title: 'net hours saved' }, { field: 'low', format: ',.0f' }, { field: 'high', format: ',.0f' }],
        },
      },
      {
        mark: { type: 'text', fontSize: 12, fontWeight: 600 },
        encoding: {
          text: { field: 'netHoldHoursText', type: 'nominal' },
          color: { condition: { test: `abs(datum.netHoldHours) > ${largest * 0.6}`, value: 'white' }, value: '#0f172a' },
        },
      },
    ],
  };
  const frame = chartFrame('Net hold hours saved in each cell of the sweep, against the baseline', options);
  if (sweep.vary.length <= 2) return { ...frame, data: { values }, ...layer };
  const { width, height, ...rest } = frame;
  return { ...rest, data: { values }, facet: { field: 'others', type: 'nominal', title: null }, columns: 2, spec: { width, height, ...layer } };
}

/**
 * The net hold hours saved along one varied path, a line (with its confidence band) for each
 * combination of the other paths' values.
 *
 * @example
 * const spec = sweepLineChart(result, 'agents.scale');
 */
export function sweepLineChart(sweep: Sweep, path: string, options: ChartOptions = {}): VegaLiteSpec {
  const values = tidySweepCells(sweep, [path]);
  const numeric = sweep.vary.find((v) => v.path === path)?.values.every((x) => typeof x === 'number') ?? false;
  const x = { field: fieldOf(path), type: numeric ? 'quantitative' : 'ordinal', title: path, ...(numeric ? { scale: { zero: false } } : {}) };
  // One colour per combination of the other paths, in grid order, the same in the band and
  // the line; the legend (the line's alone) under the plot, one label a row, so that long
  // labels neither widen the chart nor shrink it on the page.
  const others = [...new Set(values.map((v) => v.others))];
  const width = options.width ?? 560;
  const scale = { domain: others, range: others.map((_, i) => SWEEP_COLORS[i % SWEEP_COLORS.length]) };
  const series = { field: 'others', type: 'nominal', title: null, sort: others, scale };
  const legend = others.length > 1 ? { orient: 'bottom', direction: 'vertical', symbolType: 'stroke', symbolOpacity: 1, labelLimit: width } : null;
  return {
    ...chartFrame(`Net hold hours saved as ${path} varies`, options),
    data: { values },
    encoding: { x },
    layer: [
      { mark: { type: 'area', fillOpacity: 0.15 }, encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: series } },
      {
        mark: { type: 'line', point: true },
        encoding: { y: { field: 'netHoldHours', type: 'quantitative', title: 'Net hold hours saved' }, color: { ...series, legend } },
      },
      { mark: { type: 'rule', color: '#94a3b8', strokeDash: [4, 3] }, encoding: { y: { datum: 0 } } },
    ],
  };
}
