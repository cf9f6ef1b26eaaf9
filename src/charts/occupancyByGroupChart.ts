import { seriesDashes, timeEncoding } from './intervalLines';
import { smallMultiples, type SmallMultiplesOptions } from './smallMultiples';
import { seriesLineColor, type VegaLiteSpec } from './spec';
import { tidyGroupIntervals, type GroupSeries } from './tidyLineIntervals';

/**
 * Occupancy of each agent group by interval (busy agents over agents on duty, time averages)
 * as small multiples: one panel per group, on one 0-100% scale, one colour per series
 * (baseline solid, variant dashed). A panel each, because busy groups sit at 100% together: on one plot
 * their lines would lie on top of each other and only the last drawn would show. Intervals in
 * which a group has nobody on duty are left out of its line.
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
export function occupancyByGroupChart(series: readonly GroupSeries[], options: SmallMultiplesOptions = {}): VegaLiteSpec {
  // A group with nobody on duty in an interval has no occupancy there: no point, not 0%.
  const onDuty = new Map(tidyGroupIntervals(series, ['agentsOnDuty']).map((row) => [`${row.series}\u0000${row.group}\u0000${row.intervalStart}`, row.value]));
  const values = tidyGroupIntervals(series, ['occupancy']).filter((row) => (onDuty.get(`${row.series}\u0000${row.group}\u0000${row.intervalStart}`) ?? 0) > 0);
  const labels = series.map((s) => s.label);
  const groups = [...new Set(series.flatMap((s) => Object.keys(s.groups)))];
  const time = timeEncoding(series.flatMap((s) => Object.values(s.groups).map((group) => ({ rows: group.intervals }))), options.opensAtSeconds);
  const line = {
    mark: time.mark,
    encoding: {
      ...time.encoding,
      y: { field: 'value', type: 'quantitative', title: 'Occupancy', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: seriesLineColor(labels),
      ...seriesDashes(labels),
    },
  };
  return smallMultiples('Occupancy by interval, one panel per agent group', options, { field: 'group', panels: groups, sharedY: true }, values, time.transform, [line]);
}
