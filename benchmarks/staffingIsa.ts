// The iterative staffing algorithm (ISA) of Feldman, Mandelbaum, Massey and Whitt (2008),
// "Staffing of time-varying queues to achieve time-stable performance", as the baseline that
// staffBySimulation (issue 13) is measured against in staffingIsa.bench.ts. Not library API.
//
// The ISA: start from ample staffing; simulate; take the number of callers in the system
// (in service + on hold) at each time under that staffing; staff the next roster at
// s(t) = min { s : P(L(t) ≥ s) ≤ α }; repeat until the roster stops changing. L(t) is taken as
// Poisson with the simulated mean (the ISA paper's own approximation): the reports give the
// time-averaged number busy and on hold per half hour, not its distribution. So "time t" is a
// half hour here, the roster's own step.
//
// α is a delay-probability target; ours is a service level by arrival half hour (80% answered
// within 5 minutes). The mapping is an outer search: the largest α (fewest agents) whose ISA
// roster meets the target in every half hour of its own replications, by bisection over α,
// each ISA started from the roster of the last α tried. Every roster of every α runs on the
// same seeds (common random numbers), as the search's do. An ISA run stops when no half hour
// would move by more than one agent, or a roster comes back, or after `maxIterations`.
import type { Report, Scenario, SingleLineScenario } from '../dist/index.js';

/** Runs a roster's replications: `replicateReports()`, on worker threads or in-process. */
export type ReportsRunner = (scenario: Scenario, options: { replications: number; seed: number }) => Promise<{ reports: Report[] }>;

export interface IsaOptions {
  /** Share of each half hour's callers to answer within the scenario's serviceLevelSeconds. */
  serviceLevel: number;
  replications: number;
  seed: number;
  run: ReportsRunner;
  /** ISA iterations per α before giving up on a fixed point; default 12. */
  maxIterations?: number;
  /** Bisection steps over α after the first bracket; default 6 (α to within 1/128). */
  alphaSteps?: number;
  /**
   * 0: the plain ISA, s ← the ISA's proposal. d in (0, 1): s ← s + (1 − d)(proposal − s),
   * rounded: with patient callers the plain ISA swings (a short half hour's queue doubles its
   * next staffing, which empties the queue, which halves it again) and settles only slowly.
   */
  damping?: number;
}

export interface IsaResult {
  perInterval: number[];
  alpha: number;
  /** Rosters simulated over every α tried (each is `replications` runs). */
  rosters: number;
  alphasTried: number;
  agentHours: number;
  /** Every half hour meets the target on the search's own replications. */
  allMet: boolean;
  reports: Report[];
}

interface Fixed {
  roster: number[];
  reports: Report[];
  met: boolean;
}

/** The ISA roster for the target: the largest α, by bisection, whose fixed point meets it everywhere. */
export async function isaStaffing(scenario: SingleLineScenario, options: IsaOptions): Promise<IsaResult> {
  const { intervalSeconds, perInterval: calls } = scenario.arrivals as { intervalSeconds: number; perInterval: number[] };
  const handleSeconds = (scenario.handleTime as { meanSeconds: number }).meanSeconds;
  const maxIterations = options.maxIterations ?? 12;
  const damping = options.damping ?? 0;
  let rosters = 0;
  let alphasTried = 0;

  // One ISA run at α from a roster: iterate to the fixed point (or a repeat, or the cap).
  const isa = async (alpha: number, from: number[]): Promise<Fixed> => {
    alphasTried++;
    let roster = from;
    const seen = new Set<string>();
    let last: Fixed | undefined;
    for (let i = 0; i < maxIterations; i++) {
      const staffed = { ...scenario, agents: { intervalSeconds, perInterval: roster } };
      const { reports } = await options.run(staffed, { replications: options.replications, seed: options.seed });
      rosters++;
      last = { roster, reports, met: meetsEverywhere(reports, options.serviceLevel) };
      const proposal = inSystem(reports, calls.length).map((mean) => Math.max(1, poissonStaffing(mean, alpha)));
      const next = proposal.map((s, k) => Math.round(roster[k]! + (1 - damping) * (s - roster[k]!)));
      seen.add(roster.join(','));
      // Converged: no half hour moves by more than one agent (or a roster comes back: a cycle).
      if (seen.has(next.join(',')) || next.every((s, k) => Math.abs(s - roster[k]!) <= 1)) break;
      roster = next;
    }
    return last!;
  };

  // Ample staffing: twice the offered load and ten, so that nobody waits and L is the
  // infinite-server number in service, the ISA's start.
  const ample = calls.map((c) => Math.ceil((2 * c * handleSeconds) / intervalSeconds) + 10);
  let alpha = 0.2;
  let current = await isa(alpha, ample);
  let feasible: { alpha: number; fixed: Fixed } | undefined = current.met ? { alpha, fixed: current } : undefined;
  // Bracket: α doubles while it meets, halves while it misses.
  let low = current.met ? alpha : 0;
  let high = current.met ? 1 : alpha;
  while (current.met ? alpha < 0.8 : alpha > 0.0125) {
    const next = current.met ? Math.min(0.95, alpha * 2) : alpha / 2;
    const fixed = await isa(next, current.roster);
    if (fixed.met) {
      feasible = { alpha: next, fixed };
      low = next;
    } else high = next;
    const turned = fixed.met !== current.met;
    alpha = next;
    current = fixed;
    if (turned) break;
  }
  for (let step = 0; step < (options.alphaSteps ?? 6) && high - low > 1 / 128; step++) {
    const middle = (low + high) / 2;
    const fixed = await isa(middle, (feasible?.fixed ?? current).roster);
    if (fixed.met) {
      feasible = { alpha: middle, fixed };
      low = middle;
    } else high = middle;
  }
  const found = feasible ?? { alpha: high, fixed: current };
  return {
    perInterval: found.fixed.roster,
    alpha: found.alpha,
    rosters,
    alphasTried,
    agentHours: (found.fixed.roster.reduce((sum, agents) => sum + agents, 0) * intervalSeconds) / 3600,
    allMet: found.fixed.met,
    reports: found.fixed.reports,
  };
}

