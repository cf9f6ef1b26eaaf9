import { studentTCritical, type Estimate } from '../experiment';
import type { LineIntervalRow, Report } from '../metrics';
import type { LineTarget } from './options';
import type { StaffingProblem } from './problem';

/** One line's figure in one row over the replications. */
export interface IntervalFigure {
  estimate: Estimate;
  /**
   * The figure held to the target: the mean, or (meeting it with confidence) the bound of its
   * interval on the target's side (the low end for a service level, the high end for
   * abandonment and wait).
   */
  judged: number;
  /** Calls of the row that held (answered, abandoned, balked), over all replications. */
  held: number;
  /** Meets the target (always, in a warm-up row: its callers are not counted). */
  met: boolean;
}

/**
 * Each line's figure by arrival row, pooled over the replications: the callers of a half hour
 * in every replication together (the service level is the share of all of them answered in
 * time), so that a replication with few callers in a row weighs little. Its interval is the
 * ratio estimator's (delta method), Student t with replications − 1 degrees of freedom.
 */
export function intervalFigures(problem: StaffingProblem, reports: readonly Report[], confidence: number, onBound: boolean): IntervalFigure[][] {
  const n = reports.length;
  const t = studentTCritical(confidence, n - 1);
  return problem.lines.map((line) =>
    Array.from({ length: problem.rows }, (_, k) => {
      const parts = reports.map((report) => partsOf(report.lines[line.name]!.intervals[k]!, line.target.measure));
      const figure = figureOf(parts, line.target, n, t, onBound);
      return problem.warmupRows[k] ? { ...figure, met: true } : figure;
    }),
  );
}

/** The numerator and denominator of a row's figure in one replication. */
function partsOf(row: LineIntervalRow, measure: LineTarget['measure']): { x: number; y: number } {
  const held = row.answered + row.abandoned + row.balked;
  // The share times the calls is a whole count of callers answered in time: rounding undoes the division.
  if (measure === 'serviceLevel') return { x: Math.round(row.serviceLevel * held), y: held };
  if (measure === 'probAbandon') return { x: row.abandoned + row.balked, y: held };
  return { x: row.meanHoldSeconds * held, y: held };
}

function figureOf(parts: ReadonlyArray<{ x: number; y: number }>, target: LineTarget, n: number, t: number, onBound: boolean): IntervalFigure {
  let sumX = 0;
  let sumY = 0;
  for (const { x, y } of parts) {
    sumX += x;
    sumY += y;
  }
  if (sumY === 0) {
    // Nobody held in this row: a target about no callers is met, whatever it is.
    const vacuous = target.measure === 'serviceLevel' ? 1 : 0;
    return { estimate: { mean: vacuous, sd: 0, halfWidth: 0, low: vacuous, high: vacuous }, judged: vacuous, held: 0, met: true };
  }
  const ratio = sumX / sumY;
  let squares = 0;
  for (const { x, y } of parts) squares += (x - ratio * y) ** 2;
  const meanY = sumY / n;
  const sd = Math.sqrt(squares / (n - 1)) / meanY;
  const halfWidth = t * (sd / Math.sqrt(n));
  const higherIsBetter = target.measure === 'serviceLevel';
  const judged = onBound ? (higherIsBetter ? ratio - halfWidth : ratio + halfWidth) : ratio;
  const met = higherIsBetter ? judged >= target.value : judged <= target.value;
  return { estimate: { mean: ratio, sd, halfWidth, low: ratio - halfWidth, high: ratio + halfWidth }, judged, held: sumY, met };
}
