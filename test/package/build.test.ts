import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The built package, as a user gets it: `npm test` builds dist/ before the tests run.
const scenario = {
  durationSeconds: 3600,
  arrivals: { perHour: 300 },
  agents: 30,
  handleTime: { type: 'exponential', meanSeconds: 300 },
} as const;

describe('the built package', () => {
  it('imports from ESM and simulates', async () => {
    const queuecast = await import('../../dist/index.js');
    const report = await queuecast.run(scenario);
    expect(report.callers.offered).toBeGreaterThan(200);
  });

  it('requires from CJS and gives the same report', async () => {
    const require = createRequire(import.meta.url);
    const queuecast = require('../../dist/index.cjs') as typeof import('../../src');
    const esm = await import('../../dist/index.js');
    expect(await queuecast.run(scenario)).toEqual(await esm.run(scenario));
  });

  it('keeps Node built-ins out of the main entry and the chunks it shares', () => {
    const shared = readdirSync(new URL('../../dist/', import.meta.url)).filter((f) => /^chunk-.*\.c?js$/.test(f));
    expect(shared.length).toBeGreaterThan(0);
    for (const file of ['dist/index.js', 'dist/index.cjs', ...shared.map((f) => `dist/${f}`)]) {
      const code = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(code).not.toMatch(/from ["'](node:|crypto|fs|path|worker_threads)/);
      expect(code).not.toMatch(/require\(["'](node:|crypto|fs|path|worker_threads)/);
    }
  });

  it('runs replications on worker threads with the same reports as in-process (queuecast/node)', async () => {
    const main = await import('../../dist/index.js');
    const node = await import('../../dist/node.js');
    const options = { replications: 4, seed: 5 };
    const [inProcess, onWorkers] = await Promise.all([main.replicate(scenario, options), node.replicate(scenario, { ...options, workers: 2 })]);
    expect(onWorkers).toEqual(inProcess);
    const variant = { ...scenario, agents: 27, callback: { offer: 'always', optIn: { probability: 0.3 } } } as const;
    const [pairedInProcess, pairedOnWorkers] = await Promise.all([
      main.compare(scenario, variant, options),
      node.compare(scenario, variant, { ...options, workers: 2 }),
    ]);
    expect(pairedOnWorkers).toEqual(pairedInProcess);
    // One class for both entries: the errors of queuecast/node are queuecast's.
    const error = await node.replicate({ ...scenario, agents: -1 }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(main.ScenarioError);
  });

  it('ships type declarations for both module systems', () => {
    for (const file of ['dist/index.d.ts', 'dist/index.d.cts']) {
      const types = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      for (const name of ['run', 'simulate', 'replicate', 'compare', 'erlangC', 'Report', 'Scenario', 'ScenarioError']) {
        expect(types).toMatch(new RegExp(`\\b${name}\\b`));
      }
    }
  });
});
