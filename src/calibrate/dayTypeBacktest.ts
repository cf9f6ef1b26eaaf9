// The backtest of a fit by day type: each type's scenario beside the records of its own days,
// on the staffing the records themselves show when asked (so a holdout tests the queueing).
import { validateScenario, type Scenario } from '../scenario';
import { backtest, type Backtest, type BacktestOptions, type BacktestRow } from './backtest';
import { dayTypeOf } from './dayTypes';
import { typedRecord, type FittedDayType } from './dayTypeFit';
import { CalibrationError } from './errors';
import type { CallRecord } from './records';
import { recordedDay, withStaffing, type StaffingEstimate } from './staffing';

const DAY = 86_400;

/** One day type as a fit hands it on (a file of `queuecast fit --day-types`). */
export interface DayTypeScenario {
  name: string;
  weekdays: number[];
  /** The calendar days it was fitted on. */
  days: string[];
  /** The time of day (seconds after midnight) the scenario's time 0 stands for. */
  openAtSeconds: number;
  scenario: Scenario;
  /** The availability of the agents seen serving, when the staffing was fitted. */
  staffing?: StaffingEstimate;
}

/** A fit by day type, as it is written and read back. */
export interface DayTypeScenarios {
  dayTypes: DayTypeScenario[];
  /** Agent → team (`findTeams`). */
  teams: Record<string, string>;
  /** Services shorter than this were agents taking a break. */
  breakBelowSeconds?: number;
}

/** A backtest row of a typed fit: its day type beside the row's own columns. */
export interface DayTypeBacktestRow extends BacktestRow {
  dayType: string;
}

/** What `backtestDayTypes` resolves to. */
export interface DayTypeBacktest {
  dayTypes: Array<{ name: string; days: number; rosterFromRecords: boolean; arrivalsFromRecords: boolean; backtest: Backtest }>;
  rows: DayTypeBacktestRow[];
  /** Records of lines a type's scenario does not have (a line seen only in the backtest's month), left out. */
  recordsWithoutLine: number;
}

/**
 * The hand-on form of a fit by day type: each type's scenario with the calendar days it covers,
 * its staffing estimate, the teams and the break threshold (what `queuecast fit --day-types`
 * writes and `backtestDayTypes` reads).
 *
 * @example
 * const staffed = [];
 * for (const type of fitted.dayTypes) staffed.push({ ...type, ...(await fitStaffing(type)) });
 * const fit = dayTypeScenarios(staffed, teams, 10);
 * fit.dayTypes.map((type) => type.name);   // e.g. ['sun-thu', 'fri', 'sat']
 */
export function dayTypeScenarios(types: ReadonlyArray<FittedDayType & { staffing?: StaffingEstimate }>, teams: Record<string, string>, breakBelowSeconds?: number): DayTypeScenarios {
  return {
    dayTypes: types.map((t) => ({
      name: t.name,
      weekdays: t.weekdays,
      days: t.days,
      openAtSeconds: t.diagnostics.openAtSeconds,
      scenario: t.scenario,
      ...(t.staffing ? { staffing: t.staffing } : {}),
    })),
    teams,
    ...(breakBelowSeconds === undefined ? {} : { breakBelowSeconds }),
  };
}

/**
 * Backtests each day type's scenario on the records of its own weekdays (rows tagged with
 * `dayType`). With `rosterFromRecords`, each type runs on the agents seen serving in the records
 * tested (the fit's estimator), times the fitted availability: a holdout month then tests the
 * queueing model, not a roster it never saw. With `arrivalsFromRecords`, each line's arrivals are
 * the first calls of the records tested (mean over their days, redials left to the line's rule)
 * instead of the fit's forecast: the day factor stays, the volume is what the days had. The
 * default stays the forecast, which is what a planner has before the month. The records are held
 * in memory, a type at a time.
 *
 * @example
 * const result = await backtestDayTypes(fit, juneRecords, { rosterFromRecords: true });
 * result.rows.filter((r) => r.dayType === 'sun-thu' && r.measure === 'meanWaitSeconds');
 */
