// Every mistake a planner can make on the command line ends in a message, never a stack trace:
// exit 2 for what they gave (files, options, outputs), 1 for a Redis that cannot be used.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { CLI, REPOSITORY, queuecast } from '../support/cli';
import { freePort, redisMissing, REDIS_SKIPPED, startRedis, stopProcess } from '../support/redisServer';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-errors-'));
const SCENARIO = 'examples/scenarios/agency-line.yaml';

describe('a records file that is not there', () => {
  it('fit says so in one line and exits 2', async () => {
    const { code, stdout, stderr } = await queuecast('fit', 'missing.csv');
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'queuecast: missing.csv: cannot be read (ENOENT)\n' });
  });

  it('fit of interval reports says so in one line and exits 2', async () => {
    const { code, stderr } = await queuecast('fit', '--format', 'intervals', 'missing.csv');
    expect({ code, stderr }).toEqual({ code: 2, stderr: 'queuecast: missing.csv: cannot be read (ENOENT)\n' });
  });

  it('backtest says so in one line and exits 2', async () => {
    const { code, stdout, stderr } = await queuecast('backtest', SCENARIO, 'missing.csv');
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'queuecast: missing.csv: cannot be read (ENOENT)\n' });
  });

  it('a folder given as records is named as such', async () => {
    const { code, stderr } = await queuecast('fit', workdir);
    expect({ code, stderr }).toEqual({ code: 2, stderr: `queuecast: ${workdir}: cannot be read (EISDIR)\n` });
  });
});

describe('outputs that cannot be written are refused before the run', () => {
  // Nothing on stdout: the tables come after the simulation, so none ran.
  it.each([
    ['run --out', ['run', SCENARIO, '-r', '2', '--out', '/no/such/dir/r.html'], '--out /no/such/dir/r.html: the folder /no/such/dir does not exist'],
    ['run --csv', ['run', SCENARIO, '-r', '2', '--csv', '/no/such/dir/r.csv'], '--csv /no/such/dir/r.csv: the folder /no/such/dir does not exist'],
    ['run --json', ['run', SCENARIO, '-r', '2', '--json', '/no/such/dir/r.json'], '--json /no/such/dir/r.json: the folder /no/such/dir does not exist'],
    ['compare --out', ['compare', SCENARIO, SCENARIO, '-r', '2', '--out', '/no/such/dir/r.html'], '--out /no/such/dir/r.html: the folder /no/such/dir does not exist'],
    ['staff --write', ['staff', SCENARIO, '--service-level', '0.8', '--write', '/no/such/dir/s.yaml'], '--write /no/such/dir/s.yaml: the folder /no/such/dir does not exist'],
    ['staff --simulate --out', ['staff', SCENARIO, '--simulate', '--service-level', '0.8', '--out', '/no/such/dir/s.html'], '--out /no/such/dir/s.html: the folder /no/such/dir does not exist'],
    ['sweep --csv', ['sweep', SCENARIO, '--vary', 'agents.scale=1,1.1', '-r', '2', '--csv', '/no/such/dir/s.csv'], '--csv /no/such/dir/s.csv: the folder /no/such/dir does not exist'],
    ['fit --out', ['fit', 'missing.csv', '--out', '/no/such/dir/f.yaml'], '--out /no/such/dir/f.yaml: the folder /no/such/dir does not exist'],
    ['backtest --out', ['backtest', SCENARIO, 'missing.csv', '--out', '/no/such/dir/b.html'], '--out /no/such/dir/b.html: the folder /no/such/dir does not exist'],
    ['an output that is a folder', ['run', SCENARIO, '-r', '2', '--out', workdir], `--out ${workdir}: it is a folder`],
  ])('%s', async (_name, args, problem) => {
    const { code, stdout, stderr } = await queuecast(...args);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `queuecast: cannot write ${problem}\n` });
  });

  it('lists every output it cannot write at once', async () => {
    const file = join(workdir, 'a-file');
    writeFileSync(file, '');
    const { code, stderr } = await queuecast('run', SCENARIO, '-r', '2', '--out', '/no/such/dir/r.html', '--csv', join(file, 'r.csv'));
    expect(code).toBe(2);
    expect(stderr).toBe(
      'queuecast: cannot write 2 outputs:\n' +
        '  - --out /no/such/dir/r.html: the folder /no/such/dir does not exist\n' +
        `  - --csv ${join(file, 'r.csv')}: ${file} is not a folder\n`,
    );
  });
});

