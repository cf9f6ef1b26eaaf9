// Doubts about scenarios that run are said on stderr, and the run goes on (exit 0).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queuecast } from '../support/cli';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-warnings-'));

describe('warnings on stderr', () => {
  it('a queue that never clears: warned before the run, which still prints its figures', async () => {
    const file = join(workdir, 'flood.yaml');
    writeFileSync(file, 'arrivals: { perHour: 1000 }\nagents: 5\nhandleTime: { type: exponential, meanSeconds: 300 }\ndurationSeconds: 3600\n');
    const { code, stdout, stderr } = await queuecast('run', file, '-r', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/mean hold \(min\)/);
    expect(stderr).toBe(
      `queuecast: warning: ${file}: patience: nobody hangs up (no patience), and the offered load, 83.3 Erlangs (calls × mean handle time), ` +
        'reaches or passes the 5 agents on duty all day: the queue grows for as long as that lasts, to holds of hours or days; give patience, or more agents\n',
    );
  });

  it('compare of two unrelated centers', async () => {
    const { code, stderr } = await queuecast('compare', 'examples/scenarios/agency-line.yaml', 'examples/scenarios/irs-like.yaml', '-r', '2');
    expect(code).toBe(0);
    expect(stderr).toBe(
      "queuecast: warning: examples/scenarios/irs-like.yaml: arrivals: differs from the baseline's (745 calls expected, against 25,570): not a what-if of one center, so the paired difference compares other callers\n",
    );
  });
});
