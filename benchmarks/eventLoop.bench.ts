// How responsive the host stays while a 1,000,000-caller run() executes in the same process:
// the event-loop delay (perf_hooks.monitorEventLoopDelay) during run(), which yields between
// slices, against runSync(), which does not, as the baseline.
//   npx tsx benchmarks/eventLoop.bench.ts [--callers 1000000]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { run, runSync } from '../src';
import { option, report, type BenchResult } from './measure';
import { referenceModel } from './referenceModel';

const callers = option('callers', 1_000_000);
const scenario = referenceModel(callers);

async function measure(body: () => unknown): Promise<{ seconds: number; p50: number; p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  // A timer that keeps asking for the loop, as a server's traffic would.
  const ticker = setInterval(() => {}, 1);
  await body();
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticker);
  histogram.disable();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  return { seconds: (performance.now() - started) / 1000, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
}

const results: BenchResult[] = [];
for (const [bench, body] of [
  ['runSync() (blocks: the baseline)', () => runSync(scenario)],
  ['run() (yields between slices)', () => run(scenario)],
] as const) {
  const m = await measure(body);
  results.push({ bench, callers, rounds: 1, medianSeconds: Math.round(m.seconds * 1000) / 1000, delayP50Ms: m.p50, delayP99Ms: m.p99, delayMaxMs: m.max });
}
report(results);
