import { describe, expect, it } from 'vitest';
import { staffBySimulation, type Report, type Roster, type Scenario } from '../../src';
import { replicateReports } from '../../src/experiment';

// Meeting a target with a stated confidence: the bound of each half hour's interval on the
// target's side, not its mean, must meet it. Checked on the search's own sample, with the
// interval worked out here: the pooled ratio over the replications, its delta-method standard
// error, and Student's t for 4 degrees of freedom from a table (t(0.95, 4) = 2.1318: a 90%
// two-sided interval).
const replications = 5;
const seed = 3;
const T_90_4 = 2.1318;

const line: Scenario = {
  seed: 8,
  arrivals: { intervalSeconds: 1800, perInterval: [40, 90, 140, 120, 60] },
  agents: 1,
  handleTime: { type: 'exponential', meanSeconds: 240 },
  patience: { type: 'exponential', meanSeconds: 300 },
};

/** Each half hour's pooled figure and the half-width of its 90% interval. */
function figures(reports: readonly Report[], measure: 'serviceLevel' | 'probAbandon'): Array<{ mean: number; halfWidth: number }> {
  return reports[0]!.intervals.map((_, k) => {
    const parts = reports.map((report) => {
      const row = report.intervals[k]!;
      const held = row.answered + row.abandoned + row.balked;
      return { x: measure === 'serviceLevel' ? Math.round(row.serviceLevel * held) : row.abandoned + row.balked, y: held };
    });
    const sumX = parts.reduce((s, p) => s + p.x, 0);
    const sumY = parts.reduce((s, p) => s + p.y, 0);
    const mean = sumX / sumY;
    const squares = parts.reduce((s, p) => s + (p.x - mean * p.y) ** 2, 0);
    const se = Math.sqrt(squares / (replications - 1)) / (sumY / replications) / Math.sqrt(replications);
    return { mean, halfWidth: T_90_4 * se };
  });
}

const roster = (plan: { agents: unknown }) => (plan.agents as Roster).perInterval;
const staffed = (perInterval: number[]): Scenario => ({ ...line, agents: { intervalSeconds: 1800, perInterval } });

describe('staffing by simulation with a stated confidence', () => {
  it('meets a service level with the low end of each half hour\'s 90% interval, and says so', async () => {
    const onMean = await staffBySimulation(line, { target: { serviceLevel: 0.8 }, replications, seed });
    const withConfidence = await staffBySimulation(line, { target: { serviceLevel: 0.8 }, replications, seed, confidence: 0.9 });
    expect(onMean.metOn).toBe('mean');
    expect(onMean.confidence).toBe(0.95);
    expect(withConfidence.metOn).toBe('bound');
    expect(withConfidence.confidence).toBe(0.9);
    expect(withConfidence.allMet).toBe(true);
    const { reports } = await replicateReports(staffed(roster(withConfidence)), { replications, seed });
    for (const [k, { mean, halfWidth }] of figures(reports, 'serviceLevel').entries()) {
      expect(mean - halfWidth, `half hour ${k}`).toBeGreaterThanOrEqual(0.8);
      expect(withConfidence.rows[k]!.achieved.low).toBeCloseTo(mean - halfWidth, 3);
    }
    // Meeting it with confidence costs agents.
    expect(withConfidence.agentHours).toBeGreaterThan(onMean.agentHours);
  });

  it('meets an abandonment target with the high end of each half hour\'s 90% interval', async () => {
    const plan = await staffBySimulation(line, { target: { probAbandon: 0.05 }, replications, seed, confidence: 0.9 });
    expect(plan.allMet).toBe(true);
    const { reports } = await replicateReports(staffed(roster(plan)), { replications, seed });
    for (const [k, { mean, halfWidth }] of figures(reports, 'probAbandon').entries()) {
      expect(mean + halfWidth, `half hour ${k}`).toBeLessThanOrEqual(0.05);
    }
  });
});
