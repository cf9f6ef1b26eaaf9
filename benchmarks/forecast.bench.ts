// forecastWait() for a caller arriving at a 50-agent center with 20 callers ahead, 1,000
// futures: how long one answer takes (after warm-up), against the baseline of a plain
// queue-length estimate computed on the same snapshot in the same run.
//   npx tsx benchmarks/forecast.bench.ts [--rounds 200]
import { createWaitForecaster, forecastWait, predictors, type CenterSnapshot, type MultiLineScenario, type MultiLineSnapshot, type Scenario } from '../src';
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

// Two lines over a shared group (A with priority, B overflowing to a backup group after 2
// minutes), all 24 agents busy, 10 on hold per line: the service benchmark's two-line center.
const twoLines: MultiLineScenario = {
  durationSeconds: 8 * 3600,
  lines: [
    { name: 'A', priority: 1, arrivals: { perHour: 120 }, handleTime: { type: 'exponential', meanSeconds: 300 }, routing: [{ group: 'shared' }] },
    { name: 'B', arrivals: { perHour: 200 }, handleTime: { type: 'lognormal', meanSeconds: 360, cv: 0.8 },
      patience: { type: 'exponential', meanSeconds: 600 }, routing: [{ group: 'shared' }, { group: 'backup', afterSeconds: 120 }] },
  ],
  groups: [{ name: 'shared', agents: 20 }, { name: 'backup', agents: 4 }],
};
const hold = () => Array.from({ length: 10 }, (_, i) => ({ waitedSeconds: (10 - i) * 15 }));
const twoLinesSnapshot: MultiLineSnapshot = {
  lines: { A: { hold: hold() }, B: { hold: hold() } },
  groups: {
    shared: { agents: 20, busy: Array.from({ length: 20 }, (_, i) => ({ elapsedSeconds: (i * 37) % 600, line: i % 3 ? 'B' : 'A' })) },
    backup: { agents: 4, busy: Array.from({ length: 4 }, (_, i) => ({ elapsedSeconds: 100 * i, line: 'B' })) },
  },
  timeOfDaySeconds: 3600,
};
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
