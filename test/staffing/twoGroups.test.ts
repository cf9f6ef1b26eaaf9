import { describe, expect, it } from 'vitest';
import { staffBySimulation, StaffingOptionsError, type MultiLineScenario, type Roster, type StaffingResult } from '../../src';
import { pooledFigure, replicatedFigures, shortfall } from './check';

// Acceptance 3: a two-group center. Sales calls go to the sales group; support calls to the
// support group, and after 60 s on hold to sales as well. Each line has its own target:
// sales 80% within 20 s, support at most 5% hanging up.
const center: MultiLineScenario = {
  name: 'two groups',
  seed: 5,
  lines: [
    {
      name: 'sales',
      arrivals: { intervalSeconds: 1800, perInterval: [80, 140, 160, 120, 100, 140, 120, 60] },
      handleTime: { type: 'exponential', meanSeconds: 180 },
      patience: { type: 'exponential', meanSeconds: 120 },
      routing: [{ group: 'sales' }],
    },
    {
      name: 'support',
      arrivals: { intervalSeconds: 1800, perInterval: [40, 90, 110, 100, 80, 70, 50, 30] },
      handleTime: { type: 'lognormal', meanSeconds: 420, cv: 0.8 },
      patience: { type: 'exponential', meanSeconds: 300 },
      routing: [{ group: 'support' }, { group: 'sales', afterSeconds: 60 }],
      redial: { probability: 0.3, delay: { type: 'exponential', meanSeconds: 600 } },
    },
  ],
  groups: [
    { name: 'sales', agents: 1 },
    { name: 'support', agents: 1 },
  ],
};
const targets = { sales: { serviceLevel: 0.8 }, support: { probAbandon: 0.05 } } as const;
const replications = 60;
const z = 3; // one-sided 0.13% per interval: 16 intervals, under 2% of false alarms in all

let plan: StaffingResult;

describe('staffing a two-group center by simulation', () => {
  it('finds a roster for each group that meets its lines\' targets on its own replications', async () => {
    plan = await staffBySimulation(center, { target: targets.sales, targetsByLine: { support: targets.support }, replications, seed: 3 });
    expect(plan.allMet).toBe(true);
    const agents = plan.agents as Record<string, Roster>;
    expect(Object.keys(agents)).toEqual(['sales', 'support']);
    expect(agents.sales!.perInterval).toHaveLength(8);
    expect(Object.keys(plan.erlangAgents)).toEqual(['sales', 'support']);
    expect(Object.keys(plan.achieved)).toEqual(['sales', 'support']);
    expect(plan.rows.filter((row) => row.line === 'support').every((row) => row.group === 'support' && row.measure === 'probAbandon')).toBe(true);
    // The staffed scenario carries both rosters.
    const groups = (plan.scenario as MultiLineScenario).groups;
    expect(groups.map((group) => group.agents)).toEqual([agents.sales, agents.support]);
  });

  it('meets each line\'s target in every half hour on independent replications, within their noise', async () => {
    const reports = await replicatedFigures(plan.scenario, 777, replications);
    for (const [line, target] of Object.entries(targets)) {
      const measure = 'serviceLevel' in target ? 'serviceLevel' : 'probAbandon';
      const value = 'serviceLevel' in target ? target.serviceLevel : target.probAbandon;
      const achieved = (plan.achieved as Record<string, Array<{ sd: number }>>)[line]!;
      for (let k = 0; k < 8; k++) {
        const checked = pooledFigure(reports, line, k, measure);
        const noise = z * Math.hypot(achieved[k]!.sd / Math.sqrt(replications), checked.standardError);
        // Sharp enough to mean something: about one sales agent's worth of service level at
        // these sizes (the busier the overflow, the noisier sales' half hours: up to 0.081).
        expect(noise, `${line} ${k}: noise ${noise}`).toBeLessThan(measure === 'serviceLevel' ? 0.085 : 0.03);
        expect(shortfall(measure, checked.mean, value), `${line} interval ${k}: ${checked.mean} ± ${noise}`).toBeLessThanOrEqual(noise);
      }
    }
  });

  it('rejects targets for lines the center does not have, and impossible targets, all at once', async () => {
    const error = await staffBySimulation(center, {
      target: { serviceLevel: 1.2 },
      targetsByLine: { billing: { serviceLevel: 0.8 } },
      replications: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaffingOptionsError);
    expect((error as StaffingOptionsError).problems.map((p) => p.path)).toEqual([
      'replications',
      'targetsByLine.billing',
      'target.serviceLevel',
    ]);
    expect((error as Error).message).toContain('targetsByLine.billing: expected the name of a line (sales, support), received "billing"');
  });
});
