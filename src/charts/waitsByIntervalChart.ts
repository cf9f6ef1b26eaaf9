import { timeEncoding } from './intervalLines';
import { chartFrame, seriesLineColor, type ChartOptions, type VegaLiteSpec } from './spec';
import { tidyIntervals, type IntervalSeries } from './tidyIntervals';

/**
 * Mean hold by interval, in minutes, one line per series, for the callers who arrived in each
 * interval and held (abandoned included). From summaries, a shaded band shows each mean's
 * confidence interval.
 *
 * @example
 * const comparison = await compare(baseline, variant, { replications: 10 });
 * const spec = waitsByIntervalChart([
 *   { label: 'Baseline', rows: comparison.baseline.intervals },
 *   { label: 'With callback', rows: comparison.variant.intervals },
 * ]);
 * @see callsByIntervalChart
 */
export function waitsByIntervalChart(series: readonly IntervalSeries[], options: ChartOptions = {}): VegaLiteSpec {
  const values = tidyIntervals(series, ['meanHoldSeconds']);
  const labels = series.map((s) => s.label);
  const color = seriesLineColor(labels);
  const time = timeEncoding(series, options.opensAtSeconds);
  const line = {
    mark: time.mark,
    encoding: { ...time.encoding, y: { field: 'minutes', type: 'quantitative', title: 'Mean hold (minutes)' }, color },
  };
  const band = {
    transform: [{ filter: 'isValid(datum.low)' }],
    mark: { ...time.bandMark, opacity: 0.15 },
    encoding: {
      ...time.encoding,
      y: { field: 'lowMinutes', type: 'quantitative' },
      y2: { field: 'highMinutes' },
      color,
    },
  };
  const withBand = values.some((row) => row.low !== undefined);
  return {
    ...chartFrame('Mean hold by interval, in minutes, with confidence bands', options),
    data: { values },
    transform: [
      ...time.transform,
      { calculate: 'datum.value / 60', as: 'minutes' },
      // A mean hold is never negative, whatever a small sample's interval says.
      { calculate: 'isValid(datum.low) ? max(0, datum.low / 60) : null', as: 'lowMinutes' },
      { calculate: 'isValid(datum.high) ? datum.high / 60 : null', as: 'highMinutes' },
    ],
    layer: withBand ? [band, line] : [line],
  };
}
