import type { Estimate, HoldSavings } from '../experiment';
import { SAVING_PARTS as PARTS, type TidySaving } from './holdSavingsChart';
import { chartFrame, type ChartOptions, type VegaLiteSpec } from './spec';

/** One bar of the hold-savings-by-line chart. */
export interface TidyLineSaving extends Omit<TidySaving, 'label'> {
  line: string;
}

/**
 * Hold hours a variant saves on each line, split as `compare()` splits them (`savingsByLine`):
 * direct (what that line's callback takers would have held), indirect (what the change did to
 * the line's other callers: below zero when they hold longer) and net, three bars per line,
 * each with its confidence interval.
 *
 * @example
 * const { savingsByLine } = await compare(agency, withCallback, { replications: 20 });
 * const spec = holdSavingsByLineChart(savingsByLine);
 * @see holdSavingsChart
 */
export function holdSavingsByLineChart(savingsByLine: Readonly<Record<string, HoldSavings<Estimate>>>, options: ChartOptions = {}): VegaLiteSpec {
  const lines = Object.keys(savingsByLine);
  const values: TidyLineSaving[] = lines.flatMap((line) =>
    PARTS.map(({ key, part }) => ({ line, part, hours: savingsByLine[line]![key].mean, low: savingsByLine[line]![key].low, high: savingsByLine[line]![key].high })),
  );
  const x = { field: 'line', type: 'nominal', title: null, sort: lines, axis: { labelAngle: 0, labelFontSize: 12 } };
  const xOffset = { field: 'part', type: 'nominal', sort: PARTS.map((p) => p.part) };
  return {
    ...chartFrame('Hold hours saved by the variant on each line: direct, indirect and net, with confidence intervals', { width: Math.max(300, 130 * lines.length), ...options }),
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          xOffset,
          y: { field: 'hours', type: 'quantitative', title: 'Hold hours saved' },
          color: {
            field: 'part',
            type: 'nominal',
            title: null,
            sort: PARTS.map((p) => p.part),
            scale: { domain: PARTS.map((p) => p.part), range: PARTS.map((p) => p.color) },
          },
        },
      },
      { mark: { type: 'rule', color: '#334155' }, encoding: { y: { datum: 0 } } },
      {
        mark: { type: 'errorbar', ticks: { width: 8 }, color: '#0f172a' },
        encoding: { x, xOffset, y: { field: 'low', type: 'quantitative', title: 'Hold hours saved' }, y2: { field: 'high' } },
      },
    ],
  };
}
