import type { Comparison, Estimate, ReportSummary, Summary } from '../experiment';
import type { CallFigures } from '../metrics';
import { isMultiLine, offersCallback, type Line, type Scenario } from '../scenario';
import { percent, textTable, withInterval } from './format';

/** The call figures of the center or of one line, summarized over replications. */
export type CallSummary = Summary<CallFigures>;

type Figure<S> = [label: string, show: (summary: S) => Estimate, format: (e: Estimate) => string];

const count = (e: Estimate) => withInterval(e);
const seconds = (e: Estimate) => withInterval(e, 1);

/**
 * What the scenarios can produce, and so which rows a table shows: a figure that is always 0
 * (balking without a balking rule, busy signals without trunks...) is left out.
 */
export interface Features {
  multiLine: boolean;
  callback: boolean;
  /** People differ from calls: some line has redials (shown for every multi-line center too). */
  people: boolean;
  balked: boolean;
  busy: boolean;
  disconnected: boolean;
}

/** The features of one or more scenarios (the arms of a comparison): any of them. */
export function featuresOf(...scenarios: Scenario[]): Features {
  const lines = scenarios.flatMap((s): Array<Pick<Line, 'redial' | 'balking' | 'maxOnHold'>> => (isMultiLine(s) ? [...s.lines] : [s]));
  const multiLine = scenarios.some(isMultiLine);
  return {
    multiLine,
    callback: scenarios.some(offersCallback),
    people: multiLine || lines.some((line) => line.redial !== undefined),
    balked: lines.some((line) => line.balking !== undefined),
    busy: scenarios.some((s) => s.trunks !== undefined),
    disconnected: lines.some((line) => line.maxOnHold !== undefined),
  };
}

