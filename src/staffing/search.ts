import type { ErlangModel } from './erlangModel';
import { goodness } from './erlangModel';
import { intervalFigures, type IntervalFigure } from './intervalFigures';
import type { CheckedOptions } from './options';
import { agentHoursOf, copyRosters, sameRosters, withRosters, type Rosters, type StaffingProblem } from './problem';
import type { ReplicationRunner, StaffingProgress } from './types';

/** A roster and what its replications achieved, line by line and row by row. */
export interface Evaluation {
  rosters: Rosters;
  figures: IntervalFigure[][];
  missed: number;
}

export interface SearchOutcome {
  erlang: Evaluation;
  /** The cheapest roster seen that meets every target (undefined if none did within the budget). */
  best: Evaluation | undefined;
  last: Evaluation;
  iterations: number;
}

interface SearchHooks {
  runReplications: ReplicationRunner;
  onProgress: ((progress: StaffingProgress) => void) | undefined;
  onReplication: ((done: number, total: number) => void) | undefined;
}

// Erlang-slope corrections before the one-agent search: they make the big moves (callbacks
// and redials can shift a half hour's need by tens of agents); more rarely pay.
const MAX_CORRECTIONS = 6;
// Removals are tried on every third row at once: a row's callers feel its neighbours'
// staffing (they wait into the next half hour, the previous one's backlog reaches them), so
// rows tried together are kept two apart.
const REMOVAL_CLASSES = 3;

/**
 * The search (docs/design-decisions.md, "Staffing by simulation: the search"). Every roster
 * runs on the same replication seeds, so caller i is the same person each time and the search
 * meets the target on one fixed sample instead of chasing noise.
 *
 * 1. Erlang A per row, each row in steady state at its own rate.
 * 2. Corrections: in each row, the simulation behaves like Erlang with some agents more or
 *    less (callbacks, redials, backlog); find that offset where Erlang gives the simulated
 *    figure, and staff Erlang's answer for the target plus the offset (a Newton step with
 *    Erlang's slope), all rows at once, until the roster stops changing.
 * 3. One agent at a time: add one in every row that misses until none does; then try one
 *    fewer in every third row at once, and keep each removal after which the row and its
 *    neighbours still meet the target. A row whose removal failed is not tried again.
 */
