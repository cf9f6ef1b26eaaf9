import { describe, expect, it } from 'vitest';
import { inProcess, staffBySimulation, type ReplicationJob, type SingleLineScenario, type StaffingProgress } from '../../src';
import { workerThreads } from '../../src/node';

const morning: SingleLineScenario = {
  seed: 8,
  arrivals: { intervalSeconds: 1800, perInterval: [40, 90, 120, 70] },
  agents: 1,
  handleTime: { type: 'exponential', meanSeconds: 240 },
  patience: { type: 'exponential', meanSeconds: 200 },
  callback: { offer: 'always', optIn: { probability: 0.2 } },
};
const options = { target: { meanWaitSeconds: 20 }, replications: 12 } as const;

describe('the replications of a staffing search', () => {
  it('give the same roster on worker threads as in-process, and report progress', async () => {
    const progress: StaffingProgress[] = [];
    const here = await staffBySimulation(morning, { ...options, onProgress: (p) => progress.push(p) });
    const onWorkers = await staffBySimulation(morning, { ...options, runner: workerThreads({ workers: 2 }) });
    expect(onWorkers.agents).toEqual(here.agents);
    expect(onWorkers.achieved).toEqual(here.achieved);
    expect(onWorkers.iterations).toBe(here.iterations);
    expect(progress.map((p) => p.iteration)).toEqual(Array.from({ length: here.iterations }, (_, i) => i + 1));
    expect(progress[0]!.phase).toBe('erlang');
    expect(here.erlangAgentHours).toBe(progress[0]!.agentHours);
  });

  it('go through an injected runner with the same seeds for every roster (common random numbers)', async () => {
    const seeds: number[][] = [];
    const runner = inProcess();
    const plan = await staffBySimulation(morning, {
      ...options,
      seed: 42,
      runner: {
        run: (jobs: readonly ReplicationJob[], o) => {
          seeds.push(jobs.map((job) => job.seed));
          return runner.run(jobs, o);
        },
      },
    });
    expect(seeds).toHaveLength(plan.iterations);
    expect(seeds.every((roster) => roster.length === options.replications)).toBe(true);
    expect(new Set(seeds.map((roster) => roster.join()))).toEqual(new Set([seeds[0]!.join()]));
    // Replication k's seed is derived from 42 and k: a search seeded otherwise has others.
    const other: number[][] = [];
    await staffBySimulation(morning, { ...options, seed: 43, maxIterations: 1, runner: { run: (jobs, o) => (other.push(jobs.map((job) => job.seed)), runner.run(jobs, o)) } });
    expect(other[0]).not.toEqual(seeds[0]);
  });
});
