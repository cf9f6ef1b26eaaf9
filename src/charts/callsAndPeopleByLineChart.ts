import type { Estimate } from '../experiment';
import { chartFrame, figureValue, type ChartOptions, type Figure, type VegaLiteSpec } from './spec';

/** The calls and people of each line of one run or summary (`report.lines`, `summary.lines`), named for a legend. */
export interface PeopleSeries {
  label: string;
  lines: Readonly<Record<string, { people: { offered: number | Estimate }; redials: { calls: number | Estimate } }>>;
}

/** One bar segment: the first calls (one per person) or the redials of a line in a series. */
export interface TidyCallsOfPeople {
  series: string;
  line: string;
  part: 'First calls (people)' | 'Redials';
  calls: number;
}

/**
 * Calls against people on each line: a bar per line and series whose height is the calls,
 * split into first calls (one per person) and redials, so that the redials a variant avoids
 * show as a shorter top segment. Means over replications for summaries.
 *
 * @example
 * const comparison = await compare(agency, withCallback, { replications: 10 });
 * const spec = callsAndPeopleByLineChart([
 *   { label: 'Baseline', lines: comparison.baseline.lines },
 *   { label: 'With callback', lines: comparison.variant.lines },
 * ]);
 * @see callsByLineChart
 */
export function callsAndPeopleByLineChart(series: readonly PeopleSeries[], options: ChartOptions = {}): VegaLiteSpec {
  const lines = [...new Set(series.flatMap((s) => Object.keys(s.lines)))];
  const labels = series.map((s) => s.label);
  const values: TidyCallsOfPeople[] = series.flatMap(({ label, lines: figures }) =>
    Object.entries(figures).flatMap(([line, f]) => [
      { series: label, line, part: 'First calls (people)' as const, calls: figureValue(f.people.offered as Figure).value },
      { series: label, line, part: 'Redials' as const, calls: figureValue(f.redials.calls as Figure).value },
    ]),
  );
  const parts = ['First calls (people)', 'Redials'];
  return {
    ...chartFrame('Calls by line: first calls (one per person) and redials', { width: Math.max(300, 110 * lines.length), ...options }),
    data: { values },
    transform: [{ calculate: "datum.part === 'Redials' ? 1 : 0", as: 'stackOrder' }],
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'line', type: 'nominal', title: null, sort: lines, axis: { labelAngle: 0, labelFontSize: 12 } },
      ...(labels.length > 1 ? { xOffset: { field: 'series', type: 'nominal', sort: labels } } : {}),
      y: { field: 'calls', type: 'quantitative', title: 'Calls', stack: 'zero' },
      order: { field: 'stackOrder', type: 'quantitative' },
      color: {
        field: 'part',
        type: 'nominal',
        title: null,
        sort: parts,
        scale: { domain: parts, range: ['#334155', '#f59e0b'] },
        legend: { labelLimit: 240 },
      },
      ...(labels.length > 1
        ? {
            opacity: {
              field: 'series',
              type: 'nominal',
              title: null,
              sort: labels,
              scale: { domain: labels, range: labels.map((_, i) => (i === 0 ? 1 : 0.6)) },
              legend: { orient: 'bottom' },
            },
          }
        : {}),
    },
  };
}

