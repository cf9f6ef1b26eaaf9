// `queuecast forecast-arrivals`: expected calls per interval for days ahead from a CSV of
// interval counts, as a scenario's calendar (YAML, or a whole scenario with --scenario) and as CSV.
import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseDayTypes } from '../calibrate';
import { forecastArrivals, seasonCalendar, type ArrivalsForecast, type SpecialDay } from '../forecast';
import { loadScenarioFile } from '../node/scenarioFiles';
import { isMultiLine, type Scenario } from '../scenario';
import { UsageError } from './errors';
import { readArrivalCounts } from '../node/arrivalCounts';
import { toCsv } from '../node/csv';
import { intervalOption } from './calibrate';
import { flowNumbers } from './fitYaml';
import { textTable, thousands } from './format';
import { checkOutputPaths } from './outputPaths';

interface ForecastArrivalsCommandOptions {
  from: string;
  to: string;
  interval: number;
  out?: string;
  csv?: string;
  scenario?: string;
  timeColumn: string;
  countColumn: string;
  dateColumn?: string;
  special?: SpecialDay[];
  dayTypes?: string;
  level: number;
  skipBad?: boolean;
}

// 2003-07-04=0,2003-12-24=0.6,2003-05-26: a date with its factor, or alone (a day of the history to leave out).
const specialDays = (text: string): SpecialDay[] =>
  text.split(',').map((part) => {
    const [date, factor, extra] = part.trim().split('=');
    if (extra !== undefined || !date) throw new InvalidArgumentError(`expected dates with factors such as 2003-07-04=0,2003-12-24=0.6, got "${text}"`);
    if (factor === undefined) return { date };
    const value = Number(factor);
    if (factor.trim() === '' || !Number.isFinite(value)) throw new InvalidArgumentError(`expected a number after ${date}=, got "${factor}"`);
    return { date, factor: value };
  });

const level = (text: string) => {
  const value = Number(text);
  if (!(value > 0 && value < 1)) throw new InvalidArgumentError(`expected a probability between 0 and 1 (0.9 for 90% intervals), got "${text}"`);
  return value;
};

export function forecastArrivalsCommand(cli: Command): void {
  cli
    .command('forecast-arrivals')
    .description('forecast calls per interval for the days --from..--to from a CSV of interval counts: weekday volume with trend, a profile per day type, a day factor, 90% prediction intervals')
    .argument('<counts>', 'CSV (or .gz) of interval counts: a date-time column and a count column (DateTime,Calls by default)')
    .requiredOption('--from <date>', 'first day to forecast (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day to forecast, included (YYYY-MM-DD)')
    .option('--interval <length>', 'length of the forecast\'s intervals (a multiple of the counts\' own)', intervalOption, 1800)
    .option('--out <file>', 'write the forecast as a scenario calendar (YAML): a profile per day type and a volume factor per day (default: to stdout)')
    .option('--scenario <file>', 'a single-line scenario (agents, handle time...) to write whole with the calendar, ready to run')
    .option('--csv <file>', 'write start,expected,low,high per interval')
    .option('--time-column <name>', 'column of the interval starts (a local date-time, or a time of day with --date-column)', 'DateTime')
    .option('--count-column <name>', 'column of the calls counted in the interval', 'Calls')
    .option('--date-column <name>', 'column of the dates, when the date and the time of day are apart')
    .option('--special <days>', 'days unlike the others of their weekday: 2003-07-04=0,2003-12-24=0.6 (a factor on an ordinary day; needed for days forecast), or a date alone (a day of the history, left out)', specialDays)
    .option('--day-types <types>', 'weekdays that share an intraday profile, e.g. sun-thu,fri,sat (default: a profile per weekday)')
    .option('--level <fraction>', 'probability of the prediction intervals', level, 0.9)
    .option('--skip-bad', 'skip rows that cannot be read (and count them) instead of listing them and stopping')
    .action(async (file: string, options: ForecastArrivalsCommandOptions) => {
      checkOutputPaths({ '--out': options.out, '--csv': options.csv });
      const base = options.scenario === undefined ? undefined : await loadScenarioFile(options.scenario);
      if (base && isMultiLine(base)) throw new UsageError(`${options.scenario}: forecast arrivals are one line's; give a single-line scenario (or copy the calendar into a line's days by hand)`);
      const { counts, badRows } = await readArrivalCounts(file, {
        timeColumn: options.timeColumn,
        countColumn: options.countColumn,
        ...(options.dateColumn === undefined ? {} : { dateColumn: options.dateColumn }),
        skipBad: options.skipBad === true,
      });
      const forecast = forecastArrivals(counts, {
        from: options.from,
        to: options.to,
        intervalSeconds: options.interval,
        level: options.level,
        ...(options.special === undefined ? {} : { specialDays: options.special }),
        ...(options.dayTypes === undefined ? {} : { dayTypes: parseDayTypes(options.dayTypes) }),
      });
      const yaml = seasonYaml(forecast, file, badRows, base);
      if (options.out) await writeFile(options.out, yaml);
      else process.stdout.write(yaml);
      if (options.csv) {
        const rows = forecast.intervals.map((i) => ({ start: i.start, expected: Math.round(i.expected * 100) / 100, low: i.low, high: i.high }));
        await writeFile(options.csv, toCsv(rows));
      }
      // With the YAML on stdout, the table goes to stderr with the notes.
      const table = daysTable(forecast);
      if (options.out) process.stdout.write(`${table}\n`);
      else process.stderr.write(`${table}\n`);
      for (const written of [options.out, options.csv]) if (written) process.stderr.write(`wrote ${written}\n`);
    });
}

