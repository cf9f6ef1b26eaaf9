// A scenario per day type, fitted from one reading of the records: each type its own arrivals,
// roster, day factor, handle times and patience; priority callers and teams as the records show them.
import { validateScenario, type MultiLineScenario } from '../scenario';
import { DEFAULT_GROUP, type CallTally } from './callTally';
import { CreditTally, type CreditEstimate } from './credit';
import { dayTypeOf, type DayType } from './dayTypes';
import { CalibrationError } from './errors';
import { fitTally, newTally, round } from './fitScenario';
import type { FitOptions, FittedScenario } from './fitTypes';
import type { CallRecord } from './records';

const DAY = 86_400;
/** A waiting credit is put in the scenario once this many answers bound it. */
const CREDIT_MIN_BOUNDS = 30;
/** Suffix of the line of a line's priority callers. */
export const PRIORITY_SUFFIX = '-priority';

/** Options of `fitDayTypes`. */
export interface DayTypeFitOptions extends FitOptions {
  /** The day types (`findDayTypes`, `parseDayTypes`); days of weekdays no type covers are left out and counted. */
  dayTypes: readonly DayType[];
  /** Agent → group for agents of a team (`findTeams`); others are in `agents`. Default: the records' own groups. */
  teams?: Readonly<Record<string, string>>;
}

/** The observed waits of one day type: what the staffing is fitted to. */
export interface ObservedWaits {
  /** Mean over the days of each day's mean wait of the calls that held (every line). */
  meanWaitSeconds: number;
  /** Standard deviation of those daily means. */
  sdSeconds: number;
  /** Abandoned over calls that held, every day together. */
  abandonment: number;
  days: number;
}

/** One day type's fit: the scenario, its diagnostics, and what the type covers. */
export interface FittedDayType extends FittedScenario {
  name: string;
  weekdays: number[];
  /** The calendar days (YYYY-MM-DD) the type covers in the records. */
  days: string[];
  /** Per line with priority callers: the waiting credit the order of service shows. */
  credit: Record<string, CreditEstimate>;
  observed: ObservedWaits;
  /** Per group, the agents seen serving in each interval of the fitted day, time-averaged over the days, unrounded. */
  agentsSeen: Record<string, number[]>;
}

/** What `fitDayTypes` returns. */
export interface FittedDayTypes {
  dayTypes: FittedDayType[];
  /** Records on days that no type covers, left out. */
  recordsWithoutType: number;
}

/**
 * The record as the fit and the backtest read it: priority callers (priority > 0) on a line of
 * their own (`PS` → `PS-priority`), and the agent's team as its group.
 */
export function typedRecord(record: CallRecord, teams: Readonly<Record<string, string>> | undefined): CallRecord {
  const priority = (record.priority ?? 0) > 0;
  const group = teams === undefined || record.agent === undefined ? record.group : (teams[record.agent] ?? DEFAULT_GROUP);
  if (!priority && group === record.group) return record;
  const typed: CallRecord = { ...record, line: priority ? `${record.line}${PRIORITY_SUFFIX}` : record.line };
  if (group !== undefined) typed.group = group;
  return typed;
}

class DayTypeTally {
  readonly tally;
  /** Per line (records' own, priority callers included): the answers that bound a waiting credit. */
  readonly credit = new Map<string, CreditTally>();
  readonly days = new Map<number, { held: number; wait: number; abandoned: number }>();

  constructor(
    readonly type: DayType,
    options: FitOptions,
  ) {
    this.tally = newTally(options);
  }

  add(record: CallRecord, teams: DayTypeFitOptions['teams']): void {
    const typed = typedRecord(record, teams);
    this.tally.add(typed);
    if ((record.priority ?? 0) > 0 && !this.credit.has(record.line)) this.credit.set(record.line, new CreditTally());
    this.credit.get(record.line)?.add(record);
    const day = Math.floor(record.arrivedAt / DAY);
    let figures = this.days.get(day);
    if (!figures) this.days.set(day, (figures = { held: 0, wait: 0, abandoned: 0 }));
    if (record.outcome === 'answered') {
      figures.held++;
      figures.wait += record.answeredAt! - record.arrivedAt;
    } else if (record.outcome === 'abandoned' || record.outcome === 'balked') {
      figures.held++;
      figures.abandoned++;
      if (record.endedAt !== undefined) figures.wait += record.endedAt - record.arrivedAt;
    }
  }
}

/**
 * Fits one scenario per day type (DESIGN.md, "The clock, closing, and the calendar": a day type
 * has its own arrivals and roster): the records of the days of each type are fitted as
 * `fitScenario` fits them, each type with its own day factor. Priority callers get a line of
 * their own (`<line>-priority`) whose `priority` is the waiting credit the order of service
 * shows (`CreditTally`), once 30 answers bound it; a type says which calendar days it covers.
 *
 * @example
 * const types = findDayTypes(await surveyRecords(read()));
 * const fitted = await fitDayTypes(read(), { dayTypes: types, teams: findTeams(survey), breakBelowSeconds: 10 });
 * fitted.dayTypes.map((t) => [t.name, t.days.length]); // [['sun-thu', 110], ['fri', 26], ['sat', 25]]
 */
