import { describe, expect, it } from 'vitest';
import { compare, inProcess, OptionsError, replicate, sweep, type ReplicationRunner } from '../../src';
import { referenceScenario } from '../support/scenarios';

// One hour of the reference line (about 570 callers): a replication takes milliseconds.
const small = referenceScenario({ durationSeconds: 3600 });
// 400 hours (about 230,000 callers): one replication takes far longer than the 20 ms before the abort.
const long = referenceScenario({ durationSeconds: 400 * 3600 });

describe('the in-process runner', () => {
  it('is the default: replicate() with inProcess() gives the same reports, deep-equal', async () => {
    const options = { replications: 3, seed: 4 };
    expect(await replicate(small, { ...options, runner: inProcess() })).toEqual(await replicate(small, options));
  });

  it('an abort between replications: replicate() rejects with the signal\'s reason and starts no other replication', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const reason = new Error('stopped by the planner');
    const error = await replicate(small, {
      replications: 5,
      signal: controller.signal,
      onProgress: (n) => {
        done.push(n);
        controller.abort(reason);
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(done).toEqual([1]);
  });

  it('an abort in the middle of a replication stops it at its next slice, before it ends', async () => {
    const controller = new AbortController();
    let done = 0;
    setTimeout(() => controller.abort(), 20);
    const error = await compare(long, long, { replications: 2, signal: controller.signal, onProgress: () => done++ }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(done).toBe(0);
  });

  it('a signal aborted before the start runs nothing', async () => {
    let done = 0;
    const error = await sweep(small, { vary: { 'agents.scale': [0.9, 1] }, replications: 2, signal: AbortSignal.abort(), onProgress: () => done++ }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(done).toBe(0);
  });
});

describe('a runner of the user\'s own', () => {
  it('sees every job as plain data: replication k of both arms on one derived seed, the same k in every call', async () => {
    const seen: unknown[] = [];
    const here = inProcess();
    const recording: ReplicationRunner = {
      run: (jobs, options) => {
        seen.push(JSON.parse(JSON.stringify(jobs)));
        return here.run(jobs, options);
      },
    };
    const variant = { ...small, agents: 48 };
    const compared = await compare(small, variant, { replications: 2, seed: 3, runner: recording });
    expect(compared).toEqual(await compare(small, variant, { replications: 2, seed: 3 }));
    const replicated = await replicate(small, { replications: 2, seed: 3, runner: recording });
    const [pairJobs, runJobs] = seen as Array<Array<{ kind: string; seed: number }>>;
    expect(pairJobs!.map((job) => job.kind)).toEqual(['compare', 'compare']);
    expect(runJobs!.map((job) => job.kind)).toEqual(['replicate', 'replicate']);
    // Common random numbers: a comparison's replication k has replicate()'s seed k.
    expect(pairJobs!.map((job) => job.seed)).toEqual(runJobs!.map((job) => job.seed));
    expect(replicated.reports[1]).toEqual(compared.pairs[1]!.baseline);
  });

  it('that answers with something else than one outcome per job, in order, is refused with a clear error', async () => {
    const short: ReplicationRunner = { run: async (jobs) => (await inProcess().run(jobs)).slice(1) };
    await expect(replicate(small, { replications: 3, runner: short })).rejects.toThrow(
      'replicate: the runner answered 3 jobs with something else than their 3 outcomes, in order',
    );
  });

  it('bad runner and signal options are listed with the others, in one OptionsError', async () => {
    const error = await replicate(small, { replications: 1, runner: {} as ReplicationRunner, signal: 'stop' as unknown as AbortSignal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptionsError);
    expect((error as OptionsError).problems.map((p) => p.path)).toEqual(['replications', 'runner', 'signal']);
  });
});
