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

  it('keeps Node built-ins out of the main entry', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs']) {
      const code = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(code).not.toMatch(/from ["'](node:|crypto|fs|path|worker_threads)/);
      expect(code).not.toMatch(/require\(["'](node:|crypto|fs|path|worker_threads)/);
    }
  });

  it('ships type declarations for both module systems', () => {
    for (const file of ['dist/index.d.ts', 'dist/index.d.cts']) {
      const types = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(types).toContain('interface Report');
      expect(types).toContain('declare function run(');
    }
  });
});
