import { seriesDashes, timeEncoding } from './intervalLines';
import { chartFrame, SERIES_COLORS, type ChartOptions, type VegaLiteSpec } from './spec';
import { tidyGroupIntervals, type GroupSeries } from './tidyLineIntervals';

/**
 * Occupancy of each agent group by interval (busy agents over agents on duty, time averages),
 * one colour per group, one dash pattern per series (baseline solid, variant dashed), on a
 * 0-100% scale. Intervals in which a group has nobody on duty are left out of its line.
 *
 * @example
 * const comparison = await compare(agency, withCallback, { replications: 10 });
 * const spec = occupancyByGroupChart([
 *   { label: 'Baseline', groups: comparison.baseline.groups },
 *   { label: 'With callback', groups: comparison.variant.groups },
 * ]);
 * @see queueByIntervalChart
 * @see tidyGroupIntervals
 */
export function occupancyByGroupChart(series: readonly GroupSeries[], options: ChartOptions = {}): VegaLiteSpec {
  // A group with nobody on duty in an interval has no occupancy there: no point, not 0%.
  const onDuty = new Map(tidyGroupIntervals(series, ['agentsOnDuty']).map((row) => [`${row.series}\u0000${row.group}\u0000${row.intervalStart}`, row.value]));
  const values = tidyGroupIntervals(series, ['occupancy']).filter((row) => (onDuty.get(`${row.series}\u0000${row.group}\u0000${row.intervalStart}`) ?? 0) > 0);
  const groups = [...new Set(series.flatMap((s) => Object.keys(s.groups)))];
  const labels = series.map((s) => s.label);
  const time = timeEncoding(series.flatMap((s) => Object.values(s.groups).map((group) => ({ rows: group.intervals }))));
  return {
    ...chartFrame('Occupancy by interval and agent group', options),
    data: { values },
    transform: time.transform,
    mark: time.mark,
    encoding: {
      ...time.encoding,
      y: { field: 'value', type: 'quantitative', title: 'Occupancy', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: {
        field: 'group',
        type: 'nominal',
        title: null,
        sort: groups,
        scale: { domain: groups, range: groups.map((_, i) => SERIES_COLORS[(i + 2) % SERIES_COLORS.length]) },
        legend: { symbolType: 'stroke' },
      },
      ...seriesDashes(labels),
    },
  };
}