export async function searchRosters(
  problem: StaffingProblem,
  model: ErlangModel,
  options: CheckedOptions,
  hooks: SearchHooks,
): Promise<SearchOutcome> {
  let iterations = 0;
  const floorOf = (k: number) => (k === problem.rows - 1 ? 1 : 0); // the last row's agents serve the drain
  const evaluate = async (rosters: Rosters, phase: StaffingProgress['phase']): Promise<Evaluation> => {
    const { reports } = await hooks.runReplications(withRosters(problem, rosters), {
      replications: options.replications,
      seed: options.seed,
      ...(hooks.onReplication ? { onProgress: hooks.onReplication } : {}),
    });
    iterations++;
    const figures = intervalFigures(problem, reports, options.confidence);
    const missed = figures.reduce((sum, rows) => sum + rows.filter((figure) => !figure.met).length, 0);
    hooks.onProgress?.({ iteration: iterations, phase, agentHours: agentHoursOf(problem, rosters), missed });
    return { rosters: copyRosters(rosters), figures, missed };
  };
  const budgetLeft = () => iterations < options.maxIterations;

  const start = model.roster();
  for (const g of problem.staffedGroups) start[g] = start[g]!.map((agents, k) => Math.max(agents, floorOf(k)));
  const erlang = await evaluate(start, 'erlang');
  let current = erlang;
  let best: Evaluation | undefined;
  const remember = (evaluation: Evaluation) => {
    if (evaluation.missed > 0) return;
    if (!best || agentHoursOf(problem, evaluation.rosters) <= agentHoursOf(problem, best.rosters)) best = evaluation;
  };
  remember(erlang);

  const seen = new Set([key(start)]);
  for (let i = 0; i < MAX_CORRECTIONS && budgetLeft(); i++) {
    const next = corrected(problem, model, current, floorOf);
    if (seen.has(key(next))) break;
    seen.add(key(next));
    current = await evaluate(next, 'correct');
    remember(current);
  }

  const tight = problem.resolved.groups.map(() => new Array<boolean>(problem.rows).fill(false));
  const removed = problem.resolved.groups.map(() => new Array<boolean>(problem.rows).fill(false));
  while (budgetLeft()) {
    if (current.missed > 0) {
      const next = copyRosters(current.rosters);
      problem.lines.forEach((line, i) => {
        current.figures[i]!.forEach((figure, k) => {
          if (figure.met) return;
          next[line.group]![k]! += 1;
          if (removed[line.group]![k]) tight[line.group]![k] = true;
        });
      });
      current = await evaluate(next, 'add');
      remember(current);
      continue;
    }
    const rosters = copyRosters(current.rosters);
    let removedAny = false;
    for (let c = 0; c < REMOVAL_CLASSES && budgetLeft(); c++) {
      const candidates = problem.staffedGroups.flatMap((g) =>
        rosters[g]!.flatMap((agents, k) => (k % REMOVAL_CLASSES === c && !tight[g]![k] && !problem.warmupRows[k] && agents > floorOf(k) ? [{ g, k }] : [])),
      );
      if (candidates.length === 0) continue;
      const trial = copyRosters(rosters);
      for (const { g, k } of candidates) trial[g]![k]! -= 1;
      const outcome = await evaluate(trial, 'remove');
      remember(outcome);
      for (const { g, k } of candidates) {
        if (neighboursMeet(problem, outcome, g, k)) {
          rosters[g]![k]! -= 1;
          removed[g]![k] = true;
          removedAny = true;
        } else {
          tight[g]![k] = true;
        }
      }
      if (sameRosters(rosters, outcome.rosters)) current = outcome;
    }
    if (!removedAny) break;
    if (sameRosters(rosters, current.rosters)) continue;
    if (!budgetLeft()) break;
    current = await evaluate(rosters, 'verify');
    remember(current);
  }
  return { erlang, best, last: current, iterations };
}

/** Group g's row k and the rows beside it meet every target of the lines g answers. */
function neighboursMeet(problem: StaffingProblem, evaluation: Evaluation, g: number, k: number): boolean {
  return problem.resolved.lines.every((line, i) => {
    if (!line.routing.some((route) => route.group === g)) return true;
    const rows = evaluation.figures[i]!;
    return [k - 1, k, k + 1].every((row) => rows[row]?.met ?? true);
  });
}

/** One Erlang-slope correction of every staffed row (step 2 of the search). */
function corrected(problem: StaffingProblem, model: ErlangModel, evaluation: Evaluation, floorOf: (k: number) => number): Rosters {
  const next = copyRosters(evaluation.rosters);
  for (const g of problem.staffedGroups) {
    next[g] = evaluation.rosters[g]!.map((agents, k) => {
      let proposal: number | undefined;
      problem.lines.forEach((line, i) => {
        if (line.group !== g) return;
        const figure = evaluation.figures[i]![k]!;
        if (figure.held === 0 || problem.warmupRows[k]) return;
        const cap = 2 * agents + 10;
        const simulatedLike = model.equivalentAgents(g, k, line, goodness(line.target.measure, figure.estimate.mean), cap);
        const needed = model.equivalentAgents(g, k, line, goodness(line.target.measure, line.target.value), cap);
        const wanted = Math.ceil(agents + needed - simulatedLike - 1e-9);
        proposal = Math.max(proposal ?? -Infinity, wanted);
      });
      if (proposal === undefined) return agents;
      // A bounded step: Erlang's slope is a guide, not the simulation's.
      const bounded = Math.min(agents + 2 + Math.ceil(agents / 2), Math.max(agents - 1 - Math.floor(agents / 4), proposal));
      return Math.max(floorOf(k), bounded);
    });
  }
  return next;
}

function key(rosters: Rosters): string {
  return rosters.map((roster) => roster.join(',')).join('|');
}