describe('Redis', () => {
  it('a malformed --redis URL is invalid input: one line, exit 2, before anything runs', async () => {
    for (const command of [['run', SCENARIO], ['sweep', SCENARIO, '--vary', 'agents.scale=1,1.1'], ['worker']]) {
      const { code, stdout, stderr } = await queuecast(...command, '--redis', 'localhost:6379');
      expect({ code, stdout }, command[0]).toEqual({ code: 2, stdout: '' });
      expect(stderr.split('\n')[0]).toBe(
        `queuecast: option '--redis <url>' argument 'localhost:6379' is invalid. expected a redis:// or rediss:// URL, received localhost:6379`,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a Redis nobody answers at is one line, exit 1, no stack trace', async () => {
    const port = await freePort();
    const { code, stdout, stderr } = await queuecast('run', SCENARIO, '-r', '2', '--redis', `redis://127.0.0.1:${port}`);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      `queuecast: cannot use Redis at redis://127.0.0.1:${port}: connection refused: is redis-server running there? (connect ECONNREFUSED 127.0.0.1:${port})\n`,
    );
  });
});

describe('Redis lost mid-run', () => {
  if (redisMissing) {
    it.skip(`queuecast run on a Redis that dies: ${REDIS_SKIPPED}`, () => {});
    return;
  }
  it('queuecast run whose Redis dies says so in one line and exits 1', async () => {
    const redis = await startRedis();
    try {
      // No worker takes the jobs: the run waits on the queue until Redis goes.
      const child = spawn(process.execPath, [CLI, 'run', SCENARIO, '-r', '2', '--redis', redis.url], { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const watcher = new Redis(redis.url);
      while ((await watcher.keys('*')).length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      watcher.disconnect();
      await stopProcess(redis.process, 'SIGKILL');
      const killed = performance.now();
      expect(await exited).toBe(1);
      // The 5 s reconnect timeout, then nothing of the cluster may keep the process alive (a
      // queue-events loop left retrying a dead Redis did, for ever).
      expect(performance.now() - killed).toBeLessThan(9_000);
      // Redis may die while the jobs are still being queued (a command fails at once) or while
      // the run waits on them (the connection stays down past its timeout): one line either way.
      const url = `redis://127\\.0\\.0\\.1:${redis.port}`;
      expect(stderr).toMatch(new RegExp(`^queuecast: (lost Redis at ${url} and could not reconnect in 5 s|the cluster on ${url} failed: Connection is closed\\.)[^\\n]*\\n$`));
    } finally {
      await redis.stop();
    }
  });
});

describe('usage mistakes', () => {
  it('an unknown option is one line and a pointer to the help, not the help itself', async () => {
    const { code, stdout, stderr } = await queuecast('run', SCENARIO, '--bogus');
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: "queuecast: unknown option '--bogus'\n(queuecast run --help lists its options)\n",
    });
  });

  it('an unknown command points at the list of commands', async () => {
    const { code, stderr } = await queuecast('frobnicate');
    expect({ code, stderr }).toEqual({ code: 2, stderr: "queuecast: unknown command 'frobnicate'\n(queuecast --help lists the commands)\n" });
  });

  it('a missing argument names it', async () => {
    const { code, stderr } = await queuecast('compare', SCENARIO);
    expect({ code, stderr }).toEqual({ code: 2, stderr: "queuecast: missing required argument 'variant'\n(queuecast compare --help lists its options)\n" });
  });

  it('--help still prints the help, exit 0', async () => {
    const { code, stdout } = await queuecast('run', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: queuecast run \[options\] <scenario>/);
  });
});
