// The shapes of an arrivals forecast: what it reads, what it is asked, what it gives.
import type { DayType } from '../calibrate/dayTypes';
import type { CallRecord } from '../calibrate/records';

/** Calls counted in one interval of the history, from its start (a local date-time). */
export interface IntervalCount {
  /** The interval's start on the center's local clock: `2003-03-03 07:00`, or a Date whose UTC fields are that clock. */
  start: Date | string;
  count: number;
}

/** History: interval counts, or call records (only their arrival times are read). */
export type ArrivalHistory = readonly IntervalCount[] | readonly Pick<CallRecord, 'arrivedAt'>[];

/** A day that is not like the others of its weekday: a holiday, a campaign, an outage. */
export interface SpecialDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /**
   * The day's volume against an ordinary day of its weekday (0: closed, 1.3: 30% busier). Needed
   * when the day lies in the forecast; in the history the day is left out of the fit either way.
   */
  factor?: number;
}

export interface ForecastArrivalsOptions {
  /** First day to forecast, `YYYY-MM-DD` (or a Date whose UTC date is that day). */
  from: Date | string;
  /** Last day to forecast, included. */
  to: Date | string;
  /** Length of the forecast's intervals; divides a day, and is a multiple of the history's own. */
  intervalSeconds: number;
  specialDays?: readonly SpecialDay[];
  /**
   * Weekdays that share an intraday profile (`[{ name: 'sun-thu', weekdays: [0, 1, 2, 3, 4] }]`);
   * each keeps its own volume. Weekdays of no type have a profile of their own (the default).
   */
  dayTypes?: readonly DayType[];
  /** Probability of the prediction intervals; default 0.9. */
  level?: number;
}

/** One interval of the forecast: its start (local `YYYY-MM-DDTHH:MM`), expected calls and the prediction interval's bounds. */
export interface ForecastInterval {
  start: string;
  expected: number;
  low: number;
  high: number;
}

/** One day of the forecast: its calls in all, with a prediction interval. */
export interface ForecastDay {
  date: string;
  /** The day type whose intraday profile the day follows (by default its weekday, `mon` ... `sun`). */
  dayType: string;
  expected: number;
  low: number;
  high: number;
  /** The user's factor, for a special day. */
  specialFactor?: number;
  /** Expected calls of an ordinary day of its weekday on that date: `expected` before a special day's factor. */
  ordinary: number;
}

/** A day type's intraday shape: the share of its calls in each interval of the day, from midnight. */
export interface DayTypeProfile {
  name: string;
  /** Its weekdays, 0 Sunday ... 6 Saturday. */
  weekdays: number[];
  /** Shares summing to 1, one per interval of the day (`86400 / intervalSeconds` of them). */
  shares: number[];
  /** Days of history the shares rest on. */
  days: number;
}

/** How the fit went, for a planner to judge it. */
export interface ForecastFit {
  /** History days the fit used. */
  days: number;
  firstDay: string;
  lastDay: string;
  /** Growth of daily volume per week (0.01: 1% a week), fitted on the log of daily calls. */
  trendPerWeek: number;
  /** Day-to-day spread of volume beyond weekday and trend: the coefficient of variation of the day factor. */
  dayFactorCv: number;
  /** Extra variance of an interval's count beyond Poisson given its day's volume: var = mean + dispersion * mean^2 (0: Poisson). */
  dispersion: number;
  /** History days left out: marked special by the user, or without a single call. */
  leftOut: string[];
  /** History days the user did not mark but whose volume is far from their weekday's and the trend's (a modified z-score beyond 3.5): left out too. */
  unusual: string[];
}

/** The forecast: per interval and per day, with the profiles and the fit behind them. */
export interface ArrivalsForecast {
  intervalSeconds: number;
  level: number;
  intervals: ForecastInterval[];
  days: ForecastDay[];
  dayTypes: DayTypeProfile[];
  fit: ForecastFit;
}
