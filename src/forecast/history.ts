// History and options checked at the boundary, and the history turned into counts per day and interval.
import { parseLocalDateTime } from '../calibrate/records';
import type { ScenarioProblem } from '../scenario/errors';
import { ForecastInputError } from './errors';
import type { ArrivalHistory, ForecastArrivalsOptions } from './types';

export const DAY_SECONDS = 86_400;
/** Bad history rows listed one by one; the rest are counted in one more problem. */
const LISTED_ROWS = 50;

/** What the forecast works from once the input has been checked. */
export interface CheckedInput {
  /** Counts per interval of each day with history, by day number (days since 1970-01-01). */
  days: Map<number, Float64Array>;
  intervalSeconds: number;
  intervalsPerDay: number;
  fromDay: number;
  toDay: number;
  level: number;
  /** Special days' factors by day number (undefined: none given). */
  special: Map<number, number | undefined>;
}

/** Day number of a date; 1970-01-01 is 0. */
export function dayNumber(seconds: number): number {
  return Math.floor(seconds / DAY_SECONDS);
}

/** 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

/** Local seconds of a `Date` (its UTC fields) or a local date-time string; undefined when neither. */
function localSeconds(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime() / 1000;
  return typeof value === 'string' ? parseLocalDateTime(value) : undefined;
}

function dayOf(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : dayNumber(value.getTime() / 1000);
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const seconds = parseLocalDateTime(`${value}T00:00:00`);
  return seconds === undefined ? undefined : dayNumber(seconds);
}

const isRecord = (row: unknown): row is { arrivedAt: unknown } => typeof row === 'object' && row !== null && 'arrivedAt' in row;

/**
 * Checks the history and options, every problem at once, and counts the history's calls per day
 * and interval. Throws a `ForecastInputError` listing them.
 */
