// A `queuecast worker` whose Redis goes away: it waits idle (reconnecting with a backoff), comes
// back to work when Redis does, stops on SIGTERM within seconds, and gives up after
// `--give-up-after` seconds with one line and exit code 1.
import { afterEach, describe, expect, it } from 'vitest';
import { replicate, type SingleLineScenario } from '../../src';
import { redisCluster, runClusterWorker } from '../../src/node';
import { cpuSeconds } from '../support/cpuTime';
import { redisMissing, REDIS_SERVER, startRedis, startWorker, stopProcess, type RedisServer, type WorkerProcess } from '../support/redisServer';

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** Resolves with the exit code, or with 'still running' after `seconds`. */
const exitWithin = (worker: WorkerProcess, seconds: number) =>
  Promise.race([worker.exited, sleep(seconds).then(() => 'still running' as const)]);

const small: SingleLineScenario = {
  seed: 3,
  durationSeconds: 3600,
  arrivals: { perHour: 200 },
  agents: 12,
  handleTime: { type: 'exponential', meanSeconds: 180 },
  patience: { type: 'exponential', meanSeconds: 300 },
};

it('runClusterWorker names every bad time option at once, before connecting', async () => {
  await expect(runClusterWorker({ redis: 'redis://127.0.0.1:1', lockSeconds: -1, giveUpAfterSeconds: Number.NaN })).rejects.toThrow(
    'runClusterWorker: lockSeconds must be a number of seconds > 0, got -1; giveUpAfterSeconds must be a number of seconds > 0, got NaN',
  );
});

if (redisMissing) {
  it.skip(`a worker that loses its Redis: skipped because ${REDIS_SERVER} is missing (apt-get install redis-server)`, () => {});
} else {
  describe('a queuecast worker whose Redis is shut down', () => {
    let redis: RedisServer | undefined;
    let worker: WorkerProcess | undefined;

    afterEach(async () => {
      if (worker) await stopProcess(worker.process, 'SIGKILL');
      await redis?.stop();
      worker = redis = undefined;
    });

    it('uses next to no CPU while it waits for Redis, and exits within 5 s of SIGTERM', async () => {
      redis = await startRedis();
      worker = await startWorker(redis.url, ['--give-up-after', '600']);
      // A shutdown as an administrator does it (SIGTERM: redis-server closes every connection).
      await stopProcess(redis.process, 'SIGTERM');
      await sleep(1);
      const pid = worker.process.pid!;
      const before = cpuSeconds(pid);
      await sleep(4);
      const used = cpuSeconds(pid) - before;
      // Reconnecting every few seconds costs milliseconds; the reported fault (half a core) would
      // be about 2 s here, a spin on one core 4 s. 0.2 s leaves room for a loaded machine.
      expect(used).toBeLessThan(0.2);
      expect(worker.process.exitCode).toBeNull();
      worker.process.kill('SIGTERM');
      expect(await exitWithin(worker, 5)).toBe(0);
    });

    it('gives up after --give-up-after seconds: one line naming Redis and the reason, exit code 1', async () => {
      redis = await startRedis({ password: 'correct-horse' });
      worker = await startWorker(redis.url, ['--give-up-after', '2']);
      await stopProcess(redis.process, 'SIGTERM');
      // The watch gives up on its own clock, 2 s after the connection closed, between reconnect tries.
      expect(await exitWithin(worker, 8)).toBe(1);
      const lines = worker.log().trimEnd().split('\n');
      expect(lines.at(-1)).toMatch(/^queuecast: lost Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ and could not reconnect in 2 s: connection refused/);
      // Nothing after the first line: no stack trace, and the password never shown.
      expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);
      expect(worker.log()).not.toContain('correct-horse');
    });

    it('takes jobs again when Redis comes back within that time (a restart)', async () => {
      redis = await startRedis();
      const port = redis.port;
      worker = await startWorker(redis.url, ['--give-up-after', '600']);
      await redis.stop();
      await sleep(2);
      redis = await startRedis({ port });
      const onCluster = await replicate(small, { replications: 2, runner: redisCluster({ redis: redis.url }) });
      expect(onCluster).toEqual(await replicate(small, { replications: 2 }));
      expect(worker.log()).toMatch(/done in/);
    });
  });
}
