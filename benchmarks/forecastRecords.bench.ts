// Wait predictors on real records: the 1999 bank's call records
// (../shared/realdata/anonymous-bank-1999, read where they lie with queuecast/node's bank
// reader) replayed as the snapshots a live center would have taken of its PS line (regular
// callers, Hebrew): at each arrival behind someone on hold, the line's callers on hold, the
// agents seen in a call (the internet team, whose names start with Z, left out: it serves
// another line), the last caller to reach an agent. Each predictor's announcement is scored
// against the wait the caller then had, for callers answered (those who hung up are censored:
// counted, not scored). Baseline in the same run: the recorded waits' standard deviation, the
// RMSE of announcing their mean (known only in hindsight).
//
// The model's own forecast (`forecastWait`, `--futures` futures each) is scored on the months
// that have a month before them: the scenario is fitted by day type on the month before (what a
// center has when the month begins), its roster each day the agents seen serving that day (the
// backtest's `rosterFromRecords` estimator; availability 1, `--availability`), the snapshot the
// whole center (every line's callers on hold, every agent in a call). The classic predictors are
// printed on the same months beside it, and on every month given.
//   npx tsx benchmarks/forecastRecords.bench.ts [--months january,february,...] [--line PS] [--futures 39] [--every 10] [--availability 1] [--fit before|same]
import { findDayTypes, findTeams, fitDayTypes, surveyRecords, type CallRecord } from '../src/calibrate';
import { readCallRecords } from '../src/node';
import { scoreRecordedWaits, type RecordedForecastScore, type RecordedWaits } from '../src/realtime/recordedWaits';
import { modelOnRecords } from '../test/support/recordedForecast';

const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const ALL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june'];
const months = argument('months', ALL_MONTHS.join(',')).split(',');
const line = argument('line', 'PS');
const futures = Number(argument('futures', '39'));
const every = Number(argument('every', '10'));
const availability = Number(argument('availability', '1'));
// `before`: fitted on the month before (out of sample); `same`: on the month scored (in sample, to see what the fit's month costs).
const fitOn = argument('fit', 'before');
const folder = new URL('../../shared/realdata/anonymous-bank-1999/', import.meta.url).pathname;
const serves = (agent: string) => !agent.startsWith('Z');

const read = async (month: string) => {
  const calls: CallRecord[] = [];
  for await (const call of readCallRecords(`${folder}${month}.txt.gz`, { format: 'bank', skipBad: true }).records()) calls.push(call);
  return calls;
};

// Sums of the scores of several months, each month's figures weighted by its callers.
class Totals {
  waits: number[] = [];
  censored = 0;
  readonly classic = new Map<string, { callers: number; squares: number; errors: number; atOrBelow: number }>();
  model?: { callers: number; squares: number; errors: number; median: number; p90: number; all: number; medianLow: number; medianHigh: number; p90Low: number; p90High: number };

  add(result: RecordedWaits): void {
    this.waits = this.waits.concat(result.waits);
    this.censored += result.censored;
    for (const score of result.scores) {
      const total = this.classic.get(score.name) ?? { callers: 0, squares: 0, errors: 0, atOrBelow: 0 };
      total.callers += score.callers;
      total.squares += score.rmseSeconds ** 2 * score.callers;
      total.errors += score.meanErrorSeconds * score.callers;
      total.atOrBelow += score.atOrBelowShare * score.callers;
      this.classic.set(score.name, total);
    }
    if (result.forecast) this.addModel(result.forecast);
  }

  private addModel(f: RecordedForecastScore): void {
    const m = (this.model ??= { callers: 0, squares: 0, errors: 0, median: 0, p90: 0, all: 0, medianLow: 0, medianHigh: 0, p90Low: 0, p90High: 0 });
    const n = f.callers;
    const all = f.withCensored.callers;
    m.callers += n;
    m.squares += f.rmseSeconds ** 2 * n;
    m.errors += f.meanErrorSeconds * n;
    m.median += f.atOrBelowMedianShare * n;
    m.p90 += f.atOrBelowP90Share * n;
    m.all += all;
    m.medianLow += f.withCensored.median.low * all;
    m.medianHigh += f.withCensored.median.high * all;
    m.p90Low += f.withCensored.p90.low * all;
    m.p90High += f.withCensored.p90.high * all;
  }

