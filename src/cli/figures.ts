import type { Comparison, Estimate, ReportSummary } from '../experiment';
import { percent, textTable, withInterval } from './format';

type Figure = [label: string, show: (summary: ReportSummary) => Estimate, format: (e: Estimate) => string];

const count = (e: Estimate) => withInterval(e);
const seconds = (e: Estimate) => withInterval(e, 1);

function figures(summary: ReportSummary, withCallback: boolean): Figure[] {
  const list: Figure[] = [
    ['callers offered', (s) => s.callers.offered, count],
    ['answered', (s) => s.callers.answered, count],
    ['abandoned', (s) => s.callers.abandoned, count],
    ['mean hold (s)', (s) => s.hold.meanSeconds, seconds],
    ['p90 hold (s)', (s) => s.hold.p90Seconds, seconds],
    ['hold hours', (s) => s.hold.totalHoldHours, (e) => withInterval(e, 1)],
    ['waited at all', (s) => s.hold.probWait, percent],
    [`answered within ${summary.serviceLevel.seconds} s`, (s) => s.serviceLevel.fraction, percent],
    ['abandonment', (s) => s.abandonment.fraction, percent],
    ['agent occupancy', (s) => s.agents.occupancy, percent],
  ];
  if (withCallback) {
    list.push(
      ['callbacks offered', (s) => s.callback.offered, count],
      ['callbacks accepted', (s) => s.callback.accepted, count],
      ['callbacks connected', (s) => s.callback.connected, count],
      ['callbacks failed', (s) => s.callback.failed, count],
      ['callback delay (s)', (s) => s.callback.meanDelaySeconds, seconds],
    );
  }
  return list;
}

/** The figures of a replicated run, each `mean ± half-width` of its confidence interval. */
export function runTable(summary: ReportSummary, replications: number, withCallback: boolean): string {
  return textTable([
    ['', `${replications} replications, 95% intervals`],
    ...figures(summary, withCallback).map(([label, show, format]) => [label, format(show(summary))]),
  ]);
}

/** Baseline against variant, with the paired difference and the hold saved. */
export function compareTable(comparison: Comparison, withCallback: boolean): string {
  const { baseline, variant, difference, savings } = comparison;
  const rows = figures(baseline, withCallback).map(([label, show, format]) => [
    label,
    format(show(baseline)),
    format(show(variant)),
    format(show(difference)),
  ]);
  const hours = (e: Estimate) => withInterval(e, 1);
  rows.push(
    ['hold hours saved: direct', '', hours(savings.directHoldHours), ''],
    ['hold hours saved: indirect', '', hours(savings.indirectHoldHours), ''],
    ['hold hours saved: net', '', hours(savings.netHoldHours), ''],
  );
  return textTable([['', 'baseline', 'variant', 'difference (paired)'], ...rows]);
}