export function fitDayTypes(records: Iterable<CallRecord>, options: DayTypeFitOptions): FittedDayTypes;
export function fitDayTypes(records: AsyncIterable<CallRecord>, options: DayTypeFitOptions): Promise<FittedDayTypes>;
export function fitDayTypes(records: Iterable<CallRecord> | AsyncIterable<CallRecord>, options: DayTypeFitOptions): FittedDayTypes | Promise<FittedDayTypes> {
  if (options.dayTypes.length === 0) throw new CalibrationError(['dayTypes: expected at least one day type']);
  const tallies = options.dayTypes.map((type) => new DayTypeTally(type, options));
  let withoutType = 0;
  const add = (record: CallRecord) => {
    const type = dayTypeOf(options.dayTypes, Math.floor(record.arrivedAt / DAY));
    if (type === undefined) withoutType++;
    else tallies[options.dayTypes.indexOf(type)]!.add(record, options.teams);
  };
  if (Symbol.asyncIterator in records) {
    return (async () => {
      for await (const record of records) add(record);
      return finish(tallies, withoutType, options);
    })();
  }
  for (const record of records) add(record);
  return finish(tallies, withoutType, options);
}

function finish(tallies: DayTypeTally[], withoutType: number, options: DayTypeFitOptions): FittedDayTypes {
  const dayTypes: FittedDayType[] = [];
  for (const t of tallies) {
    if (t.tally.records === 0) continue;
    const fitted = fitTally(t.tally, { ...options, name: `${options.name ?? 'fitted'} (${t.type.name})` });
    const credit: Record<string, CreditEstimate> = {};
    const credited = new Map<string, number>();
    for (const [line, tally] of t.credit) {
      const estimate = tally.estimate();
      const name = `${line}${PRIORITY_SUFFIX}`;
      if (!estimate || !(name in fitted.diagnostics.lines)) continue;
      credit[name] = estimate;
      if (estimate.bounds >= CREDIT_MIN_BOUNDS && estimate.creditSeconds >= 1) credited.set(name, round(estimate.creditSeconds, 0));
      else if (estimate.bounds < CREDIT_MIN_BOUNDS) fitted.diagnostics.warnings.push(`line ${name}: only ${estimate.bounds} answers bound the waiting credit; none is fitted`);
    }
    if (credited.size > 0 && 'lines' in fitted.scenario) {
      const scenario: MultiLineScenario = {
        ...fitted.scenario,
        lines: fitted.scenario.lines.map((line) => (credited.has(line.name) ? { ...line, priority: { creditSeconds: credited.get(line.name)! } } : line)),
      };
      fitted.scenario = validateScenario(scenario);
    }
    const days = [...t.days.keys()].sort((a, b) => a - b);
    dayTypes.push({
      ...fitted,
      name: t.type.name,
      weekdays: [...t.type.weekdays],
      days: days.map((day) => new Date(day * DAY * 1000).toISOString().slice(0, 10)),
      credit,
      observed: observedWaits([...t.days.values()]),
      agentsSeen: unroundedAgents(t.tally, fitted),
    });
  }
  return { dayTypes, recordsWithoutType: withoutType };
}

/** The roster the fit rounded, before rounding: finer steps for `fitStaffing` to scale. */
export function unroundedAgents(tally: CallTally, fitted: FittedScenario): Record<string, number[]> {
  const { openAtSeconds, intervalSeconds, groups } = fitted.diagnostics;
  const first = Math.round(openAtSeconds / intervalSeconds);
  const days = tally.firstCallsByDay.size;
  return Object.fromEntries(
    Object.entries(groups).map(([group, g]) => {
      const onDuty = tally.agentsOnDuty.get(group);
      return [group, g.source === 'roster' || !onDuty ? [...g.agentsPerInterval] : g.agentsPerInterval.map((_, k) => round(onDuty[first + k]! / days, 2))];
    }),
  );
}

function observedWaits(days: ReadonlyArray<{ held: number; wait: number; abandoned: number }>): ObservedWaits {
  const means = days.filter((d) => d.held > 0).map((d) => d.wait / d.held);
  const mean = means.reduce((s, x) => s + x, 0) / Math.max(1, means.length);
  const sd = means.length < 2 ? 0 : Math.sqrt(means.reduce((s, x) => s + (x - mean) ** 2, 0) / (means.length - 1));
  const held = days.reduce((s, d) => s + d.held, 0);
  const abandoned = days.reduce((s, d) => s + d.abandoned, 0);
  return { meanWaitSeconds: mean, sdSeconds: sd, abandonment: held === 0 ? 0 : abandoned / held, days: means.length };
}
