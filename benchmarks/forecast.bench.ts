// forecastWait() for a caller arriving at a 50-agent center with 20 callers ahead, 1,000
// futures: how long one answer takes (after warm-up), against the baseline of a plain
// queue-length estimate computed on the same snapshot in the same run.
//   npx tsx benchmarks/forecast.bench.ts [--rounds 200]
import { createWaitForecaster, forecastWait, predictors, type CenterSnapshot, type Scenario } from '../src';
import { median, option, report, type BenchResult } from './measure';

const rounds = option('rounds', 200);
const scenario: Scenario = {
  arrivals: { perHour: 570 },
  agents: 50,
  durationSeconds: 8 * 3600,
  handleTime: { type: 'lognormal', meanSeconds: 300, cv: 1 },
  patience: { type: 'exponential', meanSeconds: 600 },
};
const snapshot: CenterSnapshot = {
  agents: 50,
  busy: Array.from({ length: 50 }, (_, i) => ({ elapsedSeconds: 12 * i })),
  hold: Array.from({ length: 20 }, (_, i) => ({ waitedSeconds: 5 * (20 - i) })),
  callbacks: [],
};

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

const forecaster = createWaitForecaster(scenario);
const cases: Array<[string, () => unknown]> = [
  ['queue-length predictor (baseline)', () => predictors.queueLength(snapshot, { meanHandleSeconds: 300 })],
  ['forecastWait(), 1,000 futures (validates each call)', () => forecastWait(scenario, snapshot, { replications: 1000 })],
  ['createWaitForecaster() then 1,000 futures', () => forecaster(snapshot, { replications: 1000 })],
  ['createWaitForecaster() then 200 futures', () => forecaster(snapshot, { replications: 200 })],
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
