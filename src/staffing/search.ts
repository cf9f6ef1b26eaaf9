import { yieldToHost } from '../engine';
import { replicateReports } from '../experiment';
import type { ErlangModel } from './erlangModel';
import { goodness } from './erlangModel';
import { neighboursMeet, type Evaluation } from './evaluation';
import { intervalFigures } from './intervalFigures';
import { tradeAcrossGroups } from './trades';
import type { CheckedOptions } from './options';
import { agentHoursOf, copyRosters, sameRosters, withRosters, type Rosters, type StaffingProblem } from './problem';
import type { StaffingProgress } from './types';

export interface SearchOutcome {
  erlang: Evaluation;
  /** The cheapest roster seen that meets every target (undefined if none did within the budget). */
  best: Evaluation | undefined;
  last: Evaluation;
  iterations: number;
}

interface SearchHooks {
  signal: AbortSignal | undefined;
  onProgress: ((progress: StaffingProgress) => void) | undefined;
  onReplication: ((done: number, total: number) => void) | undefined;
}

// Corrections before the step search: they make the big moves (callbacks, redials and backlog
// can shift a half hour's need by tens or hundreds of agents). They stop when no row moves by
// more than one agent, when they repeat a roster, or after three that bring nothing better.
const MAX_CORRECTIONS = 16;
// Removals are tried on every third row at once: a row's callers feel its neighbours'
// staffing (they wait into the next half hour, the previous one's backlog reaches them), so
// rows tried together are kept two apart.
const REMOVAL_CLASSES = 3;

/**
 * The search (docs/design-decisions.md, "Staffing by simulation"). Every roster runs on the
 * same replication seeds, so caller i is the same person each time and the search meets the
 * target on one fixed sample instead of chasing noise.
 *
 * 1. Erlang A per row, each row in steady state at its own rate (the roster reported beside
 *    the answer). The start: Erlang for each row's lagged load (the callers an unlimited
 *    center would be serving during it, from empty: erlangModel.ts `lagged`), with Erlang C
 *    where callers are more patient than a row is long.
 * 2. Corrections of the rows that miss: the first with Erlang's slope (the simulation behaves
 *    like Erlang with an offset of agents), the next with the simulation's own (a secant).
 * 3. Rounds: the rows that miss are raised until none does (by the secant towards the level
 *    where they met before the removals, else as the corrections raise them); then a step
 *    fewer in every third row at once, kept where the row and its neighbours still meet their
 *    targets, the step halving on failure down to one agent. A round that finds no cheaper
 *    roster meeting every target ends the search; the cheapest such roster is the answer.
 * 4. Trades between groups (trades.ts): where a line overflows to another staffed group, one
 *    agent more there and fewer elsewhere, kept when cheaper and meeting every target.
 */
