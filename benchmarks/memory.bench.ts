// Peak memory of run() on the reference model with 10,000,000 callers: caller slots are
// recycled, so memory follows the callers in the system, not all callers ever. Each case runs
// in a fresh Node process on the built package (npm run build first), measuring its peak RSS;
// the baseline is the same process importing the package and doing nothing else.
//   npx tsx benchmarks/memory.bench.ts [--callers 10000000]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { option, report, type BenchResult } from './measure';
import { referenceModel } from './referenceModel';

const callers = option('callers', 10_000_000);
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(dist)) throw new Error('benchmarks/memory: build the package first (npm run build)');

function peakRss(body: string): { peakMiB: number; seconds: number } {
  const script = `
    const { run } = await import(${JSON.stringify(dist)});
    const started = performance.now();
    ${body}
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ peakMiB: process.resourceUsage().maxRSS / 1024, seconds }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1)!) as { peakMiB: number; seconds: number };
}

const scenario = referenceModel(callers);
const idle = peakRss('');
const full = peakRss(`const report = await run(${JSON.stringify(scenario)}); if (report.callers.offered < ${callers * 0.99}) throw new Error('short run');`);
const results: BenchResult[] = [
  { bench: 'process baseline (package imported)', rounds: 1, medianSeconds: idle.seconds, peakRssMiB: Math.round(idle.peakMiB) },
  {
    bench: `run() ${callers.toLocaleString('en-US')} callers`,
    rounds: 1,
    medianSeconds: Math.round(full.seconds * 1000) / 1000,
    peakRssMiB: Math.round(full.peakMiB),
    aboveBaselineMiB: Math.round(full.peakMiB - idle.peakMiB),
  },
];
report(results);
