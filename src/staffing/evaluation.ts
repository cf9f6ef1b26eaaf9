import type { IntervalFigure } from './intervalFigures';
import type { Rosters, StaffingProblem } from './problem';

/** A roster and what its replications achieved, line by line and row by row. */
export interface Evaluation {
  rosters: Rosters;
  figures: IntervalFigure[][];
  missed: number;
}

/** Group g's row k and the rows beside it meet every target of the lines g answers. */
export function neighboursMeet(problem: StaffingProblem, evaluation: Evaluation, g: number, k: number): boolean {
  return problem.resolved.lines.every((line, i) => {
    if (!line.routing.some((route) => route.group === g)) return true;
    const rows = evaluation.figures[i]!;
    return [k - 1, k, k + 1].every((row) => rows[row]?.met ?? true);
  });
}