export function checkInput(history: ArrivalHistory, options: ForecastArrivalsOptions): CheckedInput {
  const problems: ScenarioProblem[] = [];
  const { intervalSeconds } = options;
  const intervalOk = typeof intervalSeconds === 'number' && Number.isInteger(intervalSeconds) && intervalSeconds > 0 && DAY_SECONDS % intervalSeconds === 0;
  if (!intervalOk) problems.push({ path: 'intervalSeconds', expected: 'a whole number of seconds that divides a day (300, 900, 1800, 3600...)', received: intervalSeconds });
  const fromDay = dayOf(options.from);
  const toDay = dayOf(options.to);
  if (fromDay === undefined) problems.push({ path: 'from', expected: 'a date YYYY-MM-DD', received: options.from });
  if (toDay === undefined) problems.push({ path: 'to', expected: 'a date YYYY-MM-DD', received: options.to });
  if (fromDay !== undefined && toDay !== undefined && fromDay > toDay) problems.push({ path: 'to', expected: `a date on or after from (${dateOfDay(fromDay)})`, received: options.to });
  const level = options.level ?? 0.9;
  if (!(typeof level === 'number' && level > 0 && level < 1)) problems.push({ path: 'level', expected: 'a probability between 0 and 1 (0.9 for 90% intervals)', received: options.level });

  const typed = new Set<number>();
  (options.dayTypes ?? []).forEach((type, i) => {
    if (typeof type?.name !== 'string' || type.name === '') problems.push({ path: `dayTypes[${i}].name`, expected: 'a name (sun-thu)', received: type?.name });
    const weekdays: unknown = type?.weekdays;
    if (!Array.isArray(weekdays) || weekdays.length === 0) problems.push({ path: `dayTypes[${i}].weekdays`, expected: 'weekdays 0 (Sunday) to 6 (Saturday), at least one', received: weekdays });
    else weekdays.forEach((w: unknown, j) => {
      if (!(typeof w === 'number' && Number.isInteger(w) && w >= 0 && w <= 6)) problems.push({ path: `dayTypes[${i}].weekdays[${j}]`, expected: 'a weekday 0 (Sunday) to 6 (Saturday)', received: w });
      else if (typed.has(w)) problems.push({ path: `dayTypes[${i}].weekdays[${j}]`, expected: 'a weekday of no other day type', received: w });
      else typed.add(w);
    });
  });

  const special = new Map<number, number | undefined>();
  (options.specialDays ?? []).forEach((entry, i) => {
    const day = dayOf(entry?.date);
    if (day === undefined) problems.push({ path: `specialDays[${i}].date`, expected: 'a date YYYY-MM-DD', received: entry?.date });
    const factor = entry?.factor;
    if (factor !== undefined && !(typeof factor === 'number' && Number.isFinite(factor) && factor >= 0)) {
      problems.push({ path: `specialDays[${i}].factor`, expected: 'a number >= 0 (0: closed; 1.3: 30% busier than an ordinary day)', received: factor });
    } else if (factor === undefined && day !== undefined && fromDay !== undefined && toDay !== undefined && day >= fromDay && day <= toDay) {
      problems.push({ path: `specialDays[${i}].factor`, expected: 'a factor for a special day inside the forecast (0: closed; 1.3: 30% busier)', received: factor });
    }
    if (day !== undefined) special.set(day, factor);
  });

  const step = intervalOk ? intervalSeconds : DAY_SECONDS;
  const days = new Map<number, Float64Array>();
  const counts = (seconds: number) => {
    const day = dayNumber(seconds);
    let row = days.get(day);
    if (!row) days.set(day, (row = new Float64Array(DAY_SECONDS / step)));
    return row;
  };
  if (!Array.isArray(history) || history.length === 0) {
    problems.push({ path: 'history', expected: 'interval counts ({ start, count }) or call records ({ arrivedAt }), several weeks of them', received: history });
  } else {
    // The history's own step: the finest difference of interval starts within a day.
    let finest = DAY_SECONDS;
    let counted = false;
    let badRows = 0;
    const bad = (rowProblems: ScenarioProblem[]) => {
      if (++badRows <= LISTED_ROWS) problems.push(...rowProblems);
    };
    history.forEach((row: unknown, i) => {
      if (isRecord(row)) {
        const at = row.arrivedAt;
        if (typeof at !== 'number' || !Number.isFinite(at)) bad([{ path: `history[${i}].arrivedAt`, expected: 'seconds of the local clock since 1970', received: at }]);
        else counts(at)[Math.floor((at - dayNumber(at) * DAY_SECONDS) / step)]! += 1;
        return;
      }
      const { start, count } = (row ?? {}) as { start?: unknown; count?: unknown };
      const seconds = localSeconds(start);
      const rowProblems: ScenarioProblem[] = [];
      if (seconds === undefined) rowProblems.push({ path: `history[${i}].start`, expected: 'a local date-time (2003-03-03 07:00) or a Date', received: start });
      if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) rowProblems.push({ path: `history[${i}].count`, expected: 'a number of calls >= 0', received: count });
      if (rowProblems.length > 0) bad(rowProblems);
      else if (seconds !== undefined) {
        counted = true;
        const ofDay = seconds - dayNumber(seconds) * DAY_SECONDS;
        if (ofDay > 0) finest = gcd(finest, Math.round(ofDay));
        counts(seconds)[Math.floor(ofDay / step)]! += count as number;
      }
    });
    // Call records fall in intervals of any length; counts only in multiples of their own.
    if (counted && intervalOk && intervalSeconds % finest !== 0) {
      problems.push({ path: 'intervalSeconds', expected: `a multiple of the history's own intervals (${finest} s): a count cannot be split`, received: intervalSeconds });
    }
    if (badRows > LISTED_ROWS) problems.push({ path: 'history', expected: 'rows such as the ones above', received: `${badRows - LISTED_ROWS} more bad rows` });
  }
  if (problems.length > 0) throw new ForecastInputError(problems);
  return { days, intervalSeconds, intervalsPerDay: DAY_SECONDS / intervalSeconds, fromDay: fromDay!, toDay: toDay!, level, special };
}

function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}
