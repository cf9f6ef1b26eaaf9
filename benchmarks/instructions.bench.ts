// Instructions per caller of the reference model (M/M/50+M, 570 calls/h), counted by valgrind
// (callgrind's instruction reads), for the raw loop (`../shared/bench/rawloop.mjs`) and the
// library's run(), simulate() and simulateBatches(). On a shared machine CPU time varies by
// 10-20% from one minute to the next (other work, frequency, caches); an instruction count of
// the same code varies by 1-2% between runs (the JIT compiles at slightly different moments),
// so it shows changes of a few percent that CPU time here cannot. It is not
// time: a division or a cache miss costs more than its one instruction, so the CPU-time ratios
// of simulation.bench.ts stay the measure of the targets; this one says whether a
// change removed work.
//
// Each case runs twice under valgrind (node --single-threaded: no compiler threads, so the JIT
// compiles at nearly the same moments every time): a warm-up run and then 1 or 3 measured runs; the difference
// divided by 2 x callers is a warm run's instructions per caller, start-up and warm-up
// excluded. Needs valgrind (Debian: apt-get install valgrind) and the built package.
//
// Two more cases split run() in its parts: the model with an observer that does nothing, and
// the model with the metrics' accumulators but no report (modelParts.ts, bundled from the
// sources with esbuild). What lies between the first and the raw loop is the model's own
// generality; between the two, the metrics; between the second and run(), the report.
//
// Two more count whole processes (node, the import, one cold run of --process-callers): the
// instruction side of process.bench.ts, whose CPU times vary by 15% from one process to the next.
//   npm run build && npx tsx benchmarks/instructions.bench.ts [--callers 200000] [--process-callers 1000000]
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { option, report, type BenchResult } from './measure';
import { RAW_LOOP_PATH } from './rawLoop';

const callers = option('callers', 200_000);
const processCallers = option('process-callers', 1_000_000);
const child = fileURLToPath(new URL('./instructionsCase.mjs', import.meta.url));
// Inside node_modules, so that the bundle's own imports (rxjs, seedrandom) resolve.
const partsBundle = fileURLToPath(new URL('../node_modules/.cache/queuecast-bench/modelParts.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./modelParts.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  packages: 'external',
  outfile: partsBundle,
  logLevel: 'error',
});

try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('instructions.bench.ts needs valgrind (Debian: apt-get install valgrind)');
  process.exit(1);
}

function instructions(name: string, runs: number, people = callers): number {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file'];
  args.push(process.execPath, '--single-threaded', child, name, String(people), String(runs), RAW_LOOP_PATH, partsBundle);
  // valgrind reports on stderr.
  const { stderr, status } = spawnSync('valgrind', args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const match = /Collected\s*:\s*(\d+)/.exec(stderr);
  if (status !== 0 || !match) throw new Error(`valgrind gave no instruction count for ${name} (exit ${status}):\n${stderr.slice(-2000)}`);
  return Number(match[1]);
}

const cases = {
  raw: 'raw loop (../shared/bench/rawloop.mjs)',
  model: 'the model alone, an observer that does nothing',
  metrics: 'the model and the metrics, no report',
  run: 'run()',
  simulate: 'simulate(), counting subscriber',
  batches: 'simulateBatches(), counting batch lengths',
};
let raw = NaN;
const results: BenchResult[] = [];
for (const [name, bench] of Object.entries(cases)) {
  const start = performance.now();
  const count = (instructions(name, 3) - instructions(name, 1)) / (2 * callers);
  if (name === 'raw') raw = count;
  results.push({
    bench: `instructions: ${bench}`,
    rounds: 1,
    // Seconds of the two runs under valgrind (about 50 times slower than without).
    medianSeconds: Math.round((performance.now() - start) / 100) / 10,
    callers,
    instructionsPerCaller: Math.round(count),
    baseline: 'raw loop',
    // As the speed ratios: the baseline's count over the case's; higher is better.
    instructionRatio: Math.round((raw / count) * 1000) / 1000,
  });
}
// Whole processes, as process.bench.ts times them: node, the import and one cold run of the
// reference model (runSync(); the raw loop's process imports only the loop). Start-up, lazy
// compiling, the interpreter and the optimizing compiler (on the main thread here) all count.
let rawProcess = NaN;
for (const [name, bench] of [['raw', 'node + raw loop'], ['run', 'node + import + runSync()']] as const) {
  const start = performance.now();
  const count = instructions(name, 0, processCallers);
  if (name === 'raw') rawProcess = count;
  results.push({
    bench: `instructions: whole process, ${bench}`,
    rounds: 1,
    medianSeconds: Math.round((performance.now() - start) / 100) / 10,
    callers: processCallers,
    instructionsMillions: Math.round(count / 1e6),
    baseline: 'node + raw loop',
    instructionRatio: Math.round((rawProcess / count) * 1000) / 1000,
  });
}
report(results);
