// The model's own forecast on a center's call records (test/realtime/recordedWaits.test.ts,
// benchmarks/forecastRecords.bench.ts): the moments `scoreRecordedWaits` replays, made into the
// snapshot of a scenario fitted by day type, and forecast by `createWaitForecaster`.
import { createWaitForecaster, type MultiLineSnapshot, type WaitForecaster } from '../../src';
import { DEFAULT_GROUP, dayTypeOf, recordedDay, typedRecord, withStaffing, type CallRecord, type FittedDayType } from '../../src/calibrate';
import type { RecordedForecaster, RecordedMoment } from '../../src/realtime/recordedWaits';

const DAY = 86_400;

/** Options of `modelOnRecords`. */
export interface ModelOnRecordsOptions {
  /** The day types fitted (`fitDayTypes`): each day of the records is forecast on its type's scenario. */
  dayTypes: readonly FittedDayType[];
  /** Agent → team, as the fit had them (`findTeams`). */
  teams?: Readonly<Record<string, string>>;
  /** Futures a forecast, exactly: 39 makes the median and p90 the 20th and 36th waits. */
  futures: number;
  /** The share of the agents seen serving who take calls (`fitStaffing`'s availability); default 1. */
  availability?: number;
  /** Forecast one arrival in this many (the others are left out); default 1. */
  every?: number;
  seed?: number;
}

/**
 * A forecaster for `scoreRecordedWaits`: at each moment, the snapshot of the center the records
 * show (every line's callers on hold by their typed line, `PS-priority` apart; every agent in a
 * call, by team, as the agents on duty: with someone on hold an agent on duty is busy), on the
 * scenario of the day's type whose roster is the agents seen serving that day (the estimator of
 * the backtest's `rosterFromRecords`: a live center knows its own roster) times the
 * availability; the caller forecast on their typed line.
 */
export function modelOnRecords(records: readonly CallRecord[], options: ModelOnRecordsOptions): RecordedForecaster & { futures: number; events: number } {
  const byDay = new Map<number, CallRecord[]>();
  for (const record of records) {
    const day = Math.floor(record.arrivedAt / DAY);
    let own = byDay.get(day);
    if (!own) byDay.set(day, (own = []));
    own.push(record);
  }
  const days = new Map<number, { forecast: WaitForecaster; openAtSeconds: number } | undefined>();
  const dayOf = (day: number) => {
    if (days.has(day)) return days.get(day);
    const type = dayTypeOf(options.dayTypes, day) as FittedDayType | undefined;
    let forecaster;
    if (type) {
      const { intervalSeconds, openAtSeconds } = type.diagnostics;
      const slots = 'lines' in type.scenario && 'perInterval' in type.scenario.lines[0]!.arrivals ? type.scenario.lines[0]!.arrivals.perInterval.length : 1;
      const seen = recordedDay(byDay.get(day) ?? [], { intervalSeconds, openAtSeconds, slots, teams: options.teams });
      // Where the day has no record at all (its records stop at 11:30 on 8 March 1999), they say
      // nothing of who was on duty: the fitted roster stands in (a live center knows its roster).
      const recorded = Array.from({ length: slots }, (_, k) => Object.values(seen.arrivals).some((calls) => calls[k]! > 0));
      // Rounded up: an interval in which an agent was seen serving had one on duty (rounded,
      // the end of a day's 0.4 agents left the callers on hold with nobody for hours).
      const agents = Object.fromEntries(Object.entries(type.agentsSeen).map(([group, fitted]) => [group, fitted.map((n, k) => Math.ceil(recorded[k] ? (seen.agents[group]?.[k] ?? 0) : n))]));
      forecaster = { forecast: createWaitForecaster(withStaffing(type.scenario, agents, options.availability ?? 1, intervalSeconds)), openAtSeconds };
    }
    days.set(day, forecaster);
    return forecaster;
  };
  const typed = new WeakMap<CallRecord, CallRecord>();
  const typedOf = (record: CallRecord) => {
    let t = typed.get(record);
    if (!t) typed.set(record, (t = typedRecord(record, options.teams)));
    return t;
  };
  const every = options.every ?? 1;
  let asked = 0;
  const forecaster = (moment: RecordedMoment, calls: readonly CallRecord[]) => {
    if (asked++ % every !== 0) return undefined;
    const day = dayOf(Math.floor(moment.time / DAY));
    if (!day) return undefined;
    const scenario = day.forecast.scenario;
    const line = typedOf(calls[moment.caller]!).line;
    if (!scenario.lines.some((l) => l.name === line)) return undefined;
    const snapshot = snapshotOf(moment, calls, scenario, day.openAtSeconds, typedOf);
    const answer = day.forecast(snapshot, { line, replications: options.futures, seed: (options.seed ?? 1) + moment.caller });
    result.futures += answer.futures;
    result.events += answer.events;
    return answer;
  };
  const result = Object.assign(forecaster, { futures: 0, events: 0 }) as RecordedForecaster & { futures: number; events: number };
  return result;
}

// The center at the moment in the scenario's terms: lines and groups it lacks are left out; a
// call its group does not serve by the scenario is counted on the group's first line (it keeps
// an agent busy all the same).
function snapshotOf(
  moment: RecordedMoment,
  calls: readonly CallRecord[],
  scenario: WaitForecaster['scenario'],
  openAtSeconds: number,
  typedOf: (record: CallRecord) => CallRecord,
): MultiLineSnapshot {
  const { time } = moment;
  const lines: MultiLineSnapshot['lines'] = Object.fromEntries(scenario.lines.map((l) => [l.name, { hold: [] as Array<{ waitedSeconds: number }> }]));
  for (const i of moment.holding) lines[typedOf(calls[i]!).line]?.hold!.push({ waitedSeconds: time - calls[i]!.arrivedAt });
  const served = scenario.groups.map((_, g) => scenario.lines.filter((l) => l.routing.some((r) => r.group === g)).map((l) => l.name));
  const groups: MultiLineSnapshot['groups'] = Object.fromEntries(scenario.groups.map((g) => [g.name, { agents: 0, busy: [] as Array<{ elapsedSeconds: number; line: string }> }]));
  for (const i of moment.inCall) {
    const call = typedOf(calls[i]!);
    const g = scenario.groups.findIndex((group) => group.name === (call.group ?? DEFAULT_GROUP));
    if (g < 0 || served[g]!.length === 0) continue;
    const state = groups[scenario.groups[g]!.name]!;
    state.agents++;
    state.busy!.push({ elapsedSeconds: time - call.answeredAt!, line: served[g]!.includes(call.line) ? call.line : served[g]![0]! });
  }
  const dayStart = Math.floor(time / DAY) * DAY;
  return { lines, groups, timeOfDaySeconds: Math.max(0, time - dayStart - openAtSeconds) };
}
