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

/**
 * Figures by interval as lines over the time of day, one colour per figure and (when there
 * is more than one series) one dash pattern per series. Each point sits at the middle of its
 * interval; the x axis counts hours from the start of the run.
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
  return {
    ...chartFrame(description, options),
    data: { values },
    transform: [{ calculate: '(datum.intervalStart + datum.intervalEnd) / 7200', as: 'hour' }],
    mark: { type: 'line', point: { filled: true, size: 20 } },
    encoding: {
      x: {
        field: 'hour',
        type: 'quantitative',
        title: 'Time since opening (hours)',
        scale: { domain: hoursDomain(series), nice: false },
      },
      y: { field: 'value', type: 'quantitative', title: yTitle },
      color: {
        field: 'measure',
        type: 'nominal',
        title: null,
        sort: measures.map((m) => m.name),
        scale: { domain: measures.map((m) => m.name), range: measures.map((m) => m.color) },
      },
      ...(labels.length > 1
        ? {
            strokeDash: {
              field: 'series',
              type: 'nominal',
              title: null,
              sort: labels,
              scale: { domain: labels, range: labels.map((_, i) => DASHES[i % DASHES.length]) },
            },
          }
        : {}),
    },
  };
}

/** The hours the rows cover, from the first interval's start to the last one's end. */
export function hoursDomain(series: readonly IntervalSeries[]): [number, number] {
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
