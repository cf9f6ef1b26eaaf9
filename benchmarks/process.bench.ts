// A whole process, as a farm of batch jobs runs it: a fresh `node` that loads the code and
// simulates the reference model's 1,000,000 callers once, against a fresh `node` running the
// raw loop (`../shared/bench/rawloop.mjs`) for the same callers. Start-up counts here: the
// package's import, the scenario's validation and the first, cold run. Cases alternate, several
// rounds, medians. Each child reports its CPU time (user + system, all threads, from the
// process's start to its last line: the measure ratios are taken on, steadier than wall time
// on a shared machine) and its own timers, which split a library process into import,
// validation and simulation; the wall time measured from outside is printed too.
// It measures the built package (npm run build first), as users run it.
//
// Ratios are speed ratios, baseline seconds / case seconds (higher is better), as in every
// benchmark here: the "a whole process at most 1.5x the raw loop's" is a speed ratio of
// at least 1 / 1.5 = 0.67.
//   npx tsx benchmarks/process.bench.ts [--callers 1000000] [--rounds 7]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, option, report, type BenchResult } from './measure';
import { RAW_LOOP_PATH, loadRawLoop } from './rawLoop';

const callers = option('callers', 1_000_000);
const rounds = option('rounds', 7);
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(dist)) throw new Error('benchmarks/process: build the package first (npm run build)');
const { referenceScenario } = await loadRawLoop();
const scenario = JSON.stringify(referenceScenario(callers));

// Each child prints one JSON line of its own timers, in milliseconds, measured from the first
// line of its script (Node's own start is in the wall and CPU times only), and its CPU time.
const cpuMs = '((u) => (u.user + u.system) / 1000)(process.cpuUsage())';
const scripts = {
  node: `console.log(JSON.stringify({ cpuMs: ${cpuMs} }));`,
  raw: `
    const { rawRun } = await import(${JSON.stringify(RAW_LOOP_PATH)});
    const started = performance.now();
    rawRun(${callers});
    console.log(JSON.stringify({ runMs: performance.now() - started, cpuMs: ${cpuMs} }));`,
  importOnly: `
    const started = performance.now();
    await import(${JSON.stringify(dist)});
    console.log(JSON.stringify({ importMs: performance.now() - started, cpuMs: ${cpuMs} }));`,
  validate: `
    const started = performance.now();
    const { resolveScenario } = await import(${JSON.stringify(dist)});
    const imported = performance.now();
    resolveScenario(${scenario});
    console.log(JSON.stringify({ importMs: imported - started, validateMs: performance.now() - imported, cpuMs: ${cpuMs} }));`,
  library: `
    const started = performance.now();
    const { run } = await import(${JSON.stringify(dist)});
    const imported = performance.now();
    const report = await run(${scenario});
    if (report.callers.offered < ${Math.floor(callers * 0.99)}) throw new Error('short run');
    console.log(JSON.stringify({ importMs: imported - started, runMs: performance.now() - imported, cpuMs: ${cpuMs} }));`,
};
type CaseName = keyof typeof scripts;
const names: Record<CaseName, string> = {
  node: 'node, empty script (the floor)',
  raw: 'node + raw loop',
  importOnly: 'node + import queuecast',
  validate: 'node + import + resolveScenario()',
  library: 'node + import + run()',
};
const baselineOf: Record<CaseName, CaseName> = { node: 'node', raw: 'raw', importOnly: 'node', validate: 'node', library: 'raw' };

const wall: Record<string, number[]> = {};
const timers: Record<string, Record<string, number[]>> = {};
for (let round = 0; round < rounds; round++) {
  for (const [name, script] of Object.entries(scripts)) {
    const started = performance.now();
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    (wall[name] ??= []).push((performance.now() - started) / 1000);
    const own = JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, number>;
    for (const [timer, ms] of Object.entries(own)) ((timers[name] ??= {})[timer] ??= []).push(ms);
  }
}

const results: BenchResult[] = (Object.keys(scripts) as CaseName[]).map((name) => {
  const baseline = baselineOf[name];
  const own = Object.fromEntries(Object.entries(timers[name]!).map(([timer, ms]) => [timer, Math.round(median(ms))]));
  const cpu = (of: CaseName) => median(timers[of]!.cpuMs!);
  return {
    bench: names[name],
    callers: name === 'raw' || name === 'library' ? callers : 0,
    rounds,
    medianSeconds: Math.round(median(wall[name]!) * 1000) / 1000,
    ...own,
    ...(baseline === name
      ? {}
      : {
          baseline: names[baseline],
          cpuAboveBaselineMs: Math.round(cpu(name) - cpu(baseline)),
          speedRatio: Math.round((cpu(baseline) / cpu(name)) * 100) / 100,
        }),
  };
});
report(results);
