import { measureColors, seriesDashes, timeEncoding } from './intervalLines';
import { linesOf, smallMultiples, type SmallMultiplesOptions } from './smallMultiples';
import type { VegaLiteSpec } from './spec';
import { tidyLineIntervals, type LineIntervalVariable, type LineSeries } from './tidyLineIntervals';

const MEASURES: ReadonlyArray<{ variable: LineIntervalVariable; name: string; color: string }> = [
  { variable: 'arrivals', name: 'Calls', color: '#334155' },
  { variable: 'answered', name: 'Answered', color: '#2563eb' },
  { variable: 'abandoned', name: 'Abandoned', color: '#dc2626' },
  { variable: 'balked', name: 'Balked', color: '#a16207' },
  { variable: 'busy', name: 'Busy signal', color: '#9333ea' },
  { variable: 'disconnected', name: 'Disconnected', color: '#db2777' },
  { variable: 'callbacksAccepted', name: 'Took a callback', color: '#16a34a' },
];

/**
 * Calls by interval as small multiples, one panel per line: calls that arrived (redials
 * included), were answered on hold, abandoned, and (where any line has them) balked, heard a
 * busy signal, were disconnected or took a callback, each counted in the interval the call
 * arrived in. One colour per figure, one dash pattern per series; each panel has its own y
 * scale, since lines differ in volume.
 *
 * @example
 * const { summary } = await replicate(agency, { replications: 10 });
 * const spec = callsByLineChart([{ label: 'Agency', lines: summary.lines }]);
 * @see callsByIntervalChart
 * @see holdByLineChart
 */
export function callsByLineChart(series: readonly LineSeries[], options: SmallMultiplesOptions = {}): VegaLiteSpec {
  const all = tidyLineIntervals(
    series,
    MEASURES.map((m) => m.variable),
  );
  // A figure that is 0 everywhere (no trunks, no balking...) is left out of the legend.
  const shown = MEASURES.filter((m) => m.variable === 'arrivals' || m.variable === 'answered' || all.some((row) => row.variable === m.variable && row.value > 0));
  const names = new Map(shown.map((m) => [m.variable, m.name]));
  const values = all.filter((row) => names.has(row.variable)).map((row) => ({ ...row, measure: names.get(row.variable)! }));
  const labels = series.map((s) => s.label);
  const time = timeEncoding(series.flatMap((s) => Object.values(s.lines).map((line) => ({ rows: line.intervals }))), options.opensAtSeconds);
  const encoding = {
    ...time.encoding,
    y: { field: 'value', type: 'quantitative', title: 'Calls per interval' },
    color: measureColors(shown),
    ...seriesDashes(labels),
  };
  return smallMultiples(
    'Calls by interval and line: arrived, answered, abandoned, and the other outcomes',
    options,
    { field: 'line', panels: linesOf(series), sharedY: false },
    values,
    time.transform,
    [{ mark: time.mark, encoding }],
  );
}
