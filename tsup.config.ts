import { defineConfig } from 'tsup';

// The entries a user imports (package.json "exports").
const publicEntries = {
  index: 'src/index.ts',
  charts: 'src/entries/charts.ts',
  analytic: 'src/entries/analytic.ts',
  calibration: 'src/entries/calibration.ts',
  predictors: 'src/entries/predictors.ts',
  node: 'src/node/index.ts',
};

export default defineConfig({
  entry: { ...publicEntries, 'replication-worker': 'src/node/replicationWorker.ts', 'forecast-worker': 'src/node/service/forecastWorker.ts', cli: 'src/cli/bin.ts' },
  format: ['esm', 'cjs'],
  // Types for what users import; the workers and the CLI are run, not imported.
  dts: { entry: publicEntries },
  // Shared chunks keep one copy of each class, so `instanceof ScenarioError` holds across entries.
  splitting: true,
  // `import.meta.url` in the CJS build, to find the worker script.
  shims: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  // zod goes into the package's own chunk, tree-shaken to what validation uses (about a tenth
  // of it): importing `zod/mini` loads and compiles all of zod's core, which cost a process
  // more than the simulation's first 100,000 callers (benchmarks/README.md, "The whole process").
  // Its schemas work across copies of zod (traits, not classes; a registry on globalThis). zod
  // stays a dependency: the type declarations refer to its types.
  noExternal: [/^zod(\/|$)/],
});
