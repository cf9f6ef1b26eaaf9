import type { Scenario } from './types';

/** A time of day as a scenario writes it: `07:00` (00:00 to 23:59). */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A calendar date: `2026-03-02`. */
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** When a scenario's time 0 is: the time of day it opens, and optionally the date and time zone. */
export interface ScenarioClock {
  /** Seconds after midnight. */
  opensAtSeconds: number;
  date?: string;
  timeZone?: string;
}

/**
 * The clock a scenario speaks, or undefined when it does not say when it opens (its outputs then
 * count seconds from the start, as they always have).
 *
 * @example
 * scenarioClock({ ...scenario, opensAt: '07:00' }); // { opensAtSeconds: 25200 }
 */
export function scenarioClock(scenario: Pick<Scenario, 'opensAt' | 'date' | 'timeZone'>): ScenarioClock | undefined {
  if (scenario.opensAt === undefined) return undefined;
  const clock: ScenarioClock = { opensAtSeconds: secondsOfDay(scenario.opensAt) };
  if (scenario.date !== undefined) clock.date = scenario.date;
  if (scenario.timeZone !== undefined) clock.timeZone = scenario.timeZone;
  return clock;
}

/** `07:30` → 27,000 seconds after midnight. */
export function secondsOfDay(text: string): number {
  const match = TIME_OF_DAY.exec(text);
  if (!match) throw new RangeError(`expected a time of day as HH:MM, got ${JSON.stringify(text)}`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60;
}

/**
 * The clock time `seconds` after opening: `07:30`, or with a date `2026-03-02T07:30` (a local
 * date-time, the next day's date past midnight). Rounded to the minute; past midnight without a
 * date the hours go on (`24:30`), so a night's intervals still sort.
 *
 * @example
 * clockTime({ opensAtSeconds: 25200 }, 1800); // "07:30"
 * clockTime({ opensAtSeconds: 25200, date: '2026-03-02' }, 1800); // "2026-03-02T07:30"
 */
export function clockTime(clock: ScenarioClock, seconds: number): string {
  const minutes = Math.round((clock.opensAtSeconds + seconds) / 60);
  const day = Math.floor(minutes / 1440);
  const hours = clock.date === undefined ? Math.floor(minutes / 60) : Math.floor(minutes / 60) % 24;
  const hhmm = `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  if (clock.date === undefined) return hhmm;
  const [year, month, date] = clock.date.split('-').map(Number) as [number, number, number];
  const when = new Date(Date.UTC(year, month - 1, date + day));
  return `${when.toISOString().slice(0, 10)}T${hhmm}`;
}

/** Whether the host knows the IANA time zone (`Europe/Paris`, `America/New_York`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Whether a `YYYY-MM-DD` date exists (no 31 April). */
export function isCalendarDate(text: string): boolean {
  if (!CALENDAR_DATE.test(text)) return false;
  const [year, month, date] = text.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date)).getUTCDate() === date;
}
