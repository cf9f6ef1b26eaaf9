import { describe, expect, it } from 'vitest';
import { OptionsError, replicate } from '../../src';
import { workerThreads } from '../../src/node';
import { referenceScenario } from '../support/scenarios';

// 40 hours of the reference line (about 23,000 callers): a replication takes a while on a thread.
const day = referenceScenario({ durationSeconds: 40 * 3600 });

describe('workerThreads()', () => {
  it('an abort rejects with the signal\'s reason, hands out no more jobs, and leaves the runner usable', async () => {
    const runner = workerThreads({ workers: 2 });
    const controller = new AbortController();
    const reason = new Error('stopped by the planner');
    let done = 0;
    const error = await replicate(day, {
      replications: 12,
      runner,
      signal: controller.signal,
      onProgress: (n) => {
        done = n;
        controller.abort(reason);
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(reason);
    // The first answer aborts; the other thread was busy with its own job, ended by the abort.
    expect(done).toBe(1);
    const options = { replications: 3, seed: 2 };
    expect(await replicate(day, { ...options, runner })).toEqual(await replicate(day, options));
  });

  it('refuses a number of workers that is not a whole number >= 1, naming it', () => {
    expect(() => workerThreads({ workers: 0 })).toThrow(OptionsError);
    expect(() => workerThreads({ workers: 1.5 })).toThrow('workerThreads: workers must be an integer >= 1, got 1.5');
  });
});
