import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
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

  it('keeps Node built-ins out of the main entry and every chunk it loads', () => {
    const dist = new URL('../../dist/', import.meta.url);
    // The main entry's files: itself and the shared chunks it imports, transitively.
    const loaded = (entry: string): string[] => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const code = readFileSync(new URL(file, dist), 'utf8');
        for (const match of code.matchAll(/(?:from |require\()["']\.\/([^"']+)["']/g)) visit(match[1]!);
      };
      visit(entry);
      return [...seen];
    };
    const files = [...loaded('index.js'), ...loaded('index.cjs')];
    expect(files.some((f) => f.startsWith('chunk-'))).toBe(true);
    for (const file of files) {
      const code = readFileSync(new URL(file, dist), 'utf8');
      expect(code, file).not.toMatch(/from ["'](node:|crypto|fs|path|worker_threads|os|child_process)/);
      expect(code, file).not.toMatch(/require\(["'](node:|crypto|fs|path|worker_threads|os|child_process)/);
    }
  });

  it("loads only what a run needs: neither rxjs's index of every operator nor zod's whole core", () => {
    // Each cost a process about a fifth of a second before its first event (benchmarks/README.md).
    const dist = new URL('../../dist/', import.meta.url);
    for (const entry of ['index.js', 'index.cjs']) {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const code = readFileSync(new URL(file, dist), 'utf8');
        expect(code, file).not.toMatch(/(?:from |require\()["']rxjs["']/);
        expect(code, file).not.toMatch(/(?:from |require\()["']zod(?:\/[^"']*)?["']/);
        for (const match of code.matchAll(/(?:from |require\()["']\.\/([^"']+)["']/g)) visit(match[1]!);
      };
      visit(entry);
    }
  });

  it('runs replications on worker threads with the same reports as in-process (queuecast/node)', async () => {
    const main = await import('../../dist/index.js');
    const node = await import('../../dist/node.js');
    const options = { replications: 4, seed: 5 };
    const onThreads = { ...options, runner: node.workerThreads({ workers: 2 }) };
    const [inProcess, onWorkers] = await Promise.all([main.replicate(scenario, options), main.replicate(scenario, onThreads)]);
    expect(onWorkers).toEqual(inProcess);
    const variant = { ...scenario, agents: 27, callback: { offer: 'always', optIn: { probability: 0.3 } } } as const;
    const [pairedInProcess, pairedOnWorkers] = await Promise.all([main.compare(scenario, variant, options), main.compare(scenario, variant, onThreads)]);
    expect(pairedOnWorkers).toEqual(pairedInProcess);
    // One class for both entries: the errors of queuecast/node are queuecast's.
    const error = await onThreads.runner.run([{ kind: 'replicate', scenario: { ...scenario, agents: -1 }, seed: 1 }]).catch((e: unknown) => e);
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
