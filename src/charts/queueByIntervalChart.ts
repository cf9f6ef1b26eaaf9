import { intervalLinesChart } from './intervalLines';
import type { ChartOptions, VegaLiteSpec } from './spec';
import type { IntervalSeries } from './tidyIntervals';

/**
 * The queue by interval: callers on hold, agents busy and agents on duty, each a time
 * average over the interval, so the gap between the busy and on-duty lines is idle capacity
 * and the hold line shows when the queue builds up.
 *
 * @example
 * const { summary } = await replicate(scenario, { replications: 10 });
 * const spec = queueByIntervalChart([{ label: scenario.name ?? 'Scenario', rows: summary.intervals }]);
 * @see callsByIntervalChart
 */
export function queueByIntervalChart(series: readonly IntervalSeries[], options: ChartOptions = {}): VegaLiteSpec {
  return intervalLinesChart(
    series,
    [
      { variable: 'meanQueueLength', name: 'Callers on hold', color: '#ea580c' },
      { variable: 'busyAgents', name: 'Agents busy', color: '#2563eb' },
      { variable: 'agentsOnDuty', name: 'Agents on duty', color: '#94a3b8' },
    ],
    'Callers or agents',
    'The queue by interval: callers on hold, agents busy and on duty',
    options,
  );
}
