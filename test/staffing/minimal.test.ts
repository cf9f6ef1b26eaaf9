import { describe, expect, it } from 'vitest';
import { staffBySimulation, type MultiLineScenario, type Report, type Roster, type Scenario } from '../../src';
import { replicateReports } from '../../src/experiment';

// Issue 33, item 3: the search's roster is the cheapest that meets every target, checked by
// brute force on the search's own sample (the same replication seeds, as the search uses: the
// answer is the fewest agents for *that* sample). Whether a roster meets its targets is worked
// out here from the reports, pooled over the replications by arrival half hour, without the
// search's code.

const seed = 11;
const replications = 5;

type Target = { measure: 'serviceLevel'; value: number } | { measure: 'probAbandon'; value: number };

/** Every line meets its target in every half hour, pooled over the replications (a half hour where nobody held meets any). */
function meets(reports: readonly Report[], targets: Record<string, Target>): boolean {
  return Object.entries(targets).every(([line, target]) => {
    const rows = reports[0]!.lines[line]!.intervals.length;
    for (let k = 0; k < rows; k++) {
      let x = 0;
      let held = 0;
      for (const report of reports) {
        const row = report.lines[line]!.intervals[k]!;
        const n = row.answered + row.abandoned + row.balked;
        held += n;
        x += target.measure === 'serviceLevel' ? Math.round(row.serviceLevel * n) : row.abandoned + row.balked;
      }
      if (held === 0) continue;
      const figure = x / held;
      if (target.measure === 'serviceLevel' ? figure < target.value : figure > target.value) return false;
    }
    return true;
  });
}

async function meetsWith(scenario: Scenario, targets: Record<string, Target>): Promise<boolean> {
  const { reports } = await replicateReports(scenario, { replications, seed });
  return meets(reports, targets);
}

/** Every combination of the values in `box` (one list per cell). */
function* combinations(box: readonly number[][]): Generator<number[]> {
  const at = box.map(() => 0);
  for (;;) {
    yield at.map((i, cell) => box[cell]![i]!);
    let cell = 0;
    while (cell < box.length && ++at[cell]! === box[cell]!.length) at[cell++] = 0;
    if (cell === box.length) return;
  }
}

// Sales calls go to the sales group; support calls to support, and after 60 s on hold to
// sales as well. Three half hours.
const twoGroups: MultiLineScenario = {
  seed: 2,
  lines: [
    {
      name: 'sales',
      arrivals: { intervalSeconds: 1800, perInterval: [30, 55, 40] },
      handleTime: { type: 'exponential', meanSeconds: 180 },
      patience: { type: 'exponential', meanSeconds: 120 },
      routing: [{ group: 'sales' }],
    },
    {
      name: 'support',
      arrivals: { intervalSeconds: 1800, perInterval: [15, 30, 20] },
      handleTime: { type: 'exponential', meanSeconds: 300 },
      patience: { type: 'exponential', meanSeconds: 300 },
      routing: [{ group: 'support' }, { group: 'sales', afterSeconds: 60 }],
    },
  ],
  groups: [
    { name: 'sales', agents: 1 },
    { name: 'support', agents: 1 },
  ],
};
const twoGroupTargets: Record<string, Target> = { sales: { measure: 'serviceLevel', value: 0.8 }, support: { measure: 'probAbandon', value: 0.08 } };

describe('the staffing search\'s roster is minimal', () => {
  it('is the cheapest meeting every target among all rosters within one agent of it in every half hour and group (two groups, 729 rosters)', async () => {
    const plan = await staffBySimulation(twoGroups, {
      target: { serviceLevel: 0.8 },
      targetsByLine: { support: { probAbandon: 0.08 } },
      replications,
      seed,
    });
    const found = plan.agents as Record<string, Roster>;
    const cells = [...found.sales!.perInterval, ...found.support!.perInterval];
    // The box: each cell's agents one fewer, the same, one more (never under the last half
    // hour's one agent, who serves the drain).
    const floor = (cell: number) => (cell % 3 === 2 ? 1 : 0);
    const box = cells.map((agents, cell) => [agents - 1, agents, agents + 1].filter((n) => n >= floor(cell)));
    let cheapest = Infinity;
    let cheapestRoster: number[] = [];
    for (const roster of combinations(box)) {
      const agentHalfHours = roster.reduce((sum, agents) => sum + agents, 0);
      if (agentHalfHours >= cheapest) continue; // cannot be cheaper: no need to simulate it
      const scenario: MultiLineScenario = {
        ...twoGroups,
        groups: [
          { name: 'sales', agents: { intervalSeconds: 1800, perInterval: roster.slice(0, 3) } },
          { name: 'support', agents: { intervalSeconds: 1800, perInterval: roster.slice(3) } },
        ],
      };
      if (await meetsWith(scenario, twoGroupTargets)) {
        cheapest = agentHalfHours;
        cheapestRoster = roster;
      }
    }
    // The search's roster meets every target by the independent count, and nothing cheaper does.
    expect(await meetsWith(plan.scenario, twoGroupTargets)).toBe(true);
    expect(plan.agentHours, `cheapest: ${cheapestRoster.join(', ')}`).toBe(cheapest / 2);
  });

  it('on one line, removing an agent from any half hour makes some half hour miss the target', async () => {
    const line: Scenario = {
      seed: 4,
      arrivals: { intervalSeconds: 1800, perInterval: [40, 90, 140, 160, 120, 150, 100, 50] },
      agents: 1,
      handleTime: { type: 'lognormal', meanSeconds: 240, cv: 0.9 },
      patience: { type: 'exponential', meanSeconds: 300 },
    };
    const targets: Record<string, Target> = { main: { measure: 'serviceLevel', value: 0.8 } };
    const plan = await staffBySimulation(line, { target: { serviceLevel: 0.8 }, replications, seed });
    const roster = (plan.agents as Roster).perInterval;
    const withRoster = (perInterval: number[]): Scenario => ({ ...line, agents: { intervalSeconds: 1800, perInterval } });
    expect(await meetsWith(withRoster(roster), targets)).toBe(true);
    const spare: number[] = [];
    for (let k = 0; k < roster.length; k++) {
      if (roster[k]! <= (k === roster.length - 1 ? 1 : 0)) continue;
      const fewer = roster.map((agents, j) => (j === k ? agents - 1 : agents));
      if (await meetsWith(withRoster(fewer), targets)) spare.push(k);
    }
    expect(spare, `half hours that can spare an agent in ${roster.join(', ')}`).toEqual([]);
  });
});
