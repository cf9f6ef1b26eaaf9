// The reference model (M/M/50+M: 570 calls an hour, exponential handle 300 s and patience
// 600 s) through the library against the raw loop of the same model (`../shared/bench/
// rawloop.mjs`, the limit of issue 15), in the same process, alternating, several rounds;
// medians. Cases: run(), simulate() with a subscriber that counts events, simulateBatches()
// counting batch lengths, and run() with a callback offered. Each case runs in a process of its
// own, alternating with its baseline: in one process for all, the model's call sites would see
// every observer (metrics, event emitter, batcher) and each case would pay for the others'
// type feedback, which a process doing one of them does not.
//
// One convention for every ratio: the speed ratio, baseline seconds / case seconds for the same
// callers. Higher is better; 1 is as fast as the baseline, 0.7 takes 1/0.7 = 1.43 times as long.
// The baseline is the raw loop, except for the callback case, whose baseline is the plain run().
// The ratio is of the medians over the rounds, of CPU times (the steadier measure on a shared
// machine, see measure.ts); wall times are printed too.
//
// One more case is not the library: the event objects alone, three a caller (arrival, answered,
// call-ended, as nearly every caller of the reference model has) put into batches of 1,024
// with no simulation behind them. Its ratio to the raw loop says how much of the raw loop's
// time simulateBatches() spends, at the least, on objects its users receive.
//   npx tsx benchmarks/simulation.bench.ts [--callers 1000000] [--rounds 5] [--case run]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// The built package, as users run it (`npm run bench` builds it first).
import { run, simulate, simulateBatches } from '../dist/index.js';
import type { Scenario, SimEvent } from '../src';
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

function eventObjectsAlone(count: number): number {
  let batch = new Array<SimEvent>(1024);
  let filled = 0;
  let delivered = 0;
  const emit = (event: SimEvent) => {
    batch[filled++] = event;
    if (filled === 1024) {
      delivered += filled;
      batch = new Array<SimEvent>(1024);
      filled = 0;
    }
  };
  let time = 0;
  for (let callerId = 0; callerId < count; callerId++) {
    time += 6.3 + (callerId & 7) * 0.1;
    const answer = time + 0.25 + (callerId & 3);
    emit({ type: 'arrival', time, callerId, line: 'main', attempt: 1, counted: true });
    emit({ type: 'answered', time: answer, callerId, line: 'main', holdSeconds: answer - time, group: 'agents', arrivalTime: time, counted: true });
    emit({ type: 'call-ended', time: answer + 300.5, callerId, line: 'main', group: 'agents', agentBusySince: answer });
  }
  return delivered + filled;
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
  eventObjects: { name: 'event objects alone (3 a caller, in batches; no simulation)', baseline: 'raw', body: () => eventObjectsAlone(callers) },
} as const;
type CaseName = keyof typeof cases;

const only = process.argv.includes('--case') ? (process.argv[process.argv.indexOf('--case') + 1] as CaseName) : undefined;

if (only) {
  // A child: the case and its baseline, alternating; prints the case's line.
  const { baseline } = cases[only];
  const pair = only === 'raw' ? { raw: cases.raw.body } : { [baseline]: cases[baseline].body, [only]: cases[only].body };
  const times = await alternateTimed(pair, rounds);
  const time = median(times.cpu[only]!);
  const result: BenchResult = {
    bench: cases[only].name,
    callers,
    rounds,
    medianSeconds: round(median(times.wall[only]!), 3),
    medianCpuSeconds: round(time, 3),
    callersPerCpuSecond: Math.round(callers / time),
    baseline: only === 'raw' ? '(itself)' : cases[baseline].name,
    speedRatio: round(median(times.cpu[baseline]!) / time, 2),
  };
  console.log(JSON.stringify(result));
} else {
  const script = fileURLToPath(import.meta.url);
  const results = (Object.keys(cases) as CaseName[]).map((key) => {
    const args = [...process.execArgv, script, '--callers', String(callers), '--rounds', String(rounds), '--case', key];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return JSON.parse(out.trim().split('\n').at(-1)!) as BenchResult;
  });
  report(results);
}

function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
