import type { Evaluation } from './evaluation';
import { agentHoursOf, copyRosters, type Rosters, type StaffingProblem } from './problem';
import type { StaffingProgress } from './types';

/** What the trades need of the search: its evaluations, its budget, its floors. */
export interface TradeContext {
  evaluate: (rosters: Rosters, phase: StaffingProgress['phase']) => Promise<Evaluation>;
  budgetLeft: () => boolean;
  floorOf: (k: number) => number;
}

/**
 * Trades between groups (step 4 of the search). Where a line overflows after a delay to
 * another staffed group, that group's agents stand in for the line's own: one more of them in
 * a half hour can let the line's group spare more than one in that half hour and the ones
 * beside it, which steps that only remove agents never find. For each such half hour of an
 * overflow group: one agent more there, then one fewer at a time in those rows of the groups
 * that overflow to it, each kept while every target is still met; a roster that ends cheaper
 * than the best becomes the best. Within the search's budget.
 */
export async function tradeAcrossGroups(problem: StaffingProblem, best: Evaluation, context: TradeContext): Promise<Evaluation> {
  for (const [h, owners] of overflowGroups(problem)) {
    for (let k = 0; k < problem.rows; k++) {
      if (problem.warmupRows[k]) continue;
      if (!context.budgetLeft()) return best;
      const rosters = copyRosters(best.rosters);
      rosters[h]![k]!++;
      let found: Evaluation | undefined;
      for (const g of owners) {
        for (const row of [k - 1, k, k + 1]) {
          if (row < 0 || row >= problem.rows || problem.warmupRows[row]) continue;
          while (rosters[g]![row]! > context.floorOf(row) && context.budgetLeft()) {
            rosters[g]![row]!--;
            const outcome = await context.evaluate(rosters, 'trade');
            if (outcome.missed > 0) {
              rosters[g]![row]!++;
              break;
            }
            found = outcome;
          }
        }
      }
      if (found && agentHoursOf(problem, found.rosters) < agentHoursOf(problem, best.rosters)) best = found;
    }
  }
  return best;
}

/** Staffed groups that lines of other staffed groups reach after a delay, each with those groups. */
function overflowGroups(problem: StaffingProblem): Map<number, number[]> {
  const owners = new Map<number, number[]>();
  problem.resolved.lines.forEach((line, i) => {
    const own = problem.lines[i]!.group;
    for (const route of line.routing.slice(1)) {
      if (route.group === own || !problem.staffedGroups.includes(route.group)) continue;
      const list = owners.get(route.group) ?? [];
      if (!list.includes(own)) list.push(own);
      owners.set(route.group, list);
    }
  });
  return new Map([...owners].sort(([a], [b]) => a - b));
}
