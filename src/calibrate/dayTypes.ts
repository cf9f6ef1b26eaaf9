// Day types: which weekdays share arrivals, a roster and a day factor.
import { CalibrationError } from './errors';
import { weekdayOf, type RecordSurvey } from './survey';

/** A kind of day: the weekdays it covers (0 Sunday ... 6 Saturday). */
export interface DayType {
  name: string;
  weekdays: number[];
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * Two weekdays are one type when they open and close (2% and 98% of their calls in) within an interval of each other and
 * the busier has less than this many times the calls of the other: a short day is another kind
 * of day, while busier and quieter days of one kind are what the day factor is for.
 */
const SAME_VOLUME = 1.5;

/**
 * Day types found from the shape and volume of the days: weekdays that open and close at the
 * same intervals (within one; where 2% and 98% of their calls have come, so that stray calls at
 * night open nothing) and carry comparable volumes (within a factor 1.5) are one type.
 * Weekdays absent from the records belong to no type.
 *
 * @example
 * findDayTypes(survey); // [{ name: 'sun-thu', weekdays: [0, 1, 2, 3, 4] }, { name: 'fri', weekdays: [5] }, { name: 'sat', weekdays: [6] }]
 */
export function findDayTypes(survey: RecordSurvey): DayType[] {
  const profiles: Array<{ weekday: number; volume: number; first: number; last: number }> = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    const days = [...survey.callsByDay].filter(([day]) => weekdayOf(day) === weekday);
    if (days.length === 0) continue;
    const totals = new Float64Array(survey.intervalsPerDay);
    for (const [, counts] of days) for (let k = 0; k < counts.length; k++) totals[k]! += counts[k]!;
    const volume = totals.reduce((s, x) => s + x, 0);
    profiles.push({ weekday, volume: volume / days.length, first: crossing(totals, 0.02 * volume), last: crossing(totals, 0.98 * volume) });
  }
  const types: Array<typeof profiles> = [];
  for (const profile of profiles) {
    const alike = types.find((type) =>
      type.every((other) => Math.abs(other.first - profile.first) <= 1 && Math.abs(other.last - profile.last) <= 1 && Math.max(other.volume, profile.volume) < SAME_VOLUME * Math.min(other.volume, profile.volume)),
    );
    if (alike) alike.push(profile);
    else types.push([profile]);
  }
  return types.map((type) => {
    const weekdays = type.map((p) => p.weekday);
    return { name: dayTypeName(weekdays), weekdays };
  });
}

/** The first interval by which the calls of the day reach `calls`: where a day opens and closes, strays at night aside. */
export function crossing(totals: ArrayLike<number>, calls: number): number {
  let sum = 0;
  for (let k = 0; k < totals.length; k++) if ((sum += totals[k]!) >= calls) return k;
  return totals.length - 1;
}

/** `sun-thu` for a run of weekdays, `mon+wed` otherwise. */
export function dayTypeName(weekdays: readonly number[]): string {
  const sorted = [...weekdays].sort((a, b) => a - b);
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (sorted.length > 2 && run) return `${WEEKDAYS[sorted[0]!]}-${WEEKDAYS[sorted.at(-1)!]}`;
  return sorted.map((d) => WEEKDAYS[d]).join('+');
}

/**
 * Day types as a person writes them: `sun-thu,fri,sat`, `mon+wed,tue`, or `weekday` (one type
 * per weekday) or `none` (one type, every day). Every problem is listed at once.
 *
 * @example
 * parseDayTypes('sun-thu,fri,sat'); // [{ name: 'sun-thu', weekdays: [0, 1, 2, 3, 4] }, { name: 'fri', ... }, { name: 'sat', ... }]
 */
export function parseDayTypes(text: string): DayType[] {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'none') return [{ name: 'all', weekdays: [0, 1, 2, 3, 4, 5, 6] }];
  if (trimmed === 'weekday') return WEEKDAYS.map((name, weekday) => ({ name, weekdays: [weekday] }));
  const problems: string[] = [];
  const seen = new Set<number>();
  const types = trimmed.split(',').map((part) => {
    const weekdays: number[] = [];
    for (const piece of part.trim().split('+')) {
      const [from, to] = piece.split('-').map((d) => WEEKDAYS.indexOf(d.trim() as (typeof WEEKDAYS)[number]));
      if (from === undefined || from < 0 || (to !== undefined && to < 0)) {
        problems.push(`"${piece}": expected a weekday (sun, mon, ... sat) or a range such as sun-thu`);
        continue;
      }
      for (let d = from; ; d = (d + 1) % 7) {
        if (seen.has(d)) problems.push(`${WEEKDAYS[d]} is in two day types`);
        seen.add(d);
        weekdays.push(d);
        if (to === undefined || d === to) break;
      }
    }
    return { name: part.trim(), weekdays };
  });
  if (problems.length > 0) throw new CalibrationError(problems.map((p) => `day types: ${p}`));
  return types;
}

/** The type of a day since 1970, or undefined when no type covers its weekday. */
export function dayTypeOf(types: readonly DayType[], day: number): DayType | undefined {
  const weekday = weekdayOf(day);
  return types.find((type) => type.weekdays.includes(weekday));
}
