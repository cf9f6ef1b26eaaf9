import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, replicate, staffBySimulation, sweep, type MultiLineScenario, type SingleLineScenario } from '../../src';
import { ClusterError, redisCluster } from '../../src/node';
import { referenceScenario } from '../support/scenarios';
import { freePort, redisMissing, REDIS_SKIPPED, startRedis, startWorker, stopProcess, type RedisServer, type WorkerProcess } from '../support/redisServer';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

// A small center: two lines over two groups, one line offering a callback.
const center: MultiLineScenario = {
  durationSeconds: 3 * 3600,
  lines: [
    {
      name: 'individuals',
      arrivals: { perHour: 300 },
      handleTime: { type: 'lognormal', meanSeconds: 300, cv: 0.8 },
      patience: { type: 'exponential', meanSeconds: 600 },
      routing: [{ group: 'general' }],
    },
    {
      name: 'businesses',
      arrivals: { perHour: 120 },
      handleTime: { type: 'exponential', meanSeconds: 400 },
      routing: [{ group: 'business' }, { group: 'general', afterSeconds: 60 }],
    },
  ],
  groups: [
    { name: 'general', agents: 24 },
    { name: 'business', agents: { intervalSeconds: 3600, perInterval: [13, 11, 12] } },
  ],
};
const withCallback: MultiLineScenario = {
  ...center,
  lines: [{ ...center.lines[0]!, callback: { offer: { whenQueueAtLeast: 3 }, optIn: { probability: 0.3 } } }, center.lines[1]!],
};

// Long enough (about 90,000 callers an arm, half a second a job on this machine) that a worker
// can be killed in the middle of a job.
const long = referenceScenario({
  durationSeconds: 160 * 3600,
  agents: 49,
  callback: { offer: { whenQueueAtLeast: 5 }, optIn: { probability: 0.3 } },
});

