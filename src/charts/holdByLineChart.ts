import { timeEncoding } from './intervalLines';
import { linesOf, smallMultiples, type SmallMultiplesOptions } from './smallMultiples';
import { seriesLineColor, type VegaLiteSpec } from './spec';
import { tidyLineIntervals, type LineSeries } from './tidyLineIntervals';

/**
 * Mean hold by interval, in minutes, as small multiples: one panel per line, one colour per
 * series (baseline and variant), all panels on the same scale so that the lines compare at a
 * glance. From summaries, a shaded band shows each mean's confidence interval.
 *
 * @example
 * const comparison = await compare(agency, withCallback, { replications: 10 });
 * const spec = holdByLineChart([
 *   { label: 'Baseline', lines: comparison.baseline.lines },
 *   { label: 'With callback', lines: comparison.variant.lines },
 * ]);
 * // a notebook cell: Deno.jupyter.vegalite(spec), or vegaEmbed('#hold', spec) in a browser
 * @see waitsByIntervalChart
 * @see callsByLineChart
 */
export function holdByLineChart(series: readonly LineSeries[], options: SmallMultiplesOptions = {}): VegaLiteSpec {
  const values = tidyLineIntervals(series, ['meanHoldSeconds']);
  const labels = series.map((s) => s.label);
  const panels = linesOf(series);
  const color = seriesLineColor(labels);
  const time = timeEncoding(series.flatMap((s) => Object.values(s.lines).map((line) => ({ rows: line.intervals }))), options.opensAtSeconds);
  const line = { mark: time.mark, encoding: { ...time.encoding, y: { field: 'minutes', type: 'quantitative', title: 'Mean hold (min)' }, color } };
  const band = {
    transform: [{ filter: 'isValid(datum.low)' }],
    mark: { ...time.bandMark, opacity: 0.15 },
    encoding: { ...time.encoding, y: { field: 'lowMinutes', type: 'quantitative' }, y2: { field: 'highMinutes' }, color },
  };
  const withBand = values.some((row) => row.low !== undefined);
  return smallMultiples(
    'Mean hold by interval and line, in minutes, with confidence bands',
    options,
    { field: 'line', panels, sharedY: true },
    values,
    [
      ...time.transform,
      { calculate: 'datum.value / 60', as: 'minutes' },
      { calculate: 'isValid(datum.low) ? max(0, datum.low / 60) : null', as: 'lowMinutes' },
      { calculate: 'isValid(datum.high) ? datum.high / 60 : null', as: 'highMinutes' },
    ],
    withBand ? [band, line] : [line],
  );
}
