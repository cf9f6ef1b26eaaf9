// forecastWait() for a caller arriving at a 50-agent center with 20 callers ahead, 1,000
// futures: how long one answer takes (after warm-up), against the baseline of a plain
// queue-length estimate computed on the same snapshot in the same run.
//   npx tsx benchmarks/forecast.bench.ts [--rounds 200]
import { createWaitForecaster, forecastWait, predictors } from '../src';
import { forecastScenario as scenario, forecastSnapshot as snapshot, twoLines, twoLinesSnapshot } from './forecastCases';
import { median, option, report, type BenchResult } from './measure';

const rounds = option('rounds', 200);

function time(body: () => unknown): number[] {
  for (let i = 0; i < 20; i++) body(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    body();
    out.push(performance.now() - start);
  }
  return out;
}

// The two-line center of the tests, all 24 agents busy, 10 on hold per line (as in the service benchmark).
const twoLinesForecaster = createWaitForecaster(twoLines);

const forecaster = createWaitForecaster(scenario);
const cases: Array<[string, () => unknown]> = [
  ['queue-length predictor (baseline)', () => predictors.queueLength(snapshot, { meanHandleSeconds: 300 })],
  ['forecastWait(), 1,000 futures (validates each call)', () => forecastWait(scenario, snapshot, { replications: 1000 })],
  ['createWaitForecaster() then 1,000 futures', () => forecaster(snapshot, { replications: 1000 })],
  ['createWaitForecaster() then 200 futures', () => forecaster(snapshot, { replications: 200 })],
  ['two lines, line A (priority), 1,000 futures', () => twoLinesForecaster(twoLinesSnapshot, { line: 'A', replications: 1000 })],
  ['two lines, line B (overtaken by A), 1,000 futures', () => twoLinesForecaster(twoLinesSnapshot, { line: 'B', replications: 1000 })],
];
const results: BenchResult[] = cases.map(([bench, body]) => {
  const ms = time(body);
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    bench,
    rounds,
    medianSeconds: median(ms) / 1000,
    medianMs: Math.round(median(ms) * 1000) / 1000,
    p99Ms: Math.round(sorted[Math.floor(0.99 * (sorted.length - 1))]! * 1000) / 1000,
  };
});
report(results);
