import type { Estimate, ReportSummary, Summary } from '../experiment';
import type { CallFigures } from '../metrics';
import { offersCallback, type ResolvedScenario } from '../scenario';
import { percent, textTable, withInterval } from './format';

/** The call figures of the center or of one line, summarized over replications. */
export type CallSummary = Summary<CallFigures>;

/**
 * A row of a table: its label, the estimate it shows and how; `callbackOnly` for a figure that
 * means nothing where no callback is offered (a mean delay over no callbacks), shown as a dash.
 */
export type Figure<S> = [label: string, show: (summary: S) => Estimate, format: (e: Estimate) => string, callbackOnly?: true];

export const count = (e: Estimate) => withInterval(e);
// Hold and delays in minutes, as `npm start` and the HTML report show them.
const minutes = (e: Estimate) => withInterval(e, 1, 1 / 60);

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
  /** Some line disconnects its callers on hold at closing (`atClose: 'disconnect'`). */
  closed: boolean;
  /** Some line has redials, which may fall after closing. */
  redials: boolean;
  /** Some line has a maximum wait (maxWaitSeconds). */
  timedOut: boolean;
  /** Some line turns a wait that reached its maximum into a callback request. */
  callbackAtTimeout: boolean;
  /** Some route transfers calls to another line. */
  transfers: boolean;
}

/** The features of one or more scenarios (the arms of a comparison): any of them. */
export function featuresOf(...scenarios: ResolvedScenario[]): Features {
  const lines = scenarios.flatMap((s) => s.lines);
  const multiLine = scenarios.some((s) => s.multiLine);
  return {
    multiLine,
    callback: scenarios.some(offersCallback),
    people: multiLine || lines.some((line) => line.redial !== undefined),
    balked: lines.some((line) => line.balking !== undefined),
    busy: scenarios.some((s) => s.trunks !== Infinity),
    disconnected: lines.some((line) => line.maxOnHold !== Infinity) || scenarios.some((s) => s.queueCapacity !== Infinity),
    closed: lines.some((line) => line.atClose === 'disconnect'),
    redials: lines.some((line) => line.redial !== undefined),
    timedOut: lines.some((line) => line.maxWaitSeconds !== Infinity),
    callbackAtTimeout: lines.some((line) => line.maxWaitSeconds !== Infinity && line.onTimeout === 'callback'),
    transfers: scenarios.some((s) => s.lines.some((line) => line.routing.some((route) => route.transfer !== undefined))),
  };
}

/** The call figures, the same for the center and for a line; `holdAndService` the rows between. */
export function callFigures<S extends CallSummary>(features: Features, serviceLevelSeconds: number, holdAndService: Array<Figure<S>>): Array<Figure<S>> {
  const list: Array<Figure<S>> = [[features.people ? 'calls offered' : 'callers offered', (s) => s.callers.offered, count]];
  if (features.people) {
    list.push(
      ['  people (first calls)', (s) => s.people.offered, count],
      ['  redials', (s) => s.redials.calls, count],
    );
  }
  if (features.transfers) list.push(['  transferred in', (s) => s.transfers?.in ?? ZERO, count]);
  list.push(['answered', (s) => s.callers.answered, count], ['abandoned', (s) => s.callers.abandoned, count]);
  if (features.balked) list.push(['balked', (s) => s.callers.balked, count]);
  if (features.busy) list.push(['busy signals', (s) => s.callers.busy, count]);
  if (features.disconnected) list.push(['disconnected (queue full)', (s) => s.callers.disconnected, count]);
  if (features.closed) list.push(['disconnected at closing', (s) => s.callers.closed, count]);
  if (features.timedOut) list.push(['timed out (message)', (s) => s.callers.timedOut ?? ZERO, count]);
  if (features.redials) list.push(['redials after closing (lost)', (s) => s.redials.afterClose, count]);
  if (features.transfers) {
    list.push(
      ['transferred out', (s) => s.transfers?.out ?? ZERO, count],
      ['transferred in, lost', (s) => s.transfers?.lost ?? ZERO, count],
    );
  }
  if (features.people) {
    list.push(
      ['people served', (s) => s.people.served, count],
      ['people who gave up', (s) => s.people.gaveUp, count],
    );
  }
  list.push(
    ['mean hold (min)', (s) => s.hold.meanSeconds, minutes],
    ['speed of answer (min)', (s) => s.speedOfAnswer.meanSeconds, minutes],
    ['p90 hold (min)', (s) => s.hold.p90Seconds, minutes],
    ['hold hours', (s) => s.hold.totalHoldHours, (e) => withInterval(e, 1)],
    ['waited at all', (s) => s.hold.probWait, percent],
    [`answered within ${serviceLevelSeconds} s`, (s) => s.serviceLevel.fraction, percent],
    ['  of calls offered', (s) => s.serviceLevel.fractionOfOffered, percent],
    ['abandonment', (s) => s.abandonment.fraction, percent],
    ...holdAndService,
  );
  if (features.callback) {
    list.push(
      ['callbacks offered', (s) => s.callback.offered, count],
      ['callbacks accepted', (s) => s.callback.accepted, count],
      ...(features.callbackAtTimeout ? [['  of which at the timeout', (s) => s.callback.atTimeout ?? ZERO, count] as Figure<S>] : []),
      ['callbacks connected', (s) => s.callback.connected, count],
      ['callbacks failed', (s) => s.callback.failed, count],
      ['callback delay (min)', (s) => s.callback.meanDelaySeconds, minutes, true],
    );
  }
  return list;
}

