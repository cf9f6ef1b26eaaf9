// Staffing by simulation on the IRS-like line (issue 13, acceptance 4): the whole search,
// 20 replications per roster on worker threads (one per core), from the built package, as
// `queuecast staff --simulate` runs it. One JSON line per case: rows, rosters simulated,
// wall seconds and CPU seconds of the whole process (workers included), agent-hours found and
// Erlang A's. A search is long, so each case runs once (--rounds to repeat it).
//
// Cases: the line's 24 half hours without and with the callback, and a 48-half-hour case (the
// day's forecast twice over: the size), each with the default options (minRoundSaving
// 0: the first round of removals that finds no cheaper roster ends the search) and with 0.005
// (a round that saves under 0.5% of the agent-hours ends it).
//   npm run build && npx tsx benchmarks/staffing.bench.ts [--replications 20] [--rounds 1]
import { staffBySimulation } from '../dist/index.js';
import { workerThreads } from '../dist/node.js';
import { irsBaseline, irsWithCallback } from '../examples/scenarios/irs';
import { median, option, type BenchResult } from './measure';

const replications = option('replications', 20);
const rounds = option('rounds', 1);
const runner = workerThreads();
const twice = (perInterval: readonly number[]) => [...perInterval, ...perInterval];
const arrivals = irsBaseline.arrivals as { intervalSeconds: number; perInterval: readonly number[] };
const twoDays = { ...irsBaseline, name: 'IRS-like line, 48 half hours', arrivals: { ...arrivals, perInterval: twice(arrivals.perInterval) } };

const cases = [
  { name: 'IRS-like, 24 half hours', scenario: irsBaseline },
  { name: 'IRS-like with callback, 24 half hours', scenario: irsWithCallback },
  { name: 'IRS-like, 48 half hours', scenario: twoDays },
];
const results: BenchResult[] = [];
for (const { name, scenario } of cases) {
  for (const minRoundSaving of [0.005, 0]) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let last: Awaited<ReturnType<typeof staffBySimulation>> | undefined;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      last = await staffBySimulation(scenario, { target: { serviceLevel: 0.8 }, replications, minRoundSaving, runner });
      const used = process.cpuUsage(startCpu);
      wall.push((performance.now() - start) / 1000);
      cpu.push((used.user + used.system) / 1e6);
    }
    results.push({
      bench: `staffBySimulation: ${name}, minRoundSaving ${minRoundSaving}`,
      rounds,
      medianSeconds: Math.round(median(wall) * 10) / 10,
      cpuSecondsAllThreads: Math.round(median(cpu) * 10) / 10,
      rows: last!.rows.length,
      replications,
      iterations: last!.iterations,
      allMet: String(last!.allMet),
      agentHours: last!.agentHours,
      erlangAgentHours: last!.erlangAgentHours,
      erlangIntervalsShort: last!.rows.filter((row) => !row.erlangMet).length,
    });
    console.log(JSON.stringify(results.at(-1)));
  }
}
console.error('');
console.table(Object.fromEntries(results.map(({ bench, ...rest }) => [bench, rest])));
