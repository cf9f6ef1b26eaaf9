// The metrics on their own: the reference model's events (1,000,000 callers: arrivals,
// answers, abandonments, call ends) recorded once, then told to fresh metrics and the report
// made, against the raw loop (`../shared/bench/rawloop.mjs`) in the same process, alternating,
// medians of CPU time. Inside run() the metrics cost more than this (they share the JIT's work
// and the caches with the model: benchmarks/README.md, "The metrics"); on their own
// they repeat to a few percent, so a change to the metrics can be judged here first.
//
// Unlike the other benchmarks, no full collection runs before each case: the recorded events
// (about 90 MB for a million callers) stay in the heap, and the collector's background work
// after a forced collection landed in the next case's CPU time (0.28 s instead of 0.15 s).
//
// The speed ratio is the raw loop's time over the metrics' time for the same callers: 5 means
// the metrics alone take a fifth of the raw loop's time.
//   npx tsx benchmarks/metrics.bench.ts [--callers 1000000] [--rounds 15]
import { alternateTimed, median, option, report } from './measure';
import { recordCenterEvents, replayIntoMetrics } from './modelParts';
import { loadRawLoop } from './rawLoop';

const callers = option('callers', 1_000_000);
const rounds = option('rounds', 15);
const { rawRun, referenceScenario } = await loadRawLoop();
const events = recordCenterEvents(referenceScenario(callers));

const times = await alternateTimed({ raw: () => rawRun(callers), metrics: () => replayIntoMetrics(events) }, rounds, { collect: false });
const metricsSeconds = median(times.cpu.metrics!);
report([
  {
    bench: 'metrics alone: the reference model\'s events told to fresh metrics, and the report',
    callers,
    events: events.kind.length,
    rounds,
    medianSeconds: Math.round(median(times.wall.metrics!) * 1000) / 1000,
    medianCpuSeconds: Math.round(metricsSeconds * 1000) / 1000,
    nanosecondsPerEvent: Math.round((metricsSeconds * 1e9) / events.kind.length),
    baseline: 'raw loop (../shared/bench/rawloop.mjs)',
    speedRatio: Math.round((median(times.cpu.raw!) / metricsSeconds) * 100) / 100,
  },
]);
