// The reference model (M/M/50+M: 570 calls an hour, exponential handle 300 s and patience
// 600 s) through the library against the raw loop of the same model (`../shared/bench/
// rawloop.mjs`, the limit of issue 15), in the same process, alternating, several rounds;
// medians. Cases: run(), simulate() with a subscriber that counts events, simulateBatches()
// counting batch lengths, and run() with a callback offered.
//
// One convention for every ratio: the speed ratio, baseline seconds / case seconds for the same
// callers. Higher is better; 1 is as fast as the baseline, 0.7 takes 1/0.7 = 1.43 times as long.
// The baseline is the raw loop, except for the callback case, whose baseline is the plain run().
// The ratio is of the medians over the rounds, of CPU times (the steadier measure on a shared
// machine, see measure.ts); wall times are printed too.
//   npx tsx benchmarks/simulation.bench.ts [--callers 1000000] [--rounds 5]
import { run, simulate, simulateBatches, type Scenario } from '../src';
import { alternateTimed, median, option, report, type BenchResult } from './measure';
import { loadRawLoop } from './rawLoop';

const callers = option('callers', 1_000_000);
const rounds = option('rounds', 5);
const { rawRun, referenceScenario } = await loadRawLoop();
const reference = referenceScenario(callers);

function countEvents(scenario: Scenario): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    simulate(scenario).subscribe({ next: () => count++, error: reject, complete: () => resolve(count) });
  });
}

function countBatchedEvents(scenario: Scenario): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    simulateBatches(scenario).subscribe({ next: (batch) => (count += batch.length), error: reject, complete: () => resolve(count) });
  });
}

const withCallback: Scenario = {
  ...reference,
  callback: { offer: { whenQueueAtLeast: 5 }, optIn: { probability: 0.3 }, dialSeconds: 20, answerProbability: 0.8, maxAttempts: 2, retryDelaySeconds: 300 },
};

const cases = {
  raw: { name: 'raw loop (../shared/bench/rawloop.mjs)', baseline: 'raw', body: () => rawRun(callers) },
  run: { name: 'run()', baseline: 'raw', body: () => run(reference) },
  simulate: { name: 'simulate(), counting subscriber', baseline: 'raw', body: () => countEvents(reference) },
  batches: { name: 'simulateBatches(), counting batch lengths', baseline: 'raw', body: () => countBatchedEvents(reference) },
  callback: { name: 'run() with callbacks', baseline: 'run', body: () => run(withCallback) },
} as const;
type CaseName = keyof typeof cases;

const times = await alternateTimed(Object.fromEntries(Object.entries(cases).map(([key, { body }]) => [key, body])), rounds);
const wall = times.wall as Record<CaseName, number[]>;
const cpu = times.cpu as Record<CaseName, number[]>;

const results: BenchResult[] = (Object.keys(cases) as CaseName[]).map((key) => {
  const { name, baseline } = cases[key];
  const time = median(cpu[key]);
  return {
    bench: name,
    callers,
    rounds,
    medianSeconds: round(median(wall[key]), 3),
    medianCpuSeconds: round(time, 3),
    callersPerCpuSecond: Math.round(callers / time),
    baseline: key === 'raw' ? '(itself)' : cases[baseline].name,
    speedRatio: round(median(cpu[baseline]) / time, 2),
  };
});
report(results);

function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
