// 16 replications of the reference model (250,000 callers each) in-process against worker
// threads (workerThreads() of queuecast/node, one per core), alternating, several rounds; the
// reports must be identical. Workers stay warm between calls, as they do for a planner's sweep; the first,
// cold call is reported too. It measures the built package (npm run build first), as users run it: from
// sources, each worker would also spend its start compiling TypeScript.
//   npx tsx benchmarks/parallel.bench.ts [--replications 16] [--rounds 3]
import { isDeepStrictEqual } from 'node:util';
import { replicate, type Scenario } from '../dist/index.js';
import { workerThreads } from '../dist/node.js';
import { alternate, median, option, report, type BenchResult } from './measure';
import { referenceModel } from './referenceModel';

const replications = option('replications', 16);
const rounds = option('rounds', 3);
const scenario = referenceModel(250_000);
const runner = workerThreads();
const replicateOnWorkers = (s: Scenario, o: { replications: number }) => replicate(s, { ...o, runner });

// The first call starts the workers (and compiles their code): what a one-off CLI run pays.
const coldStart = performance.now();
const onWorkers = await replicateOnWorkers(scenario, { replications });
const coldSeconds = (performance.now() - coldStart) / 1000;
const inProcess = await replicate(scenario, { replications });
if (!isDeepStrictEqual(inProcess, onWorkers)) throw new Error('worker-thread reports differ from in-process ones');

const seconds = await alternate(
  {
    inProcess: () => replicate(scenario, { replications }),
    workers: () => replicateOnWorkers(scenario, { replications }),
  },
  rounds,
);
const results: BenchResult[] = [
  { bench: 'replicate() in-process', replications, rounds, medianSeconds: median(seconds.inProcess!), speedup: 1 },
  {
    bench: 'replicate() on worker threads',
    replications,
    rounds,
    medianSeconds: median(seconds.workers!),
    speedup: Math.round((median(seconds.inProcess!) / median(seconds.workers!)) * 100) / 100,
    identicalReports: 'yes',
  },
  {
    bench: 'replicate() on worker threads, first call (workers starting)',
    replications,
    rounds: 1,
    medianSeconds: Math.round(coldSeconds * 1000) / 1000,
    speedup: Math.round((median(seconds.inProcess!) / coldSeconds) * 100) / 100,
  },
];
report(results);