  rows(): Array<Record<string, unknown>> {
    const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;
    const mean = this.waits.reduce((a, b) => a + b, 0) / this.waits.length;
    const spread = Math.sqrt(this.waits.reduce((a, b) => a + (b - mean) ** 2, 0) / this.waits.length);
    const rows: Array<Record<string, unknown>> = [];
    for (const [name, t] of this.classic) {
      const rmse = Math.sqrt(t.squares / t.callers);
      rows.push({ predictor: name, callers: t.callers, rmseSeconds: round(rmse), meanErrorSeconds: round(t.errors / t.callers), atOrBelowShare: round(t.atOrBelow / t.callers, 3), ratioToBaseline: round(spread / rmse, 3) });
    }
    const m = this.model;
    if (m) {
      const rmse = Math.sqrt(m.squares / m.callers);
      rows.push({
        predictor: `model (forecastWait, ${futures} futures)`, callers: m.callers, rmseSeconds: round(rmse), meanErrorSeconds: round(m.errors / m.callers),
        atOrBelowMedianShare: round(m.median / m.callers, 3), atOrBelowP90Share: round(m.p90 / m.callers, 3), ratioToBaseline: round(spread / rmse, 3),
        withCensored: { callers: m.all, median: [round(m.medianLow / m.all, 3), round(m.medianHigh / m.all, 3)], p90: [round(m.p90Low / m.all, 3), round(m.p90High / m.all, 3)] },
      });
    }
    rows.push({ predictor: 'baseline: the mean recorded wait, in hindsight', callers: this.waits.length, rmseSeconds: round(spread), meanWaitSeconds: round(mean), censored: this.censored });
    return rows;
  }
}

const started = performance.now();
const everyMonth = new Totals();
const modelMonths = new Totals();
const scoredByModel: string[] = [];
let modelWork = { futures: 0, events: 0, seconds: 0 };
for (const month of months) {
  const calls = await read(month);
  const before = fitOn === 'same' ? month : ALL_MONTHS[ALL_MONTHS.indexOf(month) - 1];
  if (before === undefined) {
    everyMonth.add(scoreRecordedWaits(calls, { line, serves }));
    continue;
  }
  const fitted = before === month ? calls : await read(before);
  const survey = surveyRecords(fitted);
  const teams = findTeams(survey);
  const { dayTypes } = fitDayTypes(fitted, { dayTypes: findDayTypes(survey), teams });
  const forecast = modelOnRecords(calls, { dayTypes, teams, futures, every, availability });
  const t0 = performance.now();
  const result = scoreRecordedWaits(calls, { line, serves, forecast });
  modelWork = { futures: modelWork.futures + forecast.futures, events: modelWork.events + forecast.events, seconds: modelWork.seconds + (performance.now() - t0) / 1000 };
  // The months together show the classic predictors; the model only with the months it scored.
  const { forecast: _, ...classicOnly } = result;
  everyMonth.add(classicOnly);
  modelMonths.add(result);
  scoredByModel.push(month);
}
const seconds = Math.round((performance.now() - started) / 100) / 10;
const print = (months: string[], rows: Array<Record<string, unknown>>) => {
  for (const row of rows) console.log(JSON.stringify({ bench: `predictors on the bank's records, line ${line}`, months: months.join(','), seconds, ...row }));
  console.error(`\n${months.join(', ')}`);
  console.table(Object.fromEntries(rows.map(({ predictor, ...rest }) => [predictor as string, rest])));
};
print(months, everyMonth.rows());
if (scoredByModel.length > 0) {
  print(scoredByModel, modelMonths.rows());
  console.error(`the model: ${modelWork.futures} futures, ${modelWork.events} events, ${modelWork.seconds.toFixed(1)} s (the months' replay and forecasts)`);
}
