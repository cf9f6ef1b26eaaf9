import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
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
    // 20,000 replications a roster on one worker: the search runs for several minutes even on a
    // quiet machine (200 took under 4 s), and 6 s is well past the command's start (about 2 s
    // on a loaded machine).
    const { code, signal, stdout, stderr, exitAfterStop } = await queuecast(
      ['staff', center, '--simulate', '--service-level', '0.8', '-r', '20000', '--workers', '1'],
      { stopAfter: 6000 },
    );
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^staff: stopped by SIGTERM after \d+ roster\(s\) simulated; nothing written$/m);
    expect({ code, signal }).toEqual({ code: 143, signal: null });
    expect(exitAfterStop).toBeLessThan(1000);
  });
});

describe('queuecast staff --roster-csv', () => {
  const header = 'intervalStart,intervalEnd,group,agents';

  it('writes Erlang\'s roster, one row per interval, as --write puts it in the scenario', async () => {
    const csv = join(workdir, 'erlang.csv');
    const staffed = join(workdir, 'erlang.yaml');
    const { code, stderr } = await queuecast(['staff', 'examples/scenarios/agency-line.yaml', '--service-level', '0.8', '--roster-csv', csv, '--write', staffed]);
    expect(code, stderr).toBe(0);
    const roster = (parse(readFileSync(staffed, 'utf8')) as { agents: { intervalSeconds: number; perInterval: number[] } }).agents;
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(header);
    expect(lines.slice(1)).toEqual(roster.perInterval.map((agents, k) => `${k * 3600},${(k + 1) * 3600},agents,${agents}`));
  });

  it('writes the simulated rosters of a multi-line center interval by interval, and says the targets were met with confidence', async () => {
    const csv = join(workdir, 'simulated.csv');
    const staffed = join(workdir, 'simulated.yaml');
    const { code, stdout, stderr } = await queuecast([
      'staff', center, '--simulate', '--service-level', '0.8', '-r', '4', '--workers', '1', '--confidence', '0.9', '--roster-csv', csv, '--write', staffed,
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('targets met with 90% confidence: the lower bound of each interval\'s 90% confidence interval meets its target');
    const general = (parse(readFileSync(staffed, 'utf8')) as { groups: Array<{ name: string; agents: { perInterval: number[] } }> }).groups[0]!;
    expect(readFileSync(csv, 'utf8')).toBe(
      `${header}\n${general.agents.perInterval.map((agents, k) => `${k * 3600},${(k + 1) * 3600},general,${agents}`).join('\n')}\n`,
    );
  });

  it('says the targets were met on the mean when no confidence is asked for, and refuses --confidence without --simulate', async () => {
    const { stdout } = await queuecast(['staff', center, '--simulate', '--service-level', '0.8', '-r', '4', '--workers', '1', '--max-iterations', '2']);
    expect(stdout).toContain('targets met on the mean over the replications');
    const refused = await queuecast(['staff', 'examples/scenarios/agency-line.yaml', '--service-level', '0.8', '--confidence', '0.9']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--confidence needs --simulate');
  });
});
