// One case of instructions.bench.ts, run under valgrind: one run of `callers` callers to warm
// the JIT, then `runs` more (with 0, one cold run: what a whole process does). Plain JavaScript,
// so that nothing but node and the built package is counted:
//   node --single-threaded instructionsCase.mjs <raw|model|metrics|run|simulate|batches> <callers> <runs> <raw loop> <model parts bundle>
import { pathToFileURL } from 'node:url';

const [name, callersText, runsText, rawLoopPath, partsPath] = process.argv.slice(2);
const callers = Number(callersText);
const runs = Number(runsText);
const { rawRun, referenceScenario } = await import(pathToFileURL(rawLoopPath).href);
// Only the cases that use the package load it: the raw loop's whole process has no import.
const queuecast = name === 'run' || name === 'simulate' || name === 'batches' ? await import(new URL('../dist/index.js', import.meta.url).href) : undefined;
const parts = name === 'model' || name === 'metrics' ? await import(pathToFileURL(partsPath).href) : undefined;

const count = (stream, size) =>
  new Promise((resolve, reject) => {
    let events = 0;
    stream.subscribe({ next: (item) => (events += size(item)), error: reject, complete: () => resolve(events) });
  });
const bodies = {
  raw: () => rawRun(callers),
  model: () => parts.runModelOnly(referenceScenario(callers)),
  metrics: () => parts.runModelWithMetrics(referenceScenario(callers)),
  run: () => queuecast.runSync(referenceScenario(callers)),
  simulate: () => count(queuecast.simulate(referenceScenario(callers)), () => 1),
  batches: () => count(queuecast.simulateBatches(referenceScenario(callers)), (batch) => batch.length),
};
const body = bodies[name];
if (!body) throw new Error(`instructionsCase: unknown case ${name}`);
for (let i = 0; i <= runs; i++) await body();
