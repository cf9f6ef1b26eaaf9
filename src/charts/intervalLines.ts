import { chartFrame, type ChartOptions, type VegaLiteSpec } from './spec';
import { tidyIntervals, type IntervalSeries, type IntervalVariable } from './tidyIntervals';

/** A figure drawn as one line per series: its name in the legend and its colour. */
export interface IntervalMeasure {
  variable: IntervalVariable;
  name: string;
  color: string;
}

// Dash patterns that tell the series apart when colour tells the figures apart.
const DASHES: readonly number[][] = [[1, 0], [6, 4], [2, 3], [8, 3, 2, 3]];

/** One colour per figure (`measure` column), in the measures' order. */
export function measureColors(measures: ReadonlyArray<{ name: string; color: string }>): Record<string, unknown> {
  const names = measures.map((m) => m.name);
  return {
    field: 'measure',
    type: 'nominal',
    title: null,
    sort: names,
    scale: { domain: names, range: measures.map((m) => m.color) },
    legend: { symbolType: 'stroke' },
  };
}

/** One dash pattern per series (`series` column), when there is more than one series. */
export function seriesDashes(labels: readonly string[]): Record<string, unknown> {
  if (labels.length <= 1) return {};
  return {
    strokeDash: {
      field: 'series',
      type: 'nominal',
      title: null,
      sort: labels,
      scale: { domain: labels, range: labels.map((_, i) => DASHES[i % DASHES.length]) },
      // Below the plot, so the two legends stack rather than widen the chart.
      legend: { orient: 'bottom', symbolType: 'stroke', symbolStrokeColor: '#334155' },
    },
  };
}

/**
 * Figures by interval as lines over the time of day, one colour per figure and (when there
 * is more than one series) one dash pattern per series.
 */
export function intervalLinesChart(
  series: readonly IntervalSeries[],
  measures: readonly IntervalMeasure[],
  yTitle: string,
  description: string,
  options: ChartOptions,
): VegaLiteSpec {
  const names = new Map(measures.map((m) => [m.variable, m.name]));
  const values = tidyIntervals(
    series,
    measures.map((m) => m.variable),
  ).map((row) => ({ ...row, measure: names.get(row.variable)! }));
  const labels = series.map((s) => s.label);
  const time = timeEncoding(series, options.opensAtSeconds);
  return {
    ...chartFrame(description, options),
    data: { values },
    transform: time.transform,
    mark: time.mark,
    encoding: {
      ...time.encoding,
      y: { field: 'value', type: 'quantitative', title: yTitle },
      color: measureColors(measures),
      ...seriesDashes(labels),
    },
  };
}

/** Rows with the interval they are about: the rows of a series, of one line or of one group. */
export interface IntervalSpans {
  rows: ReadonlyArray<{ intervalStart: number; intervalEnd: number }>;
}

/** How interval rows sit on the time axis, for a line (or its band) and its points. */
export interface TimeEncoding {
  /** Adds `hour` (the interval's middle), `startHour` and `endHour` to each row. */
  transform: Array<Record<string, unknown>>;
  /** A line with a point in the middle of each interval; with fewer than 3 intervals, a level segment across each. */
  mark: Record<string, unknown>;
  /** For a band: an area through the middles, or a box across each interval. */
  bandMark: Record<string, unknown>;
  encoding: { x: Record<string, unknown>; x2?: Record<string, unknown> };
}

/**
 * The time axis of interval charts: hours since the start of the run, or the time of day when
 * the scenario says when it opens (`opensAtSeconds`), over exactly the hours the rows cover,
 * with ticks on round steps (quarter-hours for a short run, hours for a day). A line needs a
 * few intervals to mean anything: a run of one or two intervals is drawn as a level segment
 * across each interval instead.
 */
export function timeEncoding(series: readonly IntervalSpans[], opensAtSeconds?: number): TimeEncoding {
  const offset = (opensAtSeconds ?? 0) / 3600;
  const domain = hoursDomain(series).map((hour) => hour + offset) as [number, number];
  const span = domain[1] - domain[0];
  const step = span <= 2 ? 0.25 : span <= 12 ? 1 : span <= 24 ? 2 : span <= 72 ? 6 : 24 * Math.ceil(span / 24 / 12);
  const ticks: number[] = [];
  for (let k = Math.ceil(domain[0] / step); k * step <= domain[1] + 1e-9; k++) ticks.push(k * step);
  const few = Math.max(0, ...series.map((s) => s.rows.length)) < 3;
  const x = {
    field: few ? 'startHour' : 'hour',
    type: 'quantitative',
    title: opensAtSeconds === undefined ? 'Time since opening (hours)' : 'Time of day',
    scale: { domain, nice: false },
    axis: opensAtSeconds === undefined
      ? { values: ticks, format: ',.2~f' }
      : { values: ticks, labelExpr: "format(floor(datum.value + 1e-9), '02d') + ':' + format(round((datum.value - floor(datum.value + 1e-9)) * 60), '02d')" },
  };
  const plus = opensAtSeconds === undefined ? '' : ` + ${opensAtSeconds / 3600}`;
  return {
    transform: [
      { calculate: `(datum.intervalStart + datum.intervalEnd) / 7200${plus}`, as: 'hour' },
      { calculate: `datum.intervalStart / 3600${plus}`, as: 'startHour' },
      { calculate: `datum.intervalEnd / 3600${plus}`, as: 'endHour' },
    ],
    mark: few ? { type: 'rule', strokeWidth: 2.5 } : { type: 'line', point: { filled: true, size: 20 } },
    bandMark: few ? { type: 'rect' } : { type: 'area' },
    encoding: few ? { x, x2: { field: 'endHour' } } : { x },
  };
}

/** The hours the rows cover, from the first interval's start to the last one's end. */
function hoursDomain(series: readonly IntervalSpans[]): [number, number] {
  let start = Infinity;
  let end = -Infinity;
  for (const { rows } of series) {
    for (const row of rows) {
      start = Math.min(start, row.intervalStart);
      end = Math.max(end, row.intervalEnd);
    }
  }
  return Number.isFinite(start) ? [start / 3600, end / 3600] : [0, 1];
}
