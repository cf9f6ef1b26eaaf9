// A calendar's season in the terminal and in CSV: a row per day and per week (clock dates).
import type { Comparison, Estimate, ReportSummary, Summary } from '../experiment';
import type { SeasonDayRow, SeasonWeekRow } from '../season';
import { percent, textTable, thousands, withInterval } from './format';

type DaySummary = Summary<SeasonDayRow>;
type WeekSummary = Summary<SeasonWeekRow>;
type SeasonSummary = ReportSummary & { days: DaySummary[]; weeks: WeekSummary[] };

/** The summary of a season's replications, or undefined for one day's. */
export function seasonOf(summary: ReportSummary): SeasonSummary | undefined {
  return Array.isArray((summary as Partial<SeasonSummary>).days) ? (summary as SeasonSummary) : undefined;
}

const dayLabel = (day: DaySummary) => `${day.date} ${day.weekday}${day.dayType ? ` (${day.dayType})` : ''}`;
const weekLabel = (week: WeekSummary) => `${week.week} (${week.firstDate.slice(5)} to ${week.lastDate.slice(5)})`;
const hours = (e: Estimate) => withInterval(e, 0);
const minutes = (e: Estimate) => withInterval(e, 1, 1 / 60);

/** The day with the most calls on average, as a sentence. */
function peakDay(days: readonly DaySummary[]): string {
  const peak = days.reduce((best, day) => (day.calls.mean > best.calls.mean ? day : best));
  return `peak day: ${dayLabel(peak)}, ${withInterval(peak.calls)} calls`;
}

/** A run's season: a table of days and one of weeks, with the peak day. */
export function seasonRunTables(season: SeasonSummary): string {
  const days = textTable([
    ['day', 'calls', 'people', 'from day before', 'abandoned', 'mean hold (min)', 'hold hours', 'callbacks connected'],
    ...season.days.map((day) => [dayLabel(day), withInterval(day.calls), withInterval(day.people), withInterval(day.carriedIn), percent(day.abandonment), minutes(day.meanHoldSeconds), hours(day.totalHoldHours), withInterval(day.callbacksConnected)]),
  ]);
  const weeks = textTable([
    ['week', 'days', 'calls', 'people', 'served within', 'abandoned', 'hold hours', 'callbacks connected', 'peak day calls'],
    ...season.weeks.map((week) => [weekLabel(week), thousands(week.days.mean), withInterval(week.calls), withInterval(week.people), percent(week.serviceLevel), percent(week.abandonment), hours(week.totalHoldHours), withInterval(week.callbacksConnected), withInterval(week.peakDayCalls)]),
  ]);
  return `${days}\n\n${weeks}\n\n${peakDay(season.days)}`;
}

/** A comparison's season: hold hours saved and callbacks by day and by week, each with its paired interval. */
export function seasonCompareTables(comparison: Comparison): string {
  const baseline = seasonOf(comparison.baseline)!;
  const variant = seasonOf(comparison.variant)!;
  const difference = seasonOf(comparison.difference)!;
  const saved = (e: Estimate): string => withInterval({ ...e, mean: -e.mean }, 0);
  const days = textTable([
    ['day', 'calls', 'hold hours (baseline)', 'hold hours (variant)', 'hold hours saved', 'callbacks connected'],
    ...baseline.days.map((day, i) => [dayLabel(day), withInterval(day.calls), hours(day.totalHoldHours), hours(variant.days[i]!.totalHoldHours), saved(difference.days[i]!.totalHoldHours), withInterval(variant.days[i]!.callbacksConnected)]),
  ]);
  const weeks = textTable([
    ['week', 'calls', 'hold hours (baseline)', 'hold hours (variant)', 'hold hours saved', 'callbacks connected'],
    ...baseline.weeks.map((week, i) => [weekLabel(week), withInterval(week.calls), hours(week.totalHoldHours), hours(variant.weeks[i]!.totalHoldHours), saved(difference.weeks[i]!.totalHoldHours), withInterval(variant.weeks[i]!.callbacksConnected)]),
  ]);
  return `${days}\n\n${weeks}\n\n${peakDay(baseline.days)} (baseline)`;
}
