import type { Estimate, HoldSavings } from '../experiment';
import { hoursText } from './figureText';
import { chartFrame, type ChartOptions, type VegaLiteSpec } from './spec';

/** One bar of the hold-savings chart. */
export interface TidySaving {
  part: 'Direct' | 'Indirect' | 'Net';
  hours: number;
  low: number;
  high: number;
  /** The hours as the report's table writes them (same rounding), with the unit: `2,867 h`. */
  label: string;
}

/** The parts of a saving, in the order charts draw them, with their colours. */
export const SAVING_PARTS = [
  { key: 'directHoldHours', part: 'Direct', color: '#16a34a' },
  { key: 'indirectHoldHours', part: 'Indirect', color: '#d97706' },
  { key: 'netHoldHours', part: 'Net', color: '#2563eb' },
] as const;

/**
 * Hold hours a variant saves, split as `compare()` splits them: direct (the hold the callers
 * who took a callback would have had), indirect (what the change did to everyone else's hold;
 * below zero when they hold longer) and net, each bar with its confidence interval and its
 * value written on it.
 *
 * @example
 * const { savings } = await compare(baseline, variant, { replications: 20 });
 * const spec = holdSavingsChart(savings);
 * @see holdDistributionChart
 */
export function holdSavingsChart(savings: HoldSavings<Estimate>, options: ChartOptions = {}): VegaLiteSpec {
  const values: TidySaving[] = SAVING_PARTS.map(({ key, part }) => ({
    part,
    hours: savings[key].mean,
    low: savings[key].low,
    high: savings[key].high,
    label: hoursText(savings[key]),
  }));
  const x = {
    field: 'part',
    type: 'nominal',
    title: null,
    sort: SAVING_PARTS.map((p) => p.part),
    axis: { labelAngle: 0, labelFontSize: 12 },
  };
  const label = (above: boolean) => ({
    transform: [{ filter: above ? 'datum.hours >= 0' : 'datum.hours < 0' }],
    mark: { type: 'text', baseline: above ? 'bottom' : 'top', dy: above ? -4 : 4, fontSize: 12, fontWeight: 600, color: '#0f172a' },
    encoding: { x, y: { field: above ? 'high' : 'low', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
  });
  return {
    ...chartFrame('Hold hours saved by the variant: direct, indirect and net, with confidence intervals', { width: 360, ...options }),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.55 } },
        encoding: {
          x,
          // Room above and below the bars for the values written on them.
          y: { field: 'hours', type: 'quantitative', title: 'Hold hours saved', scale: { padding: 22 } },
          color: {
            field: 'part',
            type: 'nominal',
            legend: null,
            scale: { domain: SAVING_PARTS.map((p) => p.part), range: SAVING_PARTS.map((p) => p.color) },
          },
        },
      },
      { mark: { type: 'rule', color: '#334155' }, encoding: { y: { datum: 0 } } },
      {
        mark: { type: 'errorbar', ticks: { width: 14 }, color: '#0f172a' },
        encoding: { x, y: { field: 'low', type: 'quantitative', title: 'Hold hours saved' }, y2: { field: 'high' } },
      },
      label(true),
      label(false),
    ],
  };
}
