import { QuantileSketch, type CallFigures, type GroupReport, type HoldBin, type LineReport, type Report } from '../metrics';
import type { ResolvedDay } from '../scenario';

/** One day of a season: its headline figures (tidy: one row per day, one column per figure). */
export interface SeasonDayRow {
  date: string;
  /** The calendar's day type; null: none. */
  dayType: string | null;
  /** `Mon` to `Sun`. */
  weekday: string;
  /** The ISO week, `2026-W10`. */
  week: string;
  /** Calls, redials included (as `callers.offered`). */
  calls: number;
  answered: number;
  abandoned: number;
  /** People whose first call was this day. */
  people: number;
  /** People served this day (answered or called back), whatever the day of their first call. */
  served: number;
  /** People whose redial fell after the day before's closing, calling this day. */
  carriedIn: number;
  /** People whose redial falls after this day's closing (`redials.afterClose` of the day). */
  carriedOut: number;
  redials: number;
  callbacksOffered: number;
  callbacksAccepted: number;
  callbacksConnected: number;
  /** Calls that held (as `hold.callers`): the calls the hold figures are over. */
  held: number;
  totalHoldHours: number;
  meanHoldSeconds: number;
  serviceLevel: number;
  abandonment: number;
  occupancy: number;
}

/** One ISO week (Monday to Sunday) of a season: the sums of its days and their ratios. */
export interface SeasonWeekRow {
  week: string;
  firstDate: string;
  lastDate: string;
  days: number;
  calls: number;
  answered: number;
  abandoned: number;
  people: number;
  served: number;
  callbacksAccepted: number;
  callbacksConnected: number;
  held: number;
  totalHoldHours: number;
  meanHoldSeconds: number;
  serviceLevel: number;
  abandonment: number;
  /** The most calls of one of its days. */
  peakDayCalls: number;
}

/**
 * A season's report: the `Report` of all its days together (every figure simulated over the
 * season, summed or over all its calls, never one day times N; `intervals` every day's rows, at
 * seconds from the first day's opening), with a row per day and per week.
 */
export interface SeasonReport extends Report {
  days: SeasonDayRow[];
  weeks: SeasonWeekRow[];
}

