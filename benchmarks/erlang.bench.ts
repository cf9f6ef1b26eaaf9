/**
 * Times the analytic Erlang functions at contact-center scale against the brute-force
 * birth–death solver the tests use as their reference (test/support/birthDeath.ts), on the
 * same inputs, in the same process, alternating library and baseline over several rounds.
 * Prints one JSON line per case with medians and the ratio baseline / library.
 *
 *   npx tsx benchmarks/erlang.bench.ts
 */
import { agentsFor, erlangA, erlangC } from '../src/analytic';
import { solveBirthDeath, type BirthDeathSolution } from '../test/support/birthDeath';

const ROUNDS = 7;
/** Each timed batch runs at least this long, so that timer resolution does not matter. */
const BATCH_MILLIS = 50;

interface Case {
  readonly bench: string;
  readonly agents: number;
  readonly library: () => unknown;
  readonly baseline: () => unknown;
}

// A large center near full load: 9,800 Erlangs (117,600 calls an hour of 5 minutes).
const meanHandleSeconds = 300;
const arrivalsPerHour = 117_600;
const meanPatienceSeconds = 180;
const serviceLevelSeconds = 20;
const load = { arrivalsPerHour, meanHandleSeconds, serviceLevelSeconds };

/**
 * What a planner without closed forms would do: bisect on agents with the chain solver.
 * Bracketed generously around the answer, as a search without the square-root estimate must be.
 */
function bisectWithChain(meets: (solution: BirthDeathSolution) => boolean, low: number, high: number): number {
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const solution = solveBirthDeath({ ...load, meanPatienceSeconds, agents: middle });
    if (meets(solution)) high = middle;
    else low = middle;
  }
  return high;
}

function bisectWithChainC(meets: (solution: BirthDeathSolution) => boolean, low: number, high: number): number {
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (meets(solveBirthDeath({ ...load, agents: middle }))) high = middle;
    else low = middle;
  }
  return high;
}

const cases: Case[] = [
  {
    bench: 'erlangA',
    agents: 10_000,
    library: () => erlangA({ ...load, meanPatienceSeconds, agents: 10_000 }),
    baseline: () => solveBirthDeath({ ...load, meanPatienceSeconds, agents: 10_000 }),
  },
  {
    bench: 'erlangA',
    agents: 50_000,
    library: () => erlangA({ ...load, arrivalsPerHour: 5 * arrivalsPerHour, meanPatienceSeconds, agents: 50_000 }),
    baseline: () => solveBirthDeath({ ...load, arrivalsPerHour: 5 * arrivalsPerHour, meanPatienceSeconds, agents: 50_000 }),
  },
  {
    bench: 'erlangC',
    agents: 10_000,
    library: () => erlangC({ ...load, agents: 10_000 }),
    baseline: () => solveBirthDeath({ ...load, agents: 10_000 }),
  },
  {
    bench: 'agentsFor.erlangC.serviceLevel',
    agents: agentsFor({ ...load, target: { serviceLevel: 0.8 } }).agents,
    library: () => agentsFor({ ...load, target: { serviceLevel: 0.8 } }),
    baseline: () => bisectWithChainC((s) => s.serviceLevelFraction >= 0.8, 9_800, 10_800),
  },
  {
    bench: 'agentsFor.erlangA.probAbandon',
    agents: agentsFor({ ...load, meanPatienceSeconds, target: { probAbandon: 0.05 } }).agents,
    library: () => agentsFor({ ...load, meanPatienceSeconds, target: { probAbandon: 0.05 } }),
    baseline: () => bisectWithChain((s) => s.probAbandon <= 0.05, 8_800, 10_800),
  },
];

/** Microseconds per call of `fn`, over `iterations` calls. */
function timeBatch(fn: () => unknown, iterations: number): number {
  let sink: unknown;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink = fn();
  const elapsed = performance.now() - start;
  if (sink === undefined) throw new Error('benchmark returned nothing');
  return (elapsed * 1000) / iterations;
}

/** Iterations for one batch of about BATCH_MILLIS, after warming `fn` up. */
function calibrate(fn: () => unknown): number {
  let iterations = 1;
  for (;;) {
    const micros = timeBatch(fn, iterations) * iterations;
    if (micros >= BATCH_MILLIS * 1000) return iterations;
    iterations = Math.min(iterations * 10, Math.max(iterations * 2, Math.ceil((iterations * BATCH_MILLIS * 1000) / Math.max(micros, 1))));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

for (const { bench, agents, library, baseline } of cases) {
  const libraryIterations = calibrate(library);
  const baselineIterations = calibrate(baseline);
  const libraryMicros: number[] = [];
  const baselineMicros: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    libraryMicros.push(timeBatch(library, libraryIterations));
    baselineMicros.push(timeBatch(baseline, baselineIterations));
  }
  const medianMicros = median(libraryMicros);
  const baselineMedianMicros = median(baselineMicros);
  console.log(
    JSON.stringify({
      bench,
      agents,
      iterations: libraryIterations * ROUNDS,
      medianMicros: round3(medianMicros),
      opsPerSecond: Math.round(1e6 / medianMicros),
      baseline: 'birthDeath',
      baselineIterations: baselineIterations * ROUNDS,
      baselineMedianMicros: round3(baselineMedianMicros),
      ratio: round3(baselineMedianMicros / medianMicros),
    }),
  );
}