export async function searchRosters(
  problem: StaffingProblem,
  erlangA: ErlangModel,
  model: ErlangModel,
  options: CheckedOptions,
  hooks: SearchHooks,
): Promise<SearchOutcome> {
  let iterations = 0;
  const floorOf = (k: number) => (k === problem.rows - 1 ? 1 : 0); // the last row's agents serve the drain
  const { signal } = hooks;
  const evaluate = async (rosters: Rosters, phase: StaffingProgress['phase']): Promise<Evaluation> => {
    // The host's turn between rosters: its timers and signal handlers run (a runner that
    // answers at once would otherwise hold the event loop for the whole search), and an abort
    // stops the search here or at the end of the replication under way.
    await yieldToHost();
    signal?.throwIfAborted();
    const { reports } = await replicateReports(withRosters(problem, rosters), {
      replications: options.replications,
      seed: options.seed,
      runner: options.runner,
      ...(signal ? { signal } : {}),
      ...(hooks.onReplication ? { onProgress: hooks.onReplication } : {}),
    });
    signal?.throwIfAborted();
    iterations++;
    const figures = intervalFigures(problem, reports, options.confidence, options.metOn === 'bound');
    const missed = figures.reduce((sum, rows) => sum + rows.filter((figure) => !figure.met).length, 0);
    hooks.onProgress?.({ iteration: iterations, phase, agentHours: agentHoursOf(problem, rosters), missed });
    return { rosters: copyRosters(rosters), figures, missed };
  };
  const budgetLeft = () => iterations < options.maxIterations;

  const atLeastFloor = (rosters: Rosters) => {
    for (const g of problem.staffedGroups) rosters[g] = rosters[g]!.map((agents, k) => Math.max(agents, floorOf(k)));
    return rosters;
  };
  const erlangRoster = atLeastFloor(erlangA.roster());
  const erlang = await evaluate(erlangRoster, 'erlang');
  let best: Evaluation | undefined;
  const remember = (evaluation: Evaluation) => {
    if (evaluation.missed > 0) return;
    if (!best || agentHoursOf(problem, evaluation.rosters) <= agentHoursOf(problem, best.rosters)) best = evaluation;
  };
  remember(erlang);
  // The start: Erlang for the lagged load (Erlang C where callers are more patient than a row is long).
  const start = atLeastFloor(model.roster());
  let current: Evaluation = sameRosters(start, erlangRoster) || !budgetLeft() ? erlang : await evaluate(start, 'erlang');
  remember(current);

  // Step 2: corrections, until they stop paying (the simulation's figures are noisy and rows
  // interact, so they can circle); the one-agent search starts from the best roster they saw:
  // the fewest rows short, then the fewest agent-hours.
  const seen = new Set([key(erlangRoster), key(start)]);
  let previous: Evaluation | undefined;
  let startOfSearch = current;
  const better = (a: Evaluation, b: Evaluation) =>
    a.missed < b.missed || (a.missed === b.missed && agentHoursOf(problem, a.rosters) < agentHoursOf(problem, b.rosters));
  for (let i = 0, stale = 0; i < MAX_CORRECTIONS && stale < 3 && budgetLeft(); i++) {
    const next = corrected(problem, model, current, previous, floorOf);
    if (seen.has(key(next))) break;
    seen.add(key(next));
    const small = largestMove(current.rosters, next) <= 1;
    previous = current;
    current = await evaluate(next, 'correct');
    remember(current);
    if (better(current, startOfSearch)) {
      startOfSearch = current;
      stale = 0;
    } else stale++;
    if (small) break;
  }
  current = startOfSearch;

  // Step 3, in rounds: rows short are raised until none is; then every row tries a step fewer,
  // halving its step each time that fails, down to one agent.
  // The first step down is half what Erlang's slope says the row could spare, or 5% of its
  // agents where its whole confidence interval clears the target (Erlang's slope can be far
  // off there, at 100% answered in time), and at least one agent.
  const spare = corrected(problem, model, current, undefined, floorOf, false);
  const clears = (g: number, k: number) =>
    problem.lines.every((line, i) => {
      if (line.group !== g) return true;
      const { estimate } = current.figures[i]![k]!;
      return line.target.measure === 'serviceLevel' ? estimate.low > line.target.value : estimate.high < line.target.value;
    });
  const stride = problem.resolved.groups.map((_, g) =>
    current.rosters[g]!.map((agents, k) =>
      problem.warmupRows[k] ? 0 : Math.max(1, Math.floor((agents - spare[g]![k]!) / 2), clears(g, k) ? Math.floor(agents / 20) : 0),
    ),
  );
  const removed = problem.resolved.groups.map(() => new Array<boolean>(problem.rows).fill(false));
  // A round of removals (and the raises after it) that finds no cheaper roster meeting every
  // target ends the search; so does one that saves under `minRoundSaving` of the agent-hours
  // (on a large center the last agents' worth is below what the replications can tell apart).
  // (A round whose steps all failed removed nothing: the halved steps go on.)
  let bestAtRound = Infinity;
  let roundRemoved = false;
  let lastMet: Evaluation | undefined;
  let beforeRaise: Evaluation | undefined;
  while (budgetLeft()) {
    if (current.missed > 0) {
      // Rows short are raised: by the secant towards the level where they met before the
      // removals, or (rows the others' backlog made miss) as the corrections raise them.
      const proposal = corrected(problem, model, current, beforeRaise, floorOf);
      const next = copyRosters(current.rosters);
      const short = new Set<string>();
      problem.lines.forEach((line, i) => {
        current.figures[i]!.forEach((figure, k) => {
          if (figure.met || short.has(`${line.group}@${k}`)) return;
          short.add(`${line.group}@${k}`);
          next[line.group]![k] = raisedLevel(problem, current, lastMet, proposal, line.group, k);
          // A row that went down and must go up again has found its level.
          if (removed[line.group]![k]) stride[line.group]![k] = 0;
        });
      });
      beforeRaise = current;
      current = await evaluate(next, 'add');
      remember(current);
      continue;
    }
    beforeRaise = undefined;
    lastMet = current;
    const bestNow = best ? agentHoursOf(problem, best.rosters) : Infinity;
    if (roundRemoved && (bestNow >= bestAtRound || bestNow > bestAtRound * (1 - options.minRoundSaving))) break;
    bestAtRound = bestNow;
    roundRemoved = false;
    const rosters = copyRosters(current.rosters);
    // Every pass of this loop simulates a roster or ends the search: a round tries only rows
    // that can step (a stride left and agents above the floor), and with none there is nothing
    // left to try.
    const steps = problem.staffedGroups.flatMap((g) =>
      rosters[g]!.flatMap((agents, k) => {
        const by = Math.min(stride[g]![k]!, agents - floorOf(k));
        return by > 0 ? [{ g, k, by }] : [];
      }),
    );
    if (steps.length === 0) break;
    for (let c = 0; c < REMOVAL_CLASSES && budgetLeft(); c++) {
      const candidates = steps.filter(({ k }) => k % REMOVAL_CLASSES === c);
      if (candidates.length === 0) continue;
      const trial = copyRosters(rosters);
      for (const { g, k, by } of candidates) trial[g]![k]! -= by;
      const outcome = await evaluate(trial, 'remove');
      remember(outcome);
      for (const { g, k, by } of candidates) {
        if (neighboursMeet(problem, outcome, g, k)) {
          rosters[g]![k]! -= by;
          removed[g]![k] = true;
          roundRemoved = true;
        } else {
          stride[g]![k] = by > 1 ? Math.floor(by / 2) : 0;
        }
      }
      if (sameRosters(rosters, outcome.rosters)) current = outcome;
    }
    if (sameRosters(rosters, current.rosters)) continue;
    if (!budgetLeft()) break;
    current = await evaluate(rosters, 'verify');
    remember(current);
  }
  // Step 4: trades between groups, where a line overflows from one staffed group to another.
  if (best) best = await tradeAcrossGroups(problem, best, { evaluate, budgetLeft, floorOf });
  return { erlang, best, last: current, iterations };
}

