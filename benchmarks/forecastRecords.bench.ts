// The classic wait predictors on real records: the 1999 bank's call records
// (../shared/realdata/anonymous-bank-1999, read where they lie with queuecast/node's bank
// reader) replayed as the snapshots a live center would have taken of its PS line (regular
// callers, Hebrew): at each arrival behind someone on hold, the line's callers on hold, the
// agents seen in a call (the internet team, whose names start with Z, left out: it serves
// another line), the last caller to reach an agent. Each predictor's announcement is scored
// against the wait the caller then had, for callers answered (those who hung up are censored:
// counted, not scored). Baseline in the same run: the recorded waits' standard deviation, the
// RMSE of announcing their mean (known only in hindsight).
//   npx tsx benchmarks/forecastRecords.bench.ts [--months january,february,...] [--line PS]
import { readCallRecords } from '../src/node';
import { scoreRecordedWaits, type RecordedCall } from '../src/realtime/recordedWaits';

const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const months = argument('months', 'january,february,march,april,may,june').split(',');
const line = argument('line', 'PS');
const folder = new URL('../../shared/realdata/anonymous-bank-1999/', import.meta.url).pathname;

const started = performance.now();
const rows: Array<Record<string, unknown>> = [];
let all: number[] = [];
let censored = 0;
const totals = new Map<string, { callers: number; squares: number; errors: number; atOrBelow: number }>();
for (const month of months) {
  const calls: RecordedCall[] = [];
  for await (const call of readCallRecords(`${folder}${month}.txt.gz`, { format: 'bank', skipBad: true }).records()) calls.push(call);
  const result = scoreRecordedWaits(calls, { line, serves: (agent) => !agent.startsWith('Z') });
  all = all.concat(result.waits);
  censored += result.censored;
  for (const score of result.scores) {
    const total = totals.get(score.name) ?? { callers: 0, squares: 0, errors: 0, atOrBelow: 0 };
    total.callers += score.callers;
    total.squares += score.rmseSeconds ** 2 * score.callers;
    total.errors += score.meanErrorSeconds * score.callers;
    total.atOrBelow += score.atOrBelowShare * score.callers;
    totals.set(score.name, total);
  }
}
const mean = all.reduce((a, b) => a + b, 0) / all.length;
const spread = Math.sqrt(all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length);
const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;
for (const [name, t] of totals) {
  rows.push({ predictor: name, callers: t.callers, rmseSeconds: round(Math.sqrt(t.squares / t.callers)), meanErrorSeconds: round(t.errors / t.callers), atOrBelowShare: round(t.atOrBelow / t.callers, 3), ratioToBaseline: round(spread / Math.sqrt(t.squares / t.callers), 3) });
}
rows.push({ predictor: 'baseline: the mean recorded wait, in hindsight', callers: all.length, rmseSeconds: round(spread), meanWaitSeconds: round(mean), censored });
const seconds = round((performance.now() - started) / 1000);
for (const row of rows) console.log(JSON.stringify({ bench: `predictors on the bank's records, line ${line}`, months: months.length, seconds, ...row }));
console.error('');
console.table(Object.fromEntries(rows.map(({ predictor, ...rest }) => [predictor as string, rest])));
