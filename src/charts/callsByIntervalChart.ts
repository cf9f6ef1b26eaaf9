import { intervalLinesChart, type IntervalMeasure } from './intervalLines';
import type { ChartOptions, VegaLiteSpec } from './spec';
import type { IntervalSeries } from './tidyIntervals';

/**
 * Calls by interval: callers who arrived, were answered on hold, abandoned and (when any
 * series has callbacks) took a callback, each counted in the interval they arrived in. One
 * colour per figure, one dash pattern per series (baseline solid, variant dashed).
 *
 * @example
 * const comparison = await compare(baseline, variant, { replications: 10 });
 * const spec = callsByIntervalChart([
 *   { label: 'Baseline', rows: comparison.baseline.intervals },
 *   { label: 'With callback', rows: comparison.variant.intervals },
 * ]);
 * // a notebook cell: Deno.jupyter.vegalite(spec), or vegaEmbed('#calls', spec) in a browser
 * @see queueByIntervalChart
 * @see waitsByIntervalChart
 */
export function callsByIntervalChart(series: readonly IntervalSeries[], options: ChartOptions = {}): VegaLiteSpec {
  const measures: IntervalMeasure[] = [
    { variable: 'arrivals', name: 'Arrived', color: '#334155' },
    { variable: 'answered', name: 'Answered', color: '#2563eb' },
    { variable: 'abandoned', name: 'Abandoned', color: '#dc2626' },
  ];
  if (series.some(({ rows }) => rows.some((row) => valueOf(row.callbacksAccepted) > 0))) {
    measures.push({ variable: 'callbacksAccepted', name: 'Took a callback', color: '#16a34a' });
  }
  return intervalLinesChart(series, measures, 'Callers per interval', 'Calls by interval: arrived, answered, abandoned', options);
}

function valueOf(figure: number | { mean: number }): number {
  return typeof figure === 'number' ? figure : figure.mean;
}
