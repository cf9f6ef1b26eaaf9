import { describe, expect, it } from 'vitest';
import { replicate, staffBySimulation, type SingleLineScenario, type StaffingProgress } from '../../src';
import { staffBySimulation as staffOnWorkers } from '../../src/node';

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
    const inProcess = await staffBySimulation(morning, { ...options, onProgress: (p) => progress.push(p) });
    const onWorkers = await staffOnWorkers(morning, { ...options, workers: 2 });
    expect(onWorkers.agents).toEqual(inProcess.agents);
    expect(onWorkers.achieved).toEqual(inProcess.achieved);
    expect(onWorkers.iterations).toBe(inProcess.iterations);
    expect(progress.map((p) => p.iteration)).toEqual(Array.from({ length: inProcess.iterations }, (_, i) => i + 1));
    expect(progress[0]!.phase).toBe('erlang');
    expect(inProcess.erlangAgentHours).toBe(progress[0]!.agentHours);
  });

  it('go through an injected runner with the same seed for every roster (common random numbers)', async () => {
    const seeds: Array<number | undefined> = [];
    const plan = await staffBySimulation(morning, {
      ...options,
      seed: 42,
      runReplications: (scenario, o) => {
        seeds.push(o.seed);
        return replicate(scenario, o);
      },
    });
    expect(seeds).toHaveLength(plan.iterations);
    expect(new Set(seeds)).toEqual(new Set([42]));
  });
});
