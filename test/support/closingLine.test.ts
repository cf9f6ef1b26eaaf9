import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import ClosingLine from './closingLine';
import { CHROMIUM_SKIPPED } from './chromium';
import { onPath } from './onPath';
import { REDIS_SKIPPED } from './redisServer';

/** A finished test file as the reporter sees it: each test's name and state. */
const moduleOf = (tests: Array<[name: string, state: 'passed' | 'failed' | 'skipped']>) =>
  ({ children: { allTests: () => tests.map(([name, state]) => ({ name, result: () => ({ state }) })) } }) as unknown as TestModule;

describe('the closing line', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says why tests were skipped, with how to install what is missing, before the totals line', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => (written.push(String(text)), true));
    new ClosingLine().onTestRunEnd([
      moduleOf([['the HTML report in headless Chromium: ' + CHROMIUM_SKIPPED, 'skipped'], ['a chart', 'passed']]),
      moduleOf([['the live dashboard in headless Chromium: ' + CHROMIUM_SKIPPED, 'skipped'], ['the Redis cluster: ' + REDIS_SKIPPED, 'skipped']]),
      moduleOf([['a flaky thing', 'failed'], ['skipped on purpose', 'skipped']]),
    ]);
    expect(written.join('')).toBe(
      '\n2 tests skipped: chromium is not on PATH (apt-get install chromium; in CI such tests run and fail instead)' +
        '\n1 test skipped: redis-server is not on PATH (apt-get install redis-server; in CI such tests run and fail instead)' +
        '\ntests: 1 passed, 1 failed, 4 skipped\n',
    );
  });

  it('finds programs on PATH as a shell does', () => {
    const path = process.env.PATH;
    try {
      expect(onPath('node')).toBeDefined();
      process.env.PATH = '/nowhere';
      expect(onPath('node')).toBeUndefined();
    } finally {
      process.env.PATH = path;
    }
  });
});