if (redisMissing) {
  it.skip(`the Redis cluster: ${REDIS_SKIPPED}`, () => {});
} else {
  describe('replications on a Redis cluster of 3 worker processes', () => {
    let redis: RedisServer;
    let workers: WorkerProcess[] = [];

    beforeAll(async () => {
      redis = await startRedis();
      workers = await Promise.all([0, 1, 2].map(() => startWorker(redis.url)));
    });

    afterAll(async () => {
      await Promise.all(workers.map((w) => stopProcess(w.process)));
      await redis?.stop();
    });

    it('replicate() and compare() give the reports of in-process runs, deep-equal', async () => {
      const runner = redisCluster({ redis: redis.url });
      const progress: number[] = [];
      const [replicated, compared] = await Promise.all([
        replicate(center, { replications: 4, seed: 11, runner, onProgress: (done) => progress.push(done) }),
        compare(center, withCallback, { replications: 4, runner }),
      ]);
      expect(replicated).toEqual(await replicate(center, { replications: 4, seed: 11 }));
      expect(compared).toEqual(await compare(center, withCallback, { replications: 4 }));
      expect(progress).toEqual([1, 2, 3, 4]);
    });

    it('staffBySimulation() through the cluster finds the roster of the in-process search, bit for bit', async () => {
      const morning: SingleLineScenario = {
        seed: 8,
        arrivals: { intervalSeconds: 1800, perInterval: [40, 90, 120, 70] },
        agents: 1,
        handleTime: { type: 'exponential', meanSeconds: 240 },
        patience: { type: 'exponential', meanSeconds: 200 },
      };
      const options = { target: { meanWaitSeconds: 20 }, replications: 6 } as const;
      const onCluster = await staffBySimulation(morning, { ...options, runner: redisCluster({ redis: redis.url }) });
      const inProcess = await staffBySimulation(morning, options);
      expect(onCluster.agents).toEqual(inProcess.agents);
      expect(onCluster.achieved).toEqual(inProcess.achieved);
      expect(onCluster.iterations).toBe(inProcess.iterations);
    });

    it('a worker killed (SIGKILL) in the middle of a sweep: its job runs again elsewhere, the sweep is deep-equal to in-process and no replication counts twice', async () => {
      const victim = workers[0]!;
      const options = { vary: { 'callback.optIn.probability': [0.2, 0.4], 'agents.scale': [1, 1.05] }, replications: 2 };
      const progress: number[] = [];
      const before = workers.map((w) => w.log().length);
      const since = () => victim.log().slice(before[0]);
      const running = sweep(long, { ...options, runner: redisCluster({ redis: redis.url }), onProgress: (done, total) => progress.push(done, total) });
      // Kill the victim as soon as it has started a job (each job lasts about a second).
      await until(() => /started/.test(since()));
      victim.process.kill('SIGKILL');
      await victim.exited;
      const result = await running;
      const killedJobs = [...since().matchAll(/compare (\S+): started/g)].map((m) => m[1]!).filter((id) => !since().includes(`${id}: done`));
      expect(killedJobs).toHaveLength(1);
      const others = workers.slice(1).map((w) => w.log()).join('');
      expect(others).toContain(`${killedJobs[0]}: done`);
      // Both survivors took a share: a job lasts about a second and each worker takes one at a
      // time, so a survivor left idle would mean jobs are not handed out.
      for (const [index, worker] of workers.entries()) {
        if (index > 0) expect(worker.log().slice(before[index])).toMatch(/done in/);
      }
      expect(result).toEqual(await sweep(long, options));
      // Each of the 8 replications counted once, in order.
      expect(progress).toEqual([1, 8, 2, 8, 3, 8, 4, 8, 5, 8, 6, 8, 7, 8, 8, 8]);
      workers = workers.slice(1);
    });

    it('an abort rejects with the signal\'s reason at once and takes the run\'s unfinished jobs off the queue', async () => {
      const controller = new AbortController();
      const reason = new Error('stopped by the planner');
      const error = await replicate(long, {
        replications: 12,
        runner: redisCluster({ redis: redis.url }),
        signal: controller.signal,
        onProgress: () => controller.abort(reason),
      }).catch((e: unknown) => e);
      expect(error).toBe(reason);
      // 12 jobs, 2 workers taking one at a time: when the first is done at most 2 others have
      // started; none of the rest may still wait for a worker.
      const watcher = new Redis(redis.url);
      try {
        expect(await watcher.llen('bull:queuecast:wait')).toBe(0);
      } finally {
        watcher.disconnect();
      }
    });
  });

  describe('over TLS (rediss://)', () => {
    let redis: RedisServer | undefined;
    let worker: WorkerProcess | undefined;

    afterAll(async () => {
      if (worker) await stopProcess(worker.process);
      await redis?.stop();
    });

    it('runs replications through a worker process, deep-equal to in-process; without the CA, a clear TLS error', async () => {
      redis = await startRedis({ tls: true, password: 'correct-horse' });
      // The worker trusts the test's certificate authority the way any Node process can be told to.
      worker = await startWorker(redis.url, [], { NODE_EXTRA_CA_CERTS: redis.caFile });
      const replicated = await replicate(center, { replications: 2, runner: redisCluster({ redis: redis.url, tls: { ca: redis.ca! } }) });
      expect(replicated).toEqual(await replicate(center, { replications: 2 }));
      const error = await replicate(center, { replications: 2, runner: redisCluster({ redis: redis.url }) }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/^cannot use Redis at rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+: the TLS handshake failed \(self-signed certificate/);
    });
  });

  describe('when Redis cannot be used', () => {
    let redis: RedisServer | undefined;
    let worker: WorkerProcess | undefined;

    afterAll(async () => {
      if (worker) await stopProcess(worker.process);
      await redis?.stop();
    });

    it('Redis stopped mid-run: the caller gets a clear error in under 10 s, and the worker exits with code 1', async () => {
      redis = await startRedis({ password: 'correct-horse' });
      // A password-protected Redis: the worker and the caller both pass it in the URL.
      worker = await startWorker(redis.url, ['--give-up-after', '5']);
      let stoppedAt = 0;
      let firstDone: () => void;
      const started = new Promise<void>((resolve) => (firstDone = resolve));
      const running = replicate(long, { replications: 20, runner: redisCluster({ redis: redis.url }), onProgress: () => firstDone() }).then(
        () => undefined,
        (error: unknown) => ({ error, seconds: (performance.now() - stoppedAt) / 1000 }),
      );
      await started;
      stoppedAt = performance.now();
      await stopProcess(redis.process, 'SIGKILL');
      const outcome = await running;
      expect(outcome?.error).toBeInstanceOf(ClusterError);
      expect((outcome!.error as Error).message).toMatch(/^lost Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ and could not reconnect in 5 s/);
      expect((outcome!.error as Error).message).not.toContain('correct-horse');
      expect(outcome!.seconds).toBeLessThan(10);
      expect(await worker.exited).toBe(1);
      expect(worker.log()).toMatch(/queuecast: lost Redis at/);
    });

    it('a wrong password: a clear error, the password never shown; the CLI exits with code 1', async () => {
      const guarded = await startRedis({ password: 'correct-horse' });
      try {
        const url = `redis://:wrong-horse@127.0.0.1:${guarded.port}`;
        const error = await replicate(center, { replications: 2, runner: redisCluster({ redis: url }) }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ClusterError);
        expect((error as Error).message).toMatch(/^cannot use Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: it refused the user name or password/);
        expect((error as Error).message).not.toContain('wrong-horse');
        const cli = spawnSync(process.execPath, [CLI, 'run', 'examples/scenarios/agency-line.yaml', '--redis', url], { encoding: 'utf8', timeout: 30_000 });
        expect(cli.status).toBe(1);
        expect(cli.stderr).toMatch(/^queuecast: cannot use Redis at .*refused the user name or password/);
      } finally {
        await guarded.stop();
      }
    });

    it('Redis unreachable: a clear error at once, from the API and from queuecast worker', async () => {
      const url = `redis://127.0.0.1:${await freePort()}`;
      const error = await compare(center, withCallback, { replications: 2, runner: redisCluster({ redis: url }) }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/^cannot use Redis at redis:\/\/127\.0\.0\.1:\d+: connection refused/);
      const cli = spawnSync(process.execPath, [CLI, 'worker', '--redis', url], { encoding: 'utf8', timeout: 30_000 });
      expect(cli.status).toBe(1);
      // One line, no stack trace.
      expect(cli.stderr).toMatch(/^queuecast: cannot use Redis at redis:\/\/127\.0\.0\.1:\d+: connection refused[^\n]*\n$/);
    });
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
