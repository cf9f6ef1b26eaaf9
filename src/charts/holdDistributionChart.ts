import { chartFrame, SERIES_COLORS, type ChartOptions, type VegaLiteSpec } from './spec';
import { tidyHoldBins, type HoldSeries } from './tidyHoldBins';

/**
 * The hold-time distribution: the share of callers who held that held `0 s` (answered at
 * once), `≤10 s`, … `1–2 min`, … `> 2 h`, one bar per series side by side (baseline and
 * variant). Shares rather than counts, since callers who took a callback did not hold.
 *
 * @example
 * const comparison = await compare(baseline, variant, { replications: 10 });
 * const spec = holdDistributionChart([
 *   { label: 'Baseline', bins: comparison.baseline.holdDistribution },
 *   { label: 'With callback', bins: comparison.variant.holdDistribution },
 * ]);
 * @see tidyHoldBins
 */
export function holdDistributionChart(series: readonly HoldSeries[], options: ChartOptions = {}): VegaLiteSpec {
  const values = tidyHoldBins(series);
  const labels = series.map((s) => s.label);
  const bins = [...new Set(values.map((row) => row.bin))];
  // Labels slant when they would not fit side by side (about 8 pixels a character).
  const width = options.width ?? 560;
  const slant = bins.reduce((sum, bin) => sum + bin.length * 8 + 10, 0) > width;
  return {
    ...chartFrame('The hold-time distribution: share of callers who held, by length of hold', options),
    data: { values },
    mark: { type: 'bar', cornerRadiusTopLeft: 2, cornerRadiusTopRight: 2 },
    encoding: {
      x: {
        field: 'bin',
        type: 'ordinal',
        title: 'Length of hold',
        sort: bins,
        scale: { domain: bins, paddingInner: 0.2 },
        axis: slant ? { labelAngle: -35, labelAlign: 'right', labelBaseline: 'top' } : { labelAngle: 0 },
      },
      y: { field: 'share', type: 'quantitative', title: 'Share of callers who held', axis: { format: '.0%' } },
      ...(labels.length > 1 ? { xOffset: { field: 'series', type: 'nominal', sort: labels, scale: { domain: labels } } } : {}),
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: labels,
        scale: { domain: labels, range: labels.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]) },
        ...(labels.length > 1 ? {} : { legend: null }),
      },
    },
  };
}
