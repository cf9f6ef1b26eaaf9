// The reference model (M/M/50+M: 570 calls an hour, exponential handle 300 s and patience
// 600 s) through the library, against a hand-written loop of the same model in the same
// process, alternating, several rounds; medians and ratios. Cases: run(), simulate() with a
// subscriber that counts events, simulateBatches() counting batch lengths, and run() with a
// callback offered (its ratio is to the plain run(), per event).
//   npx tsx benchmarks/simulation.bench.ts [--callers 1000000] [--rounds 5]
import { run, simulate, simulateBatches, type Scenario } from '../src';
import { CenterMetrics } from '../src/metrics';
import { ContactCenter, metricsWindow } from '../src/model';
import { resolveScenario } from '../src/scenario';
import { handWrittenLoop } from './handWrittenLoop';
import { alternate, median, option, report, type BenchResult } from './measure';
import { REFERENCE_ARRIVALS_PER_HOUR, referenceModel } from './referenceModel';

const callers = option('callers', 1_000_000);
const rounds = option('rounds', 5);
const arrivalsPerHour = REFERENCE_ARRIVALS_PER_HOUR;
const reference = referenceModel(callers);

// The events a run handles, counted once outside the timings (same seed, same events).
function eventsHandled(scenario: Scenario): number {
  const resolved = resolveScenario(scenario);
  const center = new ContactCenter(resolved, new CenterMetrics(metricsWindow(resolved)));
  center.start();
  center.simulation.run();
  return center.simulation.eventsHandled;
}

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

const baselineOptions = { callers, arrivalsPerHour, agents: 50, meanHandleSeconds: 300, meanPatienceSeconds: 600, seed: 1 };
const events: Record<string, number> = {
  baseline: handWrittenLoop(baselineOptions).events,
  run: eventsHandled(reference),
  simulate: eventsHandled(reference),
  batches: eventsHandled(reference),
  callback: eventsHandled(withCallback),
};
const names: Record<string, string> = {
  baseline: 'hand-written loop',
  run: 'run()',
  simulate: 'simulate() counting subscriber',
  batches: 'simulateBatches() counting subscriber',
  callback: 'run() with callbacks (ratio to run())',
};

const seconds = await alternate(
  {
    baseline: () => handWrittenLoop(baselineOptions),
    run: () => run(reference),
    simulate: () => countEvents(reference),
    batches: () => countBatchedEvents(reference),
    callback: () => run(withCallback),
  },
  rounds,
);

const rate = (name: string) => events[name]! / median(seconds[name]!);
const results: BenchResult[] = Object.entries(seconds).map(([name, times]) => ({
  bench: names[name]!,
  callers,
  events: events[name]!,
  rounds,
  medianSeconds: round(median(times)),
  eventsPerSecond: Math.round(rate(name)),
  ratioToBaseline: round(rate(name) / rate(name === 'callback' ? 'run' : 'baseline')),
}));
report(results);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