/** Mean callers in the system (busy agents + on hold, time-averaged) per half hour, over the replications. */
function inSystem(reports: readonly Report[], rows: number): number[] {
  return Array.from({ length: rows }, (_, k) => {
    let sum = 0;
    for (const report of reports) sum += report.intervals[k]!.busyAgents + report.intervals[k]!.meanQueueLength;
    return sum / reports.length;
  });
}

/** min { s : P(N ≥ s) ≤ α } for N Poisson with the given mean (weights from the mode, no underflow). */
export function poissonStaffing(mean: number, alpha: number): number {
  if (mean <= 0) return 0;
  const mode = Math.floor(mean);
  const reach = Math.ceil(12 * Math.sqrt(mean) + 12);
  const from = Math.max(0, mode - reach);
  const to = mode + reach;
  const weights = new Array<number>(to - from + 1);
  weights[mode - from] = 1;
  for (let j = mode + 1; j <= to; j++) weights[j - from] = (weights[j - 1 - from]! * mean) / j;
  for (let j = mode - 1; j >= from; j--) weights[j - from] = (weights[j + 1 - from]! * (j + 1)) / mean;
  const total = weights.reduce((sum, w) => sum + w, 0);
  // P(N ≥ s) = 1 − P(N ≤ s − 1): the smallest s whose upper tail is at most α.
  let below = 0;
  for (let s = from; s <= to; s++) {
    if (1 - below / total <= alpha) return s;
    below += weights[s - from]!;
  }
  return to + 1;
}

/** A half hour's service level pooled over the replications (callers who held), with its standard error. */
export function pooledServiceLevel(reports: readonly Report[], k: number): { mean: number; standardError: number; held: number } {
  const parts = reports.map((report) => {
    const row = Object.values(report.lines)[0]!.intervals[k]!;
    const held = row.answered + row.abandoned + row.balked;
    return { x: Math.round(row.serviceLevel * held), y: held };
  });
  const n = parts.length;
  const sumX = parts.reduce((s, p) => s + p.x, 0);
  const sumY = parts.reduce((s, p) => s + p.y, 0);
  if (sumY === 0) return { mean: 1, standardError: 0, held: 0 };
  const mean = sumX / sumY;
  const squares = parts.reduce((s, p) => s + (p.x - mean * p.y) ** 2, 0);
  return { mean, standardError: Math.sqrt(squares / (n - 1)) / (sumY / n) / Math.sqrt(n), held: sumY };
}

function meetsEverywhere(reports: readonly Report[], target: number): boolean {
  const rows = Object.values(reports[0]!.lines)[0]!.intervals.length;
  for (let k = 0; k < rows; k++) if (pooledServiceLevel(reports, k).mean < target) return false;
  return true;
}
