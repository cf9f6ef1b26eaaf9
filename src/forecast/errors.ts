import { InvalidInputError } from '../errors';
import type { ScenarioProblem } from '../scenario/errors';

/**
 * History or options an arrivals forecast cannot use: every problem at once, each with its path
 * (`history[12].count`, `specialDays[0].factor`), what was expected there and what was found.
 *
 * @example
 * try { forecastArrivals(rows, { from: '2003-08-04', to: '2003-08-01', intervalSeconds: 1800 }); }
 * catch (e) { if (e instanceof ForecastInputError) for (const p of e.problems) console.log(p.path, p.expected); }
 */
export class ForecastInputError extends InvalidInputError {
  override readonly name = 'ForecastInputError';

  constructor(problems: readonly ScenarioProblem[]) {
    super('arrivals forecast input', problems);
  }
}
