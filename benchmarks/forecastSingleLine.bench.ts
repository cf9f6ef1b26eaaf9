// The single-line forecast before and after the multi-line one (issue 11): the same snapshot
// (50 agents busy, 20 callers ahead, 1,000 futures) through forecastWait() and a compiled
// forecaster of this tree and of a reference tree (the sources of the commit before, unpacked
// with `git archive <commit> src | tar -x -C <dir>`), alternating in one process; medians of
// the CPU time of each round, and that the answers are equal.
//   npx tsx benchmarks/forecastSingleLine.bench.ts --reference /tmp/base/src [--rounds 15]
import { cpuUsage } from 'node:process';
import { pathToFileURL } from 'node:url';
import * as current from '../src';
import { forecastScenario as scenario, forecastSnapshot as snapshot } from './forecastCases';
import { median, option } from './measure';

const rounds = option('rounds', 15);
const referenceAt = process.argv[process.argv.indexOf('--reference') + 1];
if (!process.argv.includes('--reference') || !referenceAt) throw new Error('--reference <dir of the reference src> is required');
const reference = (await import(pathToFileURL(`${referenceAt}/index.ts`).href)) as typeof current;


const same = JSON.stringify(current.forecastWait(scenario, snapshot)) === JSON.stringify(reference.forecastWait(scenario, snapshot));
const trees = { current, reference };
const cpu: Record<string, number[]> = {};
for (let round = 0; round < rounds; round++) {
  for (const [tree, api] of Object.entries(trees)) {
    const forecaster = api.createWaitForecaster(scenario);
    for (const [kind, body] of [
      ['forecastWait()', () => api.forecastWait(scenario, snapshot)],
      ['compiled forecaster', () => forecaster(snapshot)],
    ] as const) {
      const start = cpuUsage();
      for (let i = 0; i < 20; i++) body();
      const used = cpuUsage(start);
      (cpu[`${tree}: ${kind}`] ??= []).push((used.user + used.system) / 1000 / 20);
    }
  }
}
for (const kind of ['forecastWait()', 'compiled forecaster']) {
  const now = median(cpu[`current: ${kind}`]!);
  const before = median(cpu[`reference: ${kind}`]!);
  console.log(JSON.stringify({ bench: `single-line ${kind}, 1,000 futures`, rounds, currentCpuMs: Math.round(now * 100) / 100, referenceCpuMs: Math.round(before * 100) / 100, ratio: Math.round((now / before) * 1000) / 1000, sameAnswers: same }));
}