/** A day run: its calendar entry, its report and how many people it took in from the day before. */
export interface DayRun {
  day: ResolvedDay;
  report: Report;
  carriedIn: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The season's report from its days; `lostAfterClose`: counted people whose redial came after a closing with no day left for it. */
export function seasonReport(runs: readonly DayRun[], sketches: readonly QuantileSketch[], lostAfterClose: number): SeasonReport {
  const reports = runs.map((run) => run.report);
  const first = reports[0]!;
  const lineNames = Object.keys(first.lines);
  const lines: Record<string, LineReport> = {};
  lineNames.forEach((name, i) => {
    lines[name] = {
      ...mergeFigures(reports.map((r) => r.lines[name]!), sketches[i]!),
      intervals: runs.flatMap((run) => shifted(run.report.lines[name]!.intervals, run.day.offsetSeconds)),
    };
  });
  const all = new QuantileSketch();
  for (const sketch of sketches) all.merge(sketch);
  const figures = mergeFigures(reports, all);
  figures.redials.afterClose = lostAfterClose;
  const groups: Record<string, GroupReport> = {};
  for (const name of Object.keys(first.groups)) groups[name] = mergeGroup(runs, name);
  let busy = 0;
  let wrapUp = 0;
  let onDuty = 0;
  for (const run of runs) {
    const window = countedSeconds(run.day);
    for (const group of Object.values(run.report.groups)) {
      const seconds = group.agentsOnDuty * window;
      onDuty += seconds;
      busy += group.occupancy * seconds;
      wrapUp += (group.wrapUpOccupancy ?? 0) * seconds;
    }
  }
  const days = runs.map(dayRow);
  return {
    ...figures,
    agents: first.agents.wrapUpOccupancy === undefined ? { occupancy: ratio(busy, onDuty) } : { occupancy: ratio(busy, onDuty), wrapUpOccupancy: ratio(wrapUp, onDuty) },
    intervals: runs.flatMap((run) => shifted(run.report.intervals, run.day.offsetSeconds)),
    lines,
    groups,
    days,
    weeks: weekRows(days),
  };
}

// Counts summed, means and fractions over all the season's calls (weighted by the calls they are of).
function mergeFigures(parts: readonly CallFigures[], sketch: QuantileSketch): CallFigures {
  const sum = <T extends object>(of: (part: CallFigures) => T): T => {
    const out: Record<string, number> = {};
    for (const part of parts) for (const [key, value] of Object.entries(of(part))) out[key] = (out[key] ?? 0) + (value as number);
    return out as T;
  };
  const weighted = (value: (p: CallFigures) => number, weight: (p: CallFigures) => number) => {
    let top = 0;
    let bottom = 0;
    for (const part of parts) {
      top += value(part) * weight(part);
      bottom += weight(part);
    }
    return ratio(top, bottom);
  };
  const held = (p: CallFigures) => p.hold.callers;
  const heldCalls = parts.reduce((n, p) => n + p.hold.callers, 0);
  const callback = sum((p) => p.callback);
  callback.meanDelaySeconds = weighted((p) => p.callback.meanDelaySeconds, (p) => p.callback.connected);
  const people = sum((p) => p.people);
  people.gaveUp = people.offered - people.served;
  return {
    callers: sum((p) => p.callers),
    hold: {
      callers: heldCalls,
      meanSeconds: weighted((p) => p.hold.meanSeconds, held),
      probWait: weighted((p) => p.hold.probWait, held),
      p50Seconds: heldCalls > 0 ? sketch.quantile(0.5) : 0,
      p90Seconds: heldCalls > 0 ? sketch.quantile(0.9) : 0,
      p95Seconds: heldCalls > 0 ? sketch.quantile(0.95) : 0,
      maxSeconds: Math.max(...parts.map((p) => p.hold.maxSeconds)),
      totalHoldHours: parts.reduce((n, p) => n + p.hold.totalHoldHours, 0),
    },
    serviceLevel: {
      seconds: parts[0]!.serviceLevel.seconds,
      fraction: weighted((p) => p.serviceLevel.fraction, held),
      fractionOfOffered: weighted((p) => p.serviceLevel.fractionOfOffered, (p) => p.callers.offered),
    },
    speedOfAnswer: { meanSeconds: weighted((p) => p.speedOfAnswer.meanSeconds, (p) => p.callers.answered) },
    abandonment: { fraction: weighted((p) => p.abandonment.fraction, held) },
    callback,
    people,
    redials: sum((p) => p.redials),
    holdDistribution: parts[0]!.holdDistribution.map((bin, i): HoldBin => ({ ...bin, callers: parts.reduce((n, p) => n + p.holdDistribution[i]!.callers, 0) })),
  };
}

function mergeGroup(runs: readonly DayRun[], name: string): GroupReport {
  let onDuty = 0;
  let busy = 0;
  let wrapUp = 0;
  let window = 0;
  const answered: Record<string, number> = {};
  const busyByLine: Record<string, number> = {};
  for (const run of runs) {
    const group = run.report.groups[name]!;
    const seconds = countedSeconds(run.day);
    window += seconds;
    onDuty += group.agentsOnDuty * seconds;
    busy += group.occupancy * group.agentsOnDuty * seconds;
    wrapUp += (group.wrapUpOccupancy ?? 0) * group.agentsOnDuty * seconds;
    for (const [line, calls] of Object.entries(group.answered)) answered[line] = (answered[line] ?? 0) + calls;
    for (const [line, share] of Object.entries(group.occupancyByLine)) busyByLine[line] = (busyByLine[line] ?? 0) + share * group.agentsOnDuty * seconds;
  }
  const occupancyByLine: Record<string, number> = {};
  for (const [line, seconds] of Object.entries(busyByLine)) occupancyByLine[line] = ratio(seconds, onDuty);
  const first = runs[0]!.report.groups[name]!;
  return {
    occupancy: ratio(busy, onDuty),
    ...(first.wrapUpOccupancy !== undefined ? { wrapUpOccupancy: ratio(wrapUp, onDuty) } : {}),
    occupancyByLine,
    agentsOnDuty: ratio(onDuty, window),
    answered,
    intervals: runs.flatMap((run) => shifted(run.report.groups[name]!.intervals, run.day.offsetSeconds)),
  };
}

// The window a day's time averages are over (DESIGN.md: [warmupSeconds, durationSeconds)).
function countedSeconds(day: ResolvedDay): number {
  return day.scenario.durationSeconds - day.scenario.warmupSeconds;
}

function shifted<T extends { intervalStart: number; intervalEnd: number }>(rows: readonly T[], offset: number): T[] {
  return rows.map((row) => ({ ...row, intervalStart: row.intervalStart + offset, intervalEnd: row.intervalEnd + offset }));
}

function dayRow(run: DayRun): SeasonDayRow {
  const { report, day } = run;
  return {
    date: day.date,
    dayType: day.dayType ?? null,
    weekday: WEEKDAYS[utcDate(day.date).getUTCDay()]!,
    week: isoWeek(day.date),
    calls: report.callers.offered,
    answered: report.callers.answered,
    abandoned: report.callers.abandoned,
    people: report.people.offered,
    served: report.people.served,
    carriedIn: run.carriedIn,
    carriedOut: report.redials.afterClose,
    redials: report.redials.calls,
    callbacksOffered: report.callback.offered,
    callbacksAccepted: report.callback.accepted,
    callbacksConnected: report.callback.connected,
    held: report.hold.callers,
    totalHoldHours: report.hold.totalHoldHours,
    meanHoldSeconds: report.hold.meanSeconds,
    serviceLevel: report.serviceLevel.fraction,
    abandonment: report.abandonment.fraction,
    occupancy: report.agents.occupancy,
  };
}

function weekRows(days: readonly SeasonDayRow[]): SeasonWeekRow[] {
  const weeks: SeasonWeekRow[] = [];
  let within = 0;
  let gaveUp = 0;
  for (const day of days) {
    let week = weeks[weeks.length - 1];
    if (!week || week.week !== day.week) {
      week = { week: day.week, firstDate: day.date, lastDate: day.date, days: 0, calls: 0, answered: 0, abandoned: 0, people: 0, served: 0,
        callbacksAccepted: 0, callbacksConnected: 0, held: 0, totalHoldHours: 0, meanHoldSeconds: 0, serviceLevel: 0, abandonment: 0, peakDayCalls: 0 };
      weeks.push(week);
      within = gaveUp = 0;
    }
    week.lastDate = day.date;
    week.days++;
    week.calls += day.calls;
    week.answered += day.answered;
    week.abandoned += day.abandoned;
    week.people += day.people;
    week.served += day.served;
    week.callbacksAccepted += day.callbacksAccepted;
    week.callbacksConnected += day.callbacksConnected;
    week.totalHoldHours += day.totalHoldHours;
    week.peakDayCalls = Math.max(week.peakDayCalls, day.calls);
    week.held += day.held;
    within += day.serviceLevel * day.held;
    gaveUp += day.abandonment * day.held;
    week.meanHoldSeconds = ratio(week.totalHoldHours * 3600, week.held);
    week.serviceLevel = ratio(within, week.held);
    week.abandonment = ratio(gaveUp, week.held);
  }
  return weeks;
}

function utcDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** The ISO 8601 week of a date: `2026-W10` (weeks from Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): string {
  const day = utcDate(date);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function ratio(top: number, bottom: number): number {
  return bottom > 0 ? top / bottom : 0;
}
