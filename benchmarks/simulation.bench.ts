// The reference model (M/M/50+M: 570 calls an hour, exponential handle 300 s and patience
// 600 s) through the library, against a hand-written loop of the same model in the same
// process, alternating, several rounds; medians and ratios.
//   npx tsx benchmarks/simulation.bench.ts [--callers 1000000] [--rounds 5]
import { run, simulate, type Scenario } from '../src';
import { CenterMetrics } from '../src/metrics';
import { ContactCenter, metricsWindow } from '../src/model';
import { resolveScenario } from '../src/scenario';
import { handWrittenLoop } from './handWrittenLoop';
import { alternate, median, option, report, type BenchResult } from './measure';

const callers = option('callers', 1_000_000);
const rounds = option('rounds', 5);
const arrivalsPerHour = 570;

const reference: Scenario = {
  seed: 1,
  arrivals: { perHour: arrivalsPerHour },
  agents: 50,
  durationSeconds: (callers / arrivalsPerHour) * 3600,
  handleTime: { type: 'exponential', meanSeconds: 300 },
  patience: { type: 'exponential', meanSeconds: 600 },
};

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

const baselineOptions = { callers, arrivalsPerHour, agents: 50, meanHandleSeconds: 300, meanPatienceSeconds: 600, seed: 1 };
const baselineEvents = handWrittenLoop(baselineOptions).events;
const libraryEvents = eventsHandled(reference);

const seconds = await alternate(
  {
    baseline: () => handWrittenLoop(baselineOptions),
    run: () => run(reference),
    simulate: () => countEvents(reference),
  },
  rounds,
);

const baselineRate = baselineEvents / median(seconds.baseline!);
const results: BenchResult[] = Object.entries(seconds).map(([bench, times]) => {
  const events = bench === 'baseline' ? baselineEvents : libraryEvents;
  const medianSeconds = median(times);
  const eventsPerSecond = events / medianSeconds;
  return {
    bench: bench === 'baseline' ? 'hand-written loop' : bench === 'run' ? 'run()' : 'simulate() counting subscriber',
    callers,
    events,
    rounds,
    medianSeconds: round(medianSeconds),
    eventsPerSecond: Math.round(eventsPerSecond),
    ratioToBaseline: round(eventsPerSecond / baselineRate),
  };
});
report(results);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