export async function backtestDayTypes(
  fit: DayTypeScenarios,
  records: Iterable<CallRecord> | AsyncIterable<CallRecord>,
  options: BacktestOptions & { rosterFromRecords?: boolean; arrivalsFromRecords?: boolean } = {},
): Promise<DayTypeBacktest> {
  const types = fit.dayTypes.map((t) => ({ ...t, weekdays: t.weekdays }));
  const byType = types.map(() => [] as CallRecord[]);
  const add = (record: CallRecord) => {
    const type = dayTypeOf(types, Math.floor(record.arrivedAt / DAY));
    if (type) byType[types.indexOf(type as (typeof types)[number])]!.push(record);
  };
  if (Symbol.asyncIterator in records) for await (const record of records) add(record);
  else for (const record of records) add(record);
  const problems = options.rosterFromRecords ? types.filter((t) => !t.staffing).map((t) => `day type ${t.name}: no fitted staffing (availability) to put on the agents seen`) : [];
  if (problems.length > 0) throw new CalibrationError(problems);

  const result: DayTypeBacktest = { dayTypes: [], rows: [], recordsWithoutLine: 0 };
  for (const [i, type] of types.entries()) {
    const own = byType[i]!;
    if (own.length === 0) continue;
    const lines = new Set('lines' in type.scenario ? type.scenario.lines.map((l) => l.name) : []);
    const typed = own.map((r) => typedRecord(r, fit.teams)).filter((r) => lines.size === 0 || lines.has(r.line));
    result.recordsWithoutLine += own.length - typed.length;
    let scenario = type.scenario;
    if (options.rosterFromRecords || options.arrivalsFromRecords) {
      const intervalSeconds = intervalOf(scenario);
      const slots = Math.round(scenarioSeconds(scenario) / intervalSeconds);
      const seen = recordedDay(own, { intervalSeconds, openAtSeconds: type.openAtSeconds, slots, teams: fit.teams, breakBelowSeconds: fit.breakBelowSeconds });
      if (options.rosterFromRecords) scenario = withStaffing(scenario, seen.agents, type.staffing!.availability, intervalSeconds);
      if (options.arrivalsFromRecords) scenario = withArrivals(scenario, seen.arrivals, intervalSeconds);
    }
    const tested = await backtest(scenario, typed, { ...options, openAtSeconds: type.openAtSeconds });
    result.dayTypes.push({ name: type.name, days: tested.days, rosterFromRecords: options.rosterFromRecords === true, arrivalsFromRecords: options.arrivalsFromRecords === true, backtest: tested });
    for (const { line, ...row } of tested.rows) result.rows.push({ line, dayType: type.name, ...row });
  }
  return result;
}

/** How a backtest holds on the busy intervals of one line (20+ calls a day on average). */
export interface BusySummary {
  intervals: number;
  /** Share of the busy intervals' mean waits and abandonment inside their bands. */
  inside: number;
  /** Mean of |simulated − observed| / observed over those figures (observed > 0). */
  meanRelativeError: number;
  /** Median of (high − low) / observed: how wide the bands are beside what they bracket. */
  medianBandWidth: number;
}

/**
 * The figures a planner judges a backtest by, on one line's busy intervals: inside the bands,
 * mean relative error, band width.
 *
 * @example
 * const june = await backtestDayTypes(fit, readCallRecords(['june.txt.gz'], { format: 'bank' }).records(), { rosterFromRecords: true });
 * const ps = busySummary(june.rows, 'PS');   // intervals with 20+ calls a day
 * ps.inside; ps.meanRelativeError; ps.medianBandWidth;
 */
export function busySummary(rows: readonly BacktestRow[], line: string, minCalls = 20): BusySummary {
  const key = (r: BacktestRow & { dayType?: string }) => `${r.dayType ?? ''}\u0000${r.intervalStart}`;
  const busy = new Set(rows.filter((r) => r.line === line && r.measure === 'calls' && r.observed >= minCalls).map(key));
  const judged = rows.filter((r) => r.line === line && busy.has(key(r)) && (r.measure === 'meanWaitSeconds' || r.measure === 'abandonment'));
  const positive = judged.filter((r) => r.observed > 0);
  const widths = positive.map((r) => (r.high - r.low) / r.observed).sort((a, b) => a - b);
  return {
    intervals: busy.size,
    inside: judged.length === 0 ? 0 : judged.filter((r) => r.inside).length / judged.length,
    meanRelativeError: positive.length === 0 ? 0 : positive.reduce((s, r) => s + Math.abs(r.simulated - r.observed) / r.observed, 0) / positive.length,
    medianBandWidth: widths.length === 0 ? 0 : widths[Math.floor(widths.length / 2)]!,
  };
}

/** The scenario with each line's arrivals those of the records (lines without calls in them get none). */
function withArrivals(scenario: Scenario, arrivals: Readonly<Record<string, readonly number[]>>, intervalSeconds: number): Scenario {
  const slots = Math.round(scenarioSeconds(scenario) / intervalSeconds);
  const of = (line: string) => ({ intervalSeconds, perInterval: [...(arrivals[line] ?? new Array<number>(slots).fill(0))] });
  if ('lines' in scenario) return validateScenario({ ...scenario, lines: scenario.lines.map((l) => ({ ...l, arrivals: of(l.name) })) });
  const only = Object.keys(arrivals)[0];
  return validateScenario({ ...scenario, arrivals: { ...of(only ?? ''), ...('rateUncertainty' in scenario.arrivals ? { rateUncertainty: scenario.arrivals.rateUncertainty } : {}) } });
}

function intervalOf(scenario: Scenario): number {
  const arrivals = 'lines' in scenario ? scenario.lines[0]!.arrivals : scenario.arrivals;
  if ('intervalSeconds' in arrivals) return arrivals.intervalSeconds;
  throw new CalibrationError(['the scenario has no interval schedule: a fitted scenario has one']);
}

function scenarioSeconds(scenario: Scenario): number {
  const arrivals = 'lines' in scenario ? scenario.lines.map((l) => l.arrivals) : [scenario.arrivals];
  return Math.max(...arrivals.map((a) => ('intervalSeconds' in a ? a.intervalSeconds * a.perInterval.length : 0)));
}
