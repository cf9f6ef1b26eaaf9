// A forecast as a scenario's arrivals: one profile per day type, and a volume factor per day.
import type { Calendar } from '../scenario';
import { openWindow } from './forecastArrivals';
import type { ArrivalsForecast } from './types';

/** A day type's arrivals as a scenario takes them, from the hour its calls start. */
export interface DayTypeArrivals {
  /** The clock time of the first interval (`07:00`): the type's first interval with calls in the history. */
  opensAt: string;
  arrivals: { intervalSeconds: number; perInterval: number[]; rateUncertainty: { cv: number } };
}

/** The forecast as a planner simulates it: a typical day per type, and each day as a factor of its type's. */
export interface SeasonArrivals {
  dayTypes: Record<string, DayTypeArrivals>;
  /** A day's expected calls are its type's `perInterval` times `factor`. */
  days: Array<{ date: string; dayType: string; factor: number }>;
}

/**
 * A forecast as scenario arrivals: for each day type in the forecast, the expected calls per
 * interval of its average ordinary day over the forecast (from its first interval with calls
 * to its last), with the day factor's cv as `rateUncertainty`; and for each day the factor that scales
 * that average day to the day's forecast (a special day's factor included). `perInterval` is
 * rounded to hundredths of a call.
 *
 * @example
 * const season = seasonArrivals(forecastArrivals(history, { from: '2003-09-01', to: '2003-09-30', intervalSeconds: 1800, specialDays }));
 * season.dayTypes.mon; // { opensAt: '07:00', arrivals: { intervalSeconds: 1800, perInterval: [396.58, 482.16, ...], rateUncertainty: { cv: 0.0592 } } }
 * season.days[0]; // { date: '2003-09-01', dayType: 'mon', factor: 0 } with specialDays [{ date: '2003-09-01', factor: 0 }]
 */
export function seasonArrivals(forecast: ArrivalsForecast): SeasonArrivals {
  const dayTypes: Record<string, DayTypeArrivals> = {};
  const days: SeasonArrivals['days'] = [];
  const cv = round(forecast.fit.dayFactorCv, 4);
  for (const profile of forecast.dayTypes) {
    const ofType = forecast.days.filter((d) => d.dayType === profile.name);
    if (ofType.length === 0) continue;
    // The type's average ordinary day: a special day scales it by its factor, it does not change it.
    const volume = ofType.reduce((s, d) => s + d.ordinary, 0) / ofType.length;
    const { first, last } = openWindow(profile.shares);
    dayTypes[profile.name] = {
      opensAt: new Date(first * forecast.intervalSeconds * 1000).toISOString().slice(11, 16),
      arrivals: { intervalSeconds: forecast.intervalSeconds, perInterval: profile.shares.slice(first, last + 1).map((s) => round(volume * s, 2)), rateUncertainty: { cv } },
    };
    for (const d of ofType) days.push({ date: d.date, dayType: profile.name, factor: volume > 0 ? round(d.expected / volume, 4) : 0 });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { dayTypes, days };
}

/**
 * A forecast as a scenario's `calendar` (docs/design-decisions.md, "The calendar"): its day
 * types with their opening and arrivals, and each day with its type and its factor as `volume`
 * (none when 1). A day forecast at 0 (a special day marked closed) is left out: the line is closed.
 *
 * @example
 * const scenario = { ...line, calendar: seasonCalendar(forecastArrivals(history, { from: '2003-09-01', to: '2003-09-30', intervalSeconds: 1800 })) };
 * await run(scenario); // the season, day by day
 */
export function seasonCalendar(forecast: ArrivalsForecast): Calendar {
  const season = seasonArrivals(forecast);
  return {
    dayTypes: Object.fromEntries(Object.entries(season.dayTypes).map(([name, type]) => [name, { opensAt: type.opensAt, arrivals: type.arrivals }])),
    days: season.days.filter((day) => day.factor > 0).map((day) => ({ date: day.date, dayType: day.dayType, ...(day.factor === 1 ? {} : { volume: day.factor }) })),
  };
}

function round(x: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(x * scale) / scale;
}
