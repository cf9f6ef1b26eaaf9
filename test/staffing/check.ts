// An independent check of a staffing result: the staffed scenario replicated on other seeds,
// each line's figure pooled by arrival interval (the callers of a half hour in every
// replication together) with its standard error over the replications (ratio estimator).
import { replicate, type Report, type Scenario } from '../../src';

export interface Checked {
  mean: number;
  standardError: number;
}

type Measure = 'serviceLevel' | 'probAbandon' | 'meanWaitSeconds';

export function pooledFigure(reports: readonly Report[], line: string, row: number, measure: Measure): Checked {
  const parts = reports.map((report) => {
    const r = report.lines[line]!.intervals[row]!;
    const held = r.answered + r.abandoned + r.balked;
    const x = measure === 'serviceLevel' ? r.serviceLevel * held : measure === 'probAbandon' ? r.abandoned + r.balked : r.meanHoldSeconds * held;
    return { x, y: held };
  });
  const n = parts.length;
  const sumX = parts.reduce((s, p) => s + p.x, 0);
  const sumY = parts.reduce((s, p) => s + p.y, 0);
  const mean = sumX / sumY;
  const squares = parts.reduce((s, p) => s + (p.x - mean * p.y) ** 2, 0);
  return { mean, standardError: Math.sqrt(squares / (n - 1)) / (sumY / n) / Math.sqrt(n) };
}

export async function replicatedFigures(scenario: Scenario, seed: number, replications: number): Promise<Report[]> {
  return (await replicate(scenario, { replications, seed })).reports;
}

/** How far below the target a figure may fall and still "meet it within the noise", in its own direction. */
export function shortfall(measure: Measure, figure: number, target: number): number {
  return measure === 'serviceLevel' ? target - figure : figure - target;
}
