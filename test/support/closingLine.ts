import type { Reporter, TestModule } from 'vitest/node';

// Tests that need a program this machine lacks (Chromium, redis-server) skip with a name ending
// `skipped because <what is missing and how to install it>` (see onPath.ts).
const BECAUSE = /skipped because (.+)$/;

/**
 * Ends the run with a plain `N passed, N failed, N skipped` line, readable by any CI; before it,
 * why tests were skipped (what is missing, and how to install it), so a skip is never silent.
 */
export default class ClosingLine implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const reasons = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          const reason = BECAUSE.exec(test.name)?.[1];
          if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
    }
    const why = [...reasons].map(([reason, n]) => `\n${n} ${n === 1 ? 'test' : 'tests'} skipped: ${reason}`).join('');
    process.stdout.write(`${why}\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