/** The forecast's days: expected calls and the prediction interval. */
function daysTable(forecast: ArrivalsForecast): string {
  const percent = Math.round(forecast.level * 100);
  return textTable([
    ['day', 'type', 'expected calls', `${percent}% interval`],
    ...forecast.days.map((d) => [d.date, d.dayType + (d.specialFactor === undefined ? '' : ` ×${d.specialFactor}`), thousands(d.expected), `${thousands(d.low)}-${thousands(d.high)}`]),
  ]);
}

/** The calendar (under `base`, the scenario given, when there is one), with what the forecast rests on in comments. */
function seasonYaml(forecast: ArrivalsForecast, source: string, badRows: number, base: Scenario | undefined): string {
  const { fit } = forecast;
  const calendar = seasonCalendar(forecast);
  const closed = forecast.days.filter((day) => day.expected === 0).map((day) => day.date);
  // A calendar's days carry their dates: the scenario's own date and calendar give way.
  const { calendar: _calendar, date: _date, ...rest } = base ?? ({} as Partial<Scenario>);
  const doc = new Document({ ...rest, calendar });
  doc.commentBefore = [
    ` Forecast by queuecast forecast-arrivals from ${source}: ${fit.days} days of history (${fit.firstDay} to ${fit.lastDay})${badRows > 0 ? `, ${thousands(badRows)} bad rows skipped` : ''}.`,
    ` Daily volume by weekday with a trend of ${(100 * fit.trendPerWeek).toFixed(2)}% a week; day factor cv ${fit.dayFactorCv.toFixed(3)} (rateUncertainty);`,
    ` interval counts vary beyond Poisson by a dispersion of ${fit.dispersion.toFixed(4)}.`,
    ...(fit.leftOut.length > 0 ? [` Left out of the fit (special, or without calls): ${fit.leftOut.join(', ')}.`] : []),
    ...(fit.unusual.length > 0 ? [` Left out as unusual (far from their weekday's volume; mark them with --special if they recur): ${fit.unusual.join(', ')}.`] : []),
    ...(closed.length > 0 ? [` Forecast at 0 calls, so closed and not in the calendar: ${closed.join(', ')}.`] : []),
    ` A day's expected calls per interval are its day type's perInterval times its volume.`,
  ].join('\n');
  flowNumbers(doc.contents as Node);
  quoteClocks(doc.contents as Node);
  return doc.toString({ lineWidth: 0 });
}

/** Dates and clock times quoted: a YAML 1.1 reader takes 07:00 for 420 and 2003-08-25 for a timestamp. */
function quoteClocks(node: Node | null): void {
  if (isSeq(node)) for (const item of node.items) quoteClocks(item as Node);
  else if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if ((key === 'date' || key === 'opensAt') && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
      else quoteClocks(pair.value as Node);
    }
  }
}