/**
 * The level of a row that misses, raised: where it met at a higher level before the last
 * removals, the secant's crossing of its target between the two (rounded up, as the row must
 * meet; the removals beside it make that an estimate from below, so a next raise finishes);
 * otherwise (a row the backlog of others made miss) the corrections' proposal. At least one agent.
 */
function raisedLevel(problem: StaffingProblem, now: Evaluation, met: Evaluation | undefined, proposal: Rosters, g: number, k: number): number {
  const level = now.rosters[g]![k]!;
  const corrected = Math.max(level + 1, proposal[g]![k]!);
  const then = met?.rosters[g]![k];
  if (!met || then === undefined || then <= level) return corrected;
  const margin = ownMargin(problem, now, g, k);
  const thenMargin = ownMargin(problem, met, g, k);
  if (!(Number.isFinite(thenMargin) && thenMargin > margin)) return corrected;
  const crossing = Math.ceil(level + ((then - level) * -margin) / (thenMargin - margin) - 1e-9);
  return Math.min(then, Math.max(level + 1, crossing));
}

/** The row's margin over its target, higher is better: the tightest of the lines whose target drives group g. */
function ownMargin(problem: StaffingProblem, evaluation: Evaluation, g: number, k: number): number {
  let margin = Infinity;
  problem.lines.forEach((line, i) => {
    if (line.group !== g) return;
    const figure = evaluation.figures[i]![k]!;
    if (figure.held > 0) margin = Math.min(margin, goodness(line.target.measure, figure.judged) - goodness(line.target.measure, line.target.value));
  });
  return margin;
}

/**
 * One correction of every staffed row (step 2 of the search). The first uses Erlang's slope: the
 * simulation behaves like Erlang with some agents more or less, and Erlang's answer for the
 * target plus that offset is the proposal. Later ones use the simulation's own slope where the
 * row's agents changed (a secant step): with patient callers a half hour's figure moves far
 * more slowly in agents than Erlang's steady state says. A row stuck at 0% or 100% doubles its
 * last step. Steps are bounded, so that rows that spoil each other (backlog) settle.
 */
function corrected(
  problem: StaffingProblem,
  model: ErlangModel,
  evaluation: Evaluation,
  previous: Evaluation | undefined,
  floorOf: (k: number) => number,
  upOnly = true,
): Rosters {
  const next = copyRosters(evaluation.rosters);
  for (const g of problem.staffedGroups) {
    next[g] = evaluation.rosters[g]!.map((agents, k) => {
      if (upOnly && !problem.lines.some((line, i) => line.group === g && !evaluation.figures[i]![k]!.met)) return agents;
      let proposal: number | undefined;
      const before = previous?.rosters[g]![k];
      problem.lines.forEach((line, i) => {
        if (line.group !== g) return;
        const figure = evaluation.figures[i]![k]!;
        if (figure.held === 0 || problem.warmupRows[k]) return;
        const { measure } = line.target;
        const now = goodness(measure, figure.judged);
        const wantedValue = goodness(measure, line.target.value);
        let wanted: number | undefined;
        if (previous && before !== undefined && before !== agents && previous.figures[i]![k]!.held > 0) {
          const then = goodness(measure, previous.figures[i]![k]!.judged);
          const slope = (now - then) / (agents - before);
          if (slope > 1e-9) wanted = Math.ceil(agents + (wantedValue - now) / slope - 1e-9);
          else if (now < wantedValue && agents > before) wanted = agents + 2 * (agents - before);
          else if (now >= wantedValue && agents < before) wanted = agents - 2 * (before - agents);
        }
        if (wanted === undefined) {
          const cap = 2 * agents + 10;
          const simulatedLike = model.equivalentAgents(g, k, line, now, cap);
          const needed = model.equivalentAgents(g, k, line, wantedValue, cap);
          wanted = Math.ceil(agents + needed - simulatedLike - 1e-9);
        }
        proposal = Math.max(proposal ?? -Infinity, wanted);
      });
      if (proposal === undefined) return agents;
      const bounded = Math.min(agents + 2 + Math.ceil(agents / 2), Math.max(agents - 1 - Math.floor(agents / 4), proposal));
      return Math.max(floorOf(k), bounded);
    });
  }
  return next;
}

function largestMove(from: Rosters, to: Rosters): number {
  return Math.max(0, ...from.flatMap((roster, g) => roster.map((agents, k) => Math.abs(agents - to[g]![k]!))));
}

function key(rosters: Rosters): string {
  return rosters.map((roster) => roster.join(',')).join('|');
}
