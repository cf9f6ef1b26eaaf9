import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    'replication-worker': 'src/node/replicationWorker.ts',
    cli: 'src/cli/bin.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node/index.ts' } },
  // Shared chunks keep one copy of each class, so `instanceof ScenarioError` holds across entries.
  splitting: true,
  // `import.meta.url` in the CJS build, to find the worker script.
  shims: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
});
