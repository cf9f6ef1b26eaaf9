export { forecastArrivals } from './forecastArrivals';
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
