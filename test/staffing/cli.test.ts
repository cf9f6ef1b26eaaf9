import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CLI, REPOSITORY } from '../support/cli';
import { manyLines } from './manyLines';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-staffing-'));
// The README's "Many lines" center as a planner would save it.
const center = join(workdir, 'center.yaml');
writeFileSync(center, stringify(manyLines));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from `stopAfter`'s SIGTERM to the exit. */
  exitAfterStop: number | undefined;
}

/**
 * Runs `queuecast ...args`; kills it after `deadline` ms (a search that never ends fails the
 * test instead of hanging it), or sends SIGTERM after `stopAfter` ms.
 */
function queuecast(args: string[], { deadline = 90_000, stopAfter }: { deadline?: number; stopAfter?: number } = {}): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPOSITORY });
    let stdout = '';
    let stderr = '';
    let stoppedAt: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const kill = setTimeout(() => child.kill('SIGKILL'), deadline);
    const stop =
      stopAfter === undefined
        ? undefined
        : setTimeout(() => {
            stoppedAt = performance.now();
            child.kill('SIGTERM');
          }, stopAfter);
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      if (stop) clearTimeout(stop);
      resolve({ code, signal, stdout, stderr, exitAfterStop: stoppedAt === undefined ? undefined : performance.now() - stoppedAt });
    });
  });
}

describe('queuecast staff --simulate on the README\'s many-lines center', () => {
  it('ends and prints the general group\'s roster (the overflow group keeps its own)', async () => {
    const { code, signal, stdout, stderr } = await queuecast(['staff', center, '--simulate', '--service-level', '0.8', '-r', '4', '--workers', '1']);
    expect(signal, stderr).toBeNull();
    expect(code, stderr).toBe(0);
    expect(stdout.match(/^\d:\d\d–\d:\d\d\s+(individuals|practitioners)\s+general\s/gm)).toHaveLength(8);
    const rosters = Number(/(\d+) rosters simulated/.exec(stdout)?.[1]);
    expect(rosters).toBeLessThanOrEqual(40);
  });

  it('simulates no more rosters than --max-iterations', async () => {
    const { code, stdout, stderr } = await queuecast(['staff', center, '--simulate', '--service-level', '0.8', '-r', '4', '--workers', '1', '--max-iterations', '3']);
    expect(code, stderr).toBe(0);
    expect(Number(/(\d+) rosters simulated/.exec(stdout)?.[1])).toBeLessThanOrEqual(3);
  });

  it('stops within a second of SIGTERM, saying how far it got', async () => {
    // 200 replications a roster on one worker: the search runs for a minute or more, and 6 s
    // is well past the command's start (about 2 s on a loaded machine).
    const { code, signal, stdout, stderr, exitAfterStop } = await queuecast(
      ['staff', center, '--simulate', '--service-level', '0.8', '-r', '200', '--workers', '1'],
      { stopAfter: 6000 },
    );
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^staff: stopped by SIGTERM after \d+ roster\(s\) simulated; nothing written$/m);
    expect({ code, signal }).toEqual({ code: 143, signal: null });
    expect(exitAfterStop).toBeLessThan(1000);
  });
});
