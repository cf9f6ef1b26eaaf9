export { forecastArrivals } from './forecastArrivals';
export { seasonArrivals, seasonCalendar, type DayTypeArrivals, type SeasonArrivals } from './seasonArrivals';
export { ForecastInputError } from './errors';
export type {
  ArrivalHistory,
  ArrivalsForecast,
  DayTypeProfile,
  ForecastArrivalsOptions,
  ForecastDay,
  ForecastFit,
  ForecastInterval,
  IntervalCount,
  SpecialDay,
} from './types';
