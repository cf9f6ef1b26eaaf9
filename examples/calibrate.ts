// The round trip of calibration: records of a simulated month from a scenario whose truth we
// know, a scenario fitted to them, and the fitted scenario backtested against them. What a
// planner does with their own ACD's export, with the answer key at hand.
//
//   npx tsx examples/calibrate.ts [scenario.yaml] [days]
import { mkdirSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { backtest, cdfOf, fitScenario, type Distribution, type SingleLineScenario } from '../src';
import { CALL_RECORDS_HEADER, callRecordLine, loadScenarioFile, readCallRecords, simulatedRecords } from '../src/node';

const scenarioFile = process.argv[2] ?? 'examples/scenarios/calibration-truth.yaml';
const days = Number(process.argv[3] ?? 20);
// One handle time and patience for the whole day, as the fit gives them.
type OneLine = SingleLineScenario & { handleTime: Distribution; patience?: Distribution };
const truth = (await loadScenarioFile(scenarioFile)) as OneLine;

// 1. The records a month of this center would have left: one CSV row per call.
mkdirSync('scratch', { recursive: true });
const file = join('scratch', 'calls.csv');
const out = createWriteStream(file);
out.write(`${CALL_RECORDS_HEADER}\n`);
let calls = 0;
for await (const day of simulatedRecords(truth, { days })) {
  for (const record of day) if (!out.write(`${callRecordLine(record)}\n`)) await once(out, 'drain');
  calls += day.length;
}
out.end();
await once(out, 'finish');
console.log(`wrote ${calls.toLocaleString('en-US')} calls of ${days} days to ${file}`);

// 2. The fit, from the file as a planner would give it (streamed, bounded memory).
const { scenario, diagnostics } = await fitScenario(readCallRecords(file).records());
const fitted = scenario as OneLine;
const line = Object.values(diagnostics.lines)[0]!;

const describe = (d: Distribution | undefined) =>
  d === undefined ? 'none' : 'cv' in d ? `${d.type}, mean ${d.meanSeconds.toFixed(0)} s, cv ${d.cv.toFixed(2)}` : JSON.stringify(d);
const truthArrivals = truth.arrivals as { perInterval: readonly number[]; rateUncertainty?: { cv: number } };
const fittedArrivals = fitted.arrivals as { perInterval: readonly number[]; rateUncertainty?: { cv: number } };
const truthAgents = (truth.agents as { perInterval: readonly number[] }).perInterval;
const fittedAgents = (fitted.agents as { perInterval: readonly number[] }).perInterval;
const worst = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((x, i) => Math.abs(b[i]! / x - 1)));
const patienceAt = (d: Distribution | undefined, minutes: number) => (d ? cdfOf(d)(minutes * 60) : 0);

console.log('\nwhat the fit recovered            truth                           fitted');
const row = (what: string, t: string, f: string) => console.log(`${what.padEnd(34)} ${t.padEnd(31)} ${f}`);
row('handle time', describe(truth.handleTime), describe(fitted.handleTime));
row('patience (censored ML)', describe(truth.patience), describe(fitted.patience));
for (const minutes of [1, 2, 5, 10]) {
  row(`  P(patience <= ${minutes} min)`, patienceAt(truth.patience, minutes).toFixed(3), patienceAt(fitted.patience, minutes).toFixed(3));
}
row('  naive: mean wait of hang-ups', `${truth.patience && 'meanSeconds' in truth.patience ? truth.patience.meanSeconds : '?'} s (the truth's mean)`, `${line.patience!.naiveMeanSeconds.toFixed(0)} s`);
row('day factor cv', String(truthArrivals.rateUncertainty?.cv ?? 0), String(fittedArrivals.rateUncertainty?.cv ?? 0));
row('calls per interval, worst gap', '', `${(100 * worst(truthArrivals.perInterval, fittedArrivals.perInterval)).toFixed(1)}%`);
row('roster per interval, worst gap', '', `${(100 * worst(truthAgents, fittedAgents)).toFixed(1)}%`);
console.log(`censored share of patience data: ${(100 * line.patience!.censoredShare).toFixed(1)}%; warnings: ${diagnostics.warnings.length === 0 ? 'none' : diagnostics.warnings.join('; ')}`);

// 3. The backtest: the fitted scenario simulated beside the records it came from, and the same
//    scenario with 15% fewer agents, which the records should reject.
const own = await backtest(fitted, readCallRecords(file).records(), { replications: 40 });
const short = { ...fitted, agents: { intervalSeconds: 1800, perInterval: fittedAgents.map((n) => Math.round(n * 0.85)) } };
const wrong = await backtest(short, readCallRecords(file).records(), { replications: 40 });
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
console.log('\ncalibration score (share of intervals inside their 95% band)');
console.log(`  fitted scenario:       mean wait ${pct(own.score.meanWaitSeconds)}, abandonment ${pct(own.score.abandonment)}, overall ${pct(own.overallScore)}`);
console.log(`  roster 15% too short:  mean wait ${pct(wrong.score.meanWaitSeconds)}, abandonment ${pct(wrong.score.abandonment)}, overall ${pct(wrong.overallScore)}`);
console.log(`\nthe same from the command line:\n  npx queuecast fit ${file} --out scratch/fitted.yaml\n  npx queuecast backtest scratch/fitted.yaml ${file} --out scratch/backtest.html`);
