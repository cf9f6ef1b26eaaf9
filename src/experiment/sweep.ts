import { replicationSeed } from '../random';
import { resolveScenario, type Scenario } from '../scenario';
import { summarizePairs, type Comparison } from './compare';
import type { Estimate, ReportSummary } from './estimate';
import { checkReplicationOptions, type CheckedReplicationOptions, type ReplicationOptions } from './options';
import type { ComparedPair } from './pair';
import type { ReplicationJob } from './replication';
import { runCompareJobs } from './runner';
import { sweepCells, type SweepCell, type SweepValue, type SweepVary } from './sweepGrid';

/** Options of `sweep()`. */
export interface SweepOptions extends ReplicationOptions {
  /**
   * Dotted paths into the scenario, each with the values to try: `callback.optIn.probability`,
   * `lines.<name>.callback.offer.whenEstimatedWaitAtLeastSeconds` (or `lines[0]...`), and a
   * roster scale factor `agents.scale` (every group's roster in a multi-line scenario) or
   * `groups.<name>.agents.scale`. A path past the scenario's fields creates them, and
   * validation says what else they need.
   */
  vary: SweepVary;
  /** What every cell is compared with; default: the unchanged scenario. */
  baseline?: Scenario;
  /** Called after each replication of each cell (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

/** One cell of a sweep as a tidy row: the varied values, then the cell's figures against the baseline. */
export interface SweepRow {
  /** Index in the grid: the first varied path changes slowest. */
  cell: number;
  /** Each varied path with its value in this cell. */
  settings: Record<string, SweepValue>;
  /** Hold hours saved against the baseline (positive: less hold), paired replication by replication. */
  netHoldHours: Estimate;
  directHoldHours: Estimate;
  indirectHoldHours: Estimate;
  /** The cell's own figures. */
  totalHoldHours: Estimate;
  meanHoldSeconds: Estimate;
  abandonment: Estimate;
  serviceLevel: Estimate;
  occupancy: Estimate;
  callbacksOffered: Estimate;
  callbacksAccepted: Estimate;
  callbacksConnected: Estimate;
  /** Paired differences, cell − baseline. */
  abandonmentChange: Estimate;
  serviceLevelChange: Estimate;
}

/** What `sweep()` resolves to. */
export interface Sweep {
  replications: number;
  /** The varied paths and their values, in the order given. */
  vary: Array<{ path: string; values: SweepValue[] }>;
  /** The scenario every cell was compared with, summarized. */
  baseline: ReportSummary;
  /** One row per combination, in grid order. */
  rows: SweepRow[];
  /** Each cell's whole comparison, replications included, in grid order. */
  cells: Comparison[];
}

/** A sweep ready to run: its cells, and the comparisons every replication runs. */
interface SweepPlan {
  cells: SweepCell[];
  vary: Sweep['vary'];
  options: CheckedReplicationOptions;
  /** Cell by cell, replication by replication: both arms on replication k's seed. */
  jobs: ReplicationJob[];
}

/**
 * Runs every combination of the varied values, each compared with the unchanged scenario on
 * common random numbers (`compare()`, cell by cell, with the same replication seeds in every
 * cell, so that neighbouring cells differ by the change, not by luck), and returns one tidy
 * row per combination. Bad paths and values are reported all at once, before anything runs.
 *
 * @example
 * const { rows } = await sweep(scenario, {
 *   vary: { 'callback.optIn.probability': [0.1, 0.2, 0.3], 'agents.scale': [0.9, 1, 1.1] },
 *   replications: 10,
 * });
 * rows.map((r) => [r.settings, r.netHoldHours.mean]);
 */
export async function sweep(scenario: Scenario, options: SweepOptions): Promise<Sweep> {
  const plan = planSweep(scenario, options);
  const { runner, signal } = plan.options;
  return assembleSweep(plan, await runCompareJobs('sweep', plan.jobs, { runner, onProgress: options.onProgress, signal }));
}

/** Checks a sweep (scenario, options, every path and value) and lays out its replications. */
function planSweep(scenario: Scenario, options: SweepOptions): SweepPlan {
  const baselineResolved = resolveScenario(options?.baseline ?? scenario);
  const baseline = baselineResolved.written;
  if (options?.baseline) resolveScenario(scenario);
  const checked = checkReplicationOptions('sweep', options, baselineResolved.seed);
  const cells = sweepCells(scenario, options.vary);
  const vary = Object.entries(options.vary).map(([path, values]) => ({ path, values: [...values] }));
  // Replication k of every cell has the same seed: common random numbers across cells.
  const seeds = Array.from({ length: checked.replications }, (_, k) => replicationSeed(checked.seed, k));
  const jobs = cells.flatMap((cell) => {
    const variant = resolveScenario(cell.scenario).written;
    return seeds.map((seed) => ({ kind: 'compare' as const, baseline, variant, seed }));
  });
  return { cells, vary, options: checked, jobs };
}

/** The sweep's rows from its pairs, in the plan's order. */
function assembleSweep(plan: SweepPlan, pairs: readonly ComparedPair[]): Sweep {
  const { replications, confidence } = plan.options;
  const cells = plan.cells.map((_, c) => summarizePairs(pairs.slice(c * replications, (c + 1) * replications), confidence));
  const rows = cells.map((comparison, c): SweepRow => {
    const { variant, difference, savings } = comparison;
    return {
      cell: plan.cells[c]!.cell,
      settings: plan.cells[c]!.settings,
      netHoldHours: savings.netHoldHours,
      directHoldHours: savings.directHoldHours,
      indirectHoldHours: savings.indirectHoldHours,
      totalHoldHours: variant.hold.totalHoldHours,
      meanHoldSeconds: variant.hold.meanSeconds,
      abandonment: variant.abandonment.fraction,
      serviceLevel: variant.serviceLevel.fraction,
      occupancy: variant.agents.occupancy,
      callbacksOffered: variant.callback.offered,
      callbacksAccepted: variant.callback.accepted,
      callbacksConnected: variant.callback.connected,
      abandonmentChange: difference.abandonment.fraction,
      serviceLevelChange: difference.serviceLevel.fraction,
    };
  });
  return { replications, vary: plan.vary, baseline: cells[0]!.baseline, rows, cells };
}
