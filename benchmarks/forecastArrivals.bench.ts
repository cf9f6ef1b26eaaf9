// forecastArrivals() on the two real series of ../shared/realdata: the last four weeks of each
// held out, the weeks before them as history. RMSE of interval counts against the seasonal naive
// forecast (the last week of history repeated), and the share of held-out counts inside the 90%
// prediction intervals.
//   npx tsx benchmarks/forecastArrivals.bench.ts
import { forecastArrivals, type IntervalCount } from '../src';
import { readArrivalCounts } from '../src/node/arrivalCounts';

const REALDATA = new URL('../../shared/realdata/', import.meta.url).pathname;
const HELD_OUT_DAYS = 28;

// The 1999 center is open Sunday to Thursday 7:00-24:00 and shorter on Fridays and Saturdays
// (the data's README): those three day types, as a planner would give them, beside a profile per weekday.
const BANK_1999_TYPES = [{ name: 'sun-thu', weekdays: [0, 1, 2, 3, 4] }];
const series: Array<{ name: string; file: string; columns: Parameters<typeof readArrivalCounts>[1]; intervalSeconds: number; dayTypes?: typeof BANK_1999_TYPES }> = [
  { name: 'bank 2003, 5-minute counts', file: 'bank-calls-2003/bank_calls_5min_mar-aug.csv.gz', columns: {}, intervalSeconds: 300 },
  { name: 'bank 1999, 6-minute counts', file: 'anonymous-bank-1999/arrivals_6min_jan-jun.csv.gz', columns: { dateColumn: 'date', timeColumn: 'start', countColumn: 'calls' }, intervalSeconds: 360 },
  { name: 'bank 1999, 6-minute counts, day types sun-thu, fri, sat', file: 'anonymous-bank-1999/arrivals_6min_jan-jun.csv.gz', columns: { dateColumn: 'date', timeColumn: 'start', countColumn: 'calls' }, intervalSeconds: 360, dayTypes: BANK_1999_TYPES },
];

const key = (start: string) => start.replace(' ', 'T').slice(0, 16);
const dayOf = (start: string) => start.slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

for (const { name, file, columns, intervalSeconds, dayTypes } of series) {
  const { counts } = await readArrivalCounts(REALDATA + file, columns);
  const lastDay = dayOf(counts[counts.length - 1]!.start as string);
  const from = addDays(lastDay, 1 - HELD_OUT_DAYS);
  const history = counts.filter((c) => dayOf(c.start as string) < from);
  const heldOut = counts.filter((c) => dayOf(c.start as string) >= from);
  const started = performance.now();
  const forecast = forecastArrivals(history, { from, to: lastDay, intervalSeconds, level: 0.9, ...(dayTypes ? { dayTypes } : {}) });
  const seconds = (performance.now() - started) / 1000;
  const predicted = new Map(forecast.intervals.map((i) => [i.start, i]));
  // Seasonal naive: the same interval on the last day of history with the same weekday (a week or less before `from`).
  const byStart = new Map(history.map((c) => [key(c.start as string), c.count]));
  const naive = (start: string) => {
    let date = start.slice(0, 10);
    while (date >= from) date = addDays(date, -7);
    return byStart.get(date + start.slice(10)) ?? 0;
  };
  let squares = 0;
  let naiveSquares = 0;
  let covered = 0;
  for (const c of heldOut as IntervalCount[]) {
    const start = key(c.start as string);
    const p = predicted.get(start) ?? { expected: 0, low: 0, high: 0 };
    squares += (c.count - p.expected) ** 2;
    naiveSquares += (c.count - naive(start)) ** 2;
    if (c.count >= p.low && c.count <= p.high) covered++;
  }
  const rmse = Math.sqrt(squares / heldOut.length);
  const naiveRmse = Math.sqrt(naiveSquares / heldOut.length);
  const line = {
    series: name,
    history: `${forecast.fit.firstDay}..${forecast.fit.lastDay} (${forecast.fit.days} days)`,
    heldOut: `${from}..${lastDay} (${heldOut.length} intervals)`,
    rmse: round(rmse),
    naiveRmse: round(naiveRmse),
    ratio: round(rmse / naiveRmse),
    coverage: round(covered / heldOut.length),
    trendPerWeek: Math.round(forecast.fit.trendPerWeek * 1e5) / 1e5,
    dayFactorCv: round(forecast.fit.dayFactorCv),
    dispersion: round(forecast.fit.dispersion),
    unusual: forecast.fit.unusual.length,
    seconds: round(seconds),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