/** The call figures, the same for the center and for a line; `holdAndService` the rows between. */
function callFigures<S extends CallSummary>(features: Features, serviceLevelSeconds: number, holdAndService: Array<Figure<S>>): Array<Figure<S>> {
  const list: Array<Figure<S>> = [[features.people ? 'calls offered' : 'callers offered', (s) => s.callers.offered, count]];
  if (features.people) {
    list.push(
      ['  people (first calls)', (s) => s.people.offered, count],
      ['  redials', (s) => s.redials.calls, count],
    );
  }
  list.push(['answered', (s) => s.callers.answered, count], ['abandoned', (s) => s.callers.abandoned, count]);
  if (features.balked) list.push(['balked', (s) => s.callers.balked, count]);
  if (features.busy) list.push(['busy signals', (s) => s.callers.busy, count]);
  if (features.disconnected) list.push(['disconnected (queue full)', (s) => s.callers.disconnected, count]);
  if (features.people) {
    list.push(
      ['people served', (s) => s.people.served, count],
      ['people who gave up', (s) => s.people.gaveUp, count],
    );
  }
  list.push(
    ['mean hold (s)', (s) => s.hold.meanSeconds, seconds],
    ['p90 hold (s)', (s) => s.hold.p90Seconds, seconds],
    ['hold hours', (s) => s.hold.totalHoldHours, (e) => withInterval(e, 1)],
    ['waited at all', (s) => s.hold.probWait, percent],
    [`answered within ${serviceLevelSeconds} s`, (s) => s.serviceLevel.fraction, percent],
    ['abandonment', (s) => s.abandonment.fraction, percent],
    ...holdAndService,
  );
  if (features.callback) {
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

function centerFigures(summary: ReportSummary, features: Features): Array<Figure<ReportSummary>> {
  return callFigures<ReportSummary>(features, summary.serviceLevel.seconds, [['agent occupancy', (s) => s.agents.occupancy, percent]]);
}

/** The figures of a replicated run, each `mean ± half-width` of its confidence interval. */
export function runTable(summary: ReportSummary, replications: number, features: Features): string {
  return textTable([
    [features.multiLine ? 'all lines' : '', `${replications} replications, 95% intervals`],
    ...centerFigures(summary, features).map(([label, show, format]) => [label, format(show(summary))]),
  ]);
}

/** One line's figures in a replicated run. */
export function lineRunTable(name: string, line: CallSummary, features: Features): string {
  return textTable([
    [`line ${name}`, 'mean ± half-width'],
    ...callFigures(features, line.serviceLevel.seconds, []).map(([label, show, format]) => [label, format(show(line))]),
  ]);
}

/** One group's figures in a replicated run: its occupancy, agents on duty and the calls it answered of each line it serves. */
export function groupRunTable(name: string, group: Summary<GroupFigures>, lines: readonly string[]): string {
  return textTable([
    [`group ${name}`, 'mean ± half-width'],
    ...groupFigures(lines).map(([label, show, format]) => [label, format(show(group))]),
  ]);
}

/** What a group's table shows (its interval rows are in the CSV). */
export interface GroupFigures {
  occupancy: number;
  agentsOnDuty: number;
  answered: Record<string, number>;
}

function groupFigures(lines: readonly string[]): Array<Figure<Summary<GroupFigures>>> {
  return [
    ['agents on duty (mean)', (g) => g.agentsOnDuty, (e) => withInterval(e, 1)],
    ['occupancy', (g) => g.occupancy, percent],
    ...lines.map((line): Figure<Summary<GroupFigures>> => [`calls answered: ${line}`, (g) => g.answered[line] ?? ZERO, count]),
  ];
}

const ZERO: Estimate = { mean: 0, sd: 0, halfWidth: 0, low: 0, high: 0 };

const COMPARE_HEADER = ['baseline', 'variant', 'difference (paired)'];

function armRows<S>(figures: Array<Figure<S>>, baseline: S, variant: S, difference: S): string[][] {
  return figures.map(([label, show, format]) => [label, format(show(baseline)), format(show(variant)), format(show(difference))]);
}

const hours = (e: Estimate) => withInterval(e, 1);

/** Baseline against variant, with the paired difference and the hold saved. */
export function compareTable(comparison: Comparison, features: Features): string {
  const { baseline, variant, difference, savings } = comparison;
  const rows = armRows(centerFigures(baseline, features), baseline, variant, difference);
  rows.push(
    ['hold hours saved: direct', '', hours(savings.directHoldHours), ''],
    ['hold hours saved: indirect', '', hours(savings.indirectHoldHours), ''],
    ['hold hours saved: net', '', hours(savings.netHoldHours), ''],
  );
  return textTable([[features.multiLine ? 'all lines' : '', ...COMPARE_HEADER], ...rows]);
}

/** One line in both arms, with the hold that line's callers saved. */
export function lineCompareTable(name: string, comparison: Comparison, features: Features): string {
  const [b, v, d] = [comparison.baseline.lines[name]!, comparison.variant.lines[name]!, comparison.difference.lines[name]!];
  const rows = armRows(callFigures<CallSummary>(features, b.serviceLevel.seconds, []), b, v, d);
  const saved = comparison.savingsByLine[name];
  if (saved) {
    rows.push(
      ['hold hours saved: direct', '', hours(saved.directHoldHours), ''],
      ['hold hours saved: indirect', '', hours(saved.indirectHoldHours), ''],
      ['hold hours saved: net', '', hours(saved.netHoldHours), ''],
    );
  }
  return textTable([[`line ${name}`, ...COMPARE_HEADER], ...rows]);
}

/** One group in both arms. */
export function groupCompareTable(name: string, comparison: Comparison, lines: readonly string[]): string {
  const [b, v, d] = [comparison.baseline.groups[name]!, comparison.variant.groups[name]!, comparison.difference.groups[name]!];
  return textTable([[`group ${name}`, ...COMPARE_HEADER], ...armRows(groupFigures(lines), b, v, d)]);
}

/** The lines that route to each group, in the scenario's order (a single-line scenario has none to list). */
export function linesOfGroups(...scenarios: Scenario[]): Map<string, string[]> {
  const served = new Map<string, string[]>();
  for (const scenario of scenarios) {
    if (!isMultiLine(scenario)) continue;
    for (const line of scenario.lines) {
      for (const route of line.routing) {
        const list = served.get(route.group) ?? [];
        if (!list.includes(line.name)) list.push(line.name);
        served.set(route.group, list);
      }
    }
  }
  return served;
}

/** Every table of a run: the totals, then (for a multi-line center) each line and each group. */
export function runTables(scenario: Scenario, summary: ReportSummary, replications: number): string {
  const features = featuresOf(scenario);
  const tables = [runTable(summary, replications, features)];
  if (isMultiLine(scenario)) {
    const served = linesOfGroups(scenario);
    for (const line of scenario.lines) tables.push(lineRunTable(line.name, summary.lines[line.name]!, features));
    for (const group of scenario.groups) tables.push(groupRunTable(group.name, summary.groups[group.name]!, served.get(group.name) ?? []));
  }
  return tables.join('\n\n');
}

/** Every table of a comparison: the totals, then each line and each group that both arms have. */
export function compareTables(baseline: Scenario, variant: Scenario, comparison: Comparison): string {
  const features = featuresOf(baseline, variant);
  const tables = [compareTable(comparison, features)];
  if (isMultiLine(baseline) || isMultiLine(variant)) {
    const inBoth = (name: string, of: 'lines' | 'groups') => name in comparison.baseline[of] && name in comparison.variant[of];
    const served = linesOfGroups(baseline, variant);
    for (const name of Object.keys(comparison.baseline.lines)) if (inBoth(name, 'lines')) tables.push(lineCompareTable(name, comparison, features));
    for (const name of Object.keys(comparison.baseline.groups)) if (inBoth(name, 'groups')) tables.push(groupCompareTable(name, comparison, served.get(name) ?? []));
  }
  return tables.join('\n\n');
}
