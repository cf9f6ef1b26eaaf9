// Arrivals forecast from history: daily volume by weekday with trend, an intraday profile per
// day type, a day factor with its variance, special days, and prediction intervals.
import { countQuantiles } from './countQuantiles';
import { ForecastInputError } from './errors';
import { unusualDays } from './dailyVolume';
import { checkInput, dateOfDay, weekdayOfDay, DAY_SECONDS } from './history';
import type { DayType } from '../calibrate/dayTypes';
import type { ArrivalHistory, ArrivalsForecast, DayTypeProfile, ForecastArrivalsOptions, ForecastDay, ForecastInterval } from './types';

const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * Expected calls per interval for the days `from`..`to`, with prediction intervals, from interval
 * counts or call records. A day's volume is a level per weekday times a weekly trend times a day
 * factor (lognormal, its variance fitted on the history's days); its calls spread over the day as
 * its day type's history did (a type per weekday unless `dayTypes` groups them); an interval's count varies around that as a negative binomial whose
 * dispersion is fitted too. Days marked special are left out of the fit and, in the forecast,
 * scaled by their factor. A weekday the history never has is a closed day (nothing expected).
 * Throws a `ForecastInputError` listing every problem with the history or the options.
 *
 * @example
 * // The 2003 bank's five-minute counts, March to August (readArrivalCounts of queuecast/node reads the file).
 * const forecast = forecastArrivals(
 *   [{ start: '2003-03-03 07:00', count: 111 }, ...],
 *   { from: '2003-09-01', to: '2003-09-30', intervalSeconds: 1800, specialDays: [{ date: '2003-09-01', factor: 0 }] },
 * );
 * forecast.intervals.find((i) => i.start === '2003-09-02T07:00'); // { start: '2003-09-02T07:00', expected: 497.63..., low: 431, high: 569 }
 * forecast.days[1]; // { date: '2003-09-02', dayType: 'tue', expected: 32647.2..., low: 29441, high: 36063, ordinary: 32647.2... }
 */
export function forecastArrivals(history: ArrivalHistory, options: ForecastArrivalsOptions): ArrivalsForecast {
  const input = checkInput(history, options);
  const { days, intervalsPerDay, intervalSeconds, special, level } = input;
  let used: Array<[number, Float64Array]> = [];
  const leftOut: string[] = [];
  for (const [day, counts] of [...days].sort((a, b) => a[0] - b[0])) {
    if (special.has(day) || sum(counts) === 0) leftOut.push(dateOfDay(day));
    else used.push([day, counts]);
  }
  if (used.length === 0) throw new ForecastInputError([{ path: 'history', expected: 'at least one ordinary day with calls (not every day can be special)', received: `${leftOut.length} days left out` }]);

  const { volume, unusual } = unusualDays(used.map(([day, counts]) => [day, sum(counts)] as const));
  used = used.filter(([day]) => !unusual.includes(day));
  const dayTypes = profiles(used, typesOf(options.dayTypes, volume.weekdays), intervalsPerDay);
  const profileOf = new Map(dayTypes.flatMap((t) => t.weekdays.map((w) => [w, t] as const)));
  const dispersion = fitDispersion(used, profileOf);

  const lowProbability = (1 - level) / 2;
  const highProbability = 1 - lowProbability;
  const intervals: ForecastInterval[] = [];
  const forecastDays: ForecastDay[] = [];
  for (let day = input.fromDay; day <= input.toDay; day++) {
    const profile = profileOf.get(weekdayOfDay(day));
    const predicted = volume.predict(day);
    if (!profile || !predicted) continue;
    const factor = special.get(day) ?? 1;
    const ordinary = Math.exp(predicted.logVolume + volume.dayVariance / 2);
    const expectedCalls = factor * ordinary;
    const { first, last } = openWindow(profile.shares);
    let squares = 0;
    for (let k = first; k <= last; k++) {
      const expected = expectedCalls * profile.shares[k]!;
      squares += expected * expected;
      // The profile's share is itself estimated from the type's days: its error adds about expected / days to the variance.
      const [low, high] = countQuantiles(expected, predicted.variance, dispersion + 1 / (profile.days * expected), lowProbability, highProbability);
      intervals.push({ start: clock(day, k * intervalSeconds), expected, low, high });
    }
    // The day's calls: a sum of the intervals' negative binomials, taken as one with their mean and variance.
    const dayDispersion = expectedCalls > 0 ? (dispersion * squares) / (expectedCalls * expectedCalls) : 0;
    const [low, high] = countQuantiles(expectedCalls, predicted.variance, dayDispersion, lowProbability, highProbability);
    forecastDays.push({ date: dateOfDay(day), dayType: profile.name, expected: expectedCalls, low, high, ...(special.has(day) ? { specialFactor: factor } : {}), ordinary });
  }
  return {
    intervalSeconds,
    level,
    intervals,
    days: forecastDays,
    dayTypes,
    fit: {
      days: used.length,
      firstDay: dateOfDay(used[0]![0]),
      lastDay: dateOfDay(used[used.length - 1]![0]),
      trendPerWeek: volume.trendPerWeek,
      dayFactorCv: Math.sqrt(Math.expm1(volume.dayVariance)),
      dispersion,
      leftOut,
      unusual: unusual.sort((a, b) => a - b).map(dateOfDay),
    },
  };
}

/** The day types of the options, and a type of its own for every other weekday of the history. */
function typesOf(given: readonly DayType[] | undefined, weekdays: readonly number[]): DayType[] {
  const types = (given ?? []).map((t) => ({ name: t.name, weekdays: t.weekdays.filter((w) => weekdays.includes(w)) })).filter((t) => t.weekdays.length > 0);
  for (const weekday of weekdays) if (!types.some((t) => t.weekdays.includes(weekday))) types.push({ name: WEEKDAY_NAMES[weekday]!, weekdays: [weekday] });
  return types.sort((a, b) => Math.min(...a.weekdays) - Math.min(...b.weekdays));
}

/** Each day type's intraday profile: the calls of its days per interval, as shares of their sum. */
function profiles(used: ReadonlyArray<readonly [number, Float64Array]>, types: readonly DayType[], intervalsPerDay: number): DayTypeProfile[] {
  return types.map(({ name, weekdays }) => {
    const totals = new Float64Array(intervalsPerDay);
    let days = 0;
    for (const [day, counts] of used) {
      if (!weekdays.includes(weekdayOfDay(day))) continue;
      days++;
      for (let k = 0; k < intervalsPerDay; k++) totals[k]! += counts[k]!;
    }
    const all = sum(totals);
    return { name, weekdays: [...weekdays].sort((a, b) => a - b), shares: Array.from(totals, (t) => t / all), days };
  });
}

/**
 * Dispersion of interval counts beyond Poisson once the day's own volume is known, by moments:
 * E[(n - m)^2 - m] = dispersion * m^2 with m the day's calls times its type's share. The share
 * is fitted on the same days, which takes about 1/days of the squares away: given back.
 */
function fitDispersion(used: ReadonlyArray<readonly [number, Float64Array]>, profileOf: ReadonlyMap<number, DayTypeProfile>): number {
  let excess = 0;
  let squares = 0;
  for (const [day, counts] of used) {
    const { shares, days } = profileOf.get(weekdayOfDay(day))!;
    if (days < 2) continue;
    const calls = sum(counts);
    for (let k = 0; k < counts.length; k++) {
      const m = calls * shares[k]!;
      if (m <= 0) continue;
      excess += ((counts[k]! - m) ** 2 * days) / (days - 1) - m;
      squares += m * m;
    }
  }
  return squares > 0 ? Math.max(0, excess / squares) : 0;
}

/** The intervals from the first to the last that ever had a call: the hours the day type is open. */
export function openWindow(shares: readonly number[]): { first: number; last: number } {
  let first = 0;
  let last = shares.length - 1;
  while (first < last && shares[first] === 0) first++;
  while (last > first && shares[last] === 0) last--;
  return { first, last };
}

/** `YYYY-MM-DDTHH:MM` of a day and a time of day. */
function clock(day: number, seconds: number): string {
  return new Date((day * DAY_SECONDS + seconds) * 1000).toISOString().slice(0, 16);
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