export function centerFigures(summary: ReportSummary, features: Features): Array<Figure<ReportSummary>> {
  const occupancy: Array<Figure<ReportSummary>> = [['agent occupancy', (s) => s.agents.occupancy, percent]];
  // Present only where calls are wrapped up (after-call work): the rest is talk and dialing.
  if (summary.agents.wrapUpOccupancy) occupancy.push(['  of which wrap-up', (s) => s.agents.wrapUpOccupancy ?? ZERO, percent]);
  return callFigures<ReportSummary>(features, summary.serviceLevel.seconds, occupancy);
}

/** A figure's cell: a dash for a callback figure where no callback is offered. */
export function cell<S>([, show, format, callbackOnly]: Figure<S>, summary: S, hasCallback: boolean): string {
  return callbackOnly && !hasCallback ? '–' : format(show(summary));
}

/** Whether the center (or, named, one of its lines) offers a callback. */
export function offersCallbackOn(scenario: ResolvedScenario, line?: string): boolean {
  if (line === undefined) return offersCallback(scenario);
  return scenario.lines.some((l) => l.name === line && l.callback !== undefined);
}

/** The figures of a replicated run, each `mean ± half-width` of its confidence interval. */
export function runTable(summary: ReportSummary, replications: number, features: Features): string {
  return textTable([
    [features.multiLine ? 'all lines' : '', `${replications} replications, 95% intervals`],
    ...centerFigures(summary, features).map((figure) => [figure[0], cell(figure, summary, features.callback)]),
  ]);
}

/** One line's figures in a replicated run. */
export function lineRunTable(name: string, line: CallSummary, features: Features, hasCallback: boolean): string {
  return textTable([
    [`line ${name}`, 'mean ± half-width'],
    ...callFigures(features, line.serviceLevel.seconds, []).map((figure) => [figure[0], cell(figure, line, hasCallback)]),
  ]);
}

/** One group's figures in a replicated run: its occupancy, agents on duty and the calls it answered of each line it serves. */
export function groupRunTable(name: string, group: Summary<GroupFigures>, lines: readonly string[]): string {
  return textTable([
    [`group ${name}`, 'mean ± half-width'],
    ...groupFigures(lines, group.wrapUpOccupancy !== undefined).map((figure) => [figure[0], cell(figure, group, false)]),
  ]);
}

/** What a group's table shows (its interval rows are in the CSV). */
export interface GroupFigures {
  occupancy: number;
  /** Of `occupancy`, the wrap-up (after-call work); present only where calls are wrapped up. */
  wrapUpOccupancy?: number;
  /** Of `occupancy`, the share busy with each line's calls. */
  occupancyByLine: Record<string, number>;
  agentsOnDuty: number;
  answered: Record<string, number>;
}

export function groupFigures(lines: readonly string[], wrapUp = false): Array<Figure<Summary<GroupFigures>>> {
  return [
    ['agents on duty (mean)', (g) => g.agentsOnDuty, (e) => withInterval(e, 1)],
    ['occupancy', (g) => g.occupancy, percent],
    ...(wrapUp ? [['  of which wrap-up', (g) => g.wrapUpOccupancy ?? ZERO, percent] as Figure<Summary<GroupFigures>>] : []),
    ...lines.map((line): Figure<Summary<GroupFigures>> => [`  busy with ${line}`, (g) => g.occupancyByLine[line] ?? ZERO, percent]),
    ...lines.map((line): Figure<Summary<GroupFigures>> => [`calls answered: ${line}`, (g) => g.answered[line] ?? ZERO, count]),
  ];
}

const ZERO: Estimate = { mean: 0, sd: 0, halfWidth: 0, low: 0, high: 0 };

/** The lines that route to each group, in the scenario's order (a single-line scenario has none to list). */
export function linesOfGroups(...scenarios: ResolvedScenario[]): Map<string, string[]> {
  const served = new Map<string, string[]>();
  for (const scenario of scenarios) {
    if (!scenario.multiLine) continue;
    for (const line of scenario.lines) {
      for (const route of line.routing) {
        const group = scenario.groups[route.group]!.name;
        const list = served.get(group) ?? [];
        if (!list.includes(line.name)) list.push(line.name);
        served.set(group, list);
      }
    }
  }
  return served;
}

/** Every table of a run: the totals, then (for a multi-line center) each line and each group. */
export function runTables(scenario: ResolvedScenario, summary: ReportSummary, replications: number): string {
  const features = featuresOf(scenario);
  const tables = [runTable(summary, replications, features)];
  if (scenario.multiLine) {
    const served = linesOfGroups(scenario);
    for (const line of scenario.lines) tables.push(lineRunTable(line.name, summary.lines[line.name]!, features, line.callback !== undefined));
    for (const group of scenario.groups) tables.push(groupRunTable(group.name, summary.groups[group.name]!, served.get(group.name) ?? []));
  }
  return tables.join('\n\n');
}
