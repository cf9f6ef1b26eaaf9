import { replicateReports, runnerProblems, studentTCritical, type ReplicationRunner } from '../experiment';
import type { LineIntervalRow } from '../metrics';
import { resolveScenario, scenarioClock, type Scenario } from '../scenario';
import { CalibrationError } from './errors';
import { openIntervals } from './fitScenario';
import { ObservedDays, type ObservedInterval } from './observedDays';
import type { CallRecord } from './records';

/** The figures a backtest sets beside the records, interval by interval. */
export const BACKTEST_MEASURES = ['calls', 'answered', 'abandoned', 'meanWaitSeconds', 'serviceLevel', 'abandonment'] as const;
export type BacktestMeasure = (typeof BACKTEST_MEASURES)[number];

/** Options of `backtest`. */
export interface BacktestOptions {
  /** Simulated days, at least 2; default 40. */
  replications?: number;
  seed?: number;
  /**
   * The time of day the scenario's time 0 stands for (seconds after midnight); default: the
   * scenario's `opensAt`, else the records' first interval with calls, as `fitScenario` takes it.
   */
  openAtSeconds?: number;
  /** Where the simulated days run, as `replicate()` takes it; default `inProcess()`. */
  runner?: ReplicationRunner;
}

/** One measure of one interval of one line: observed beside simulated (tidy). */
export interface BacktestRow {
  line: string;
  /** Seconds from the scenario's start. */
  intervalStart: number;
  measure: BacktestMeasure;
  /** Mean over the records' days. */
  observed: number;
  /** Mean over the simulated days. */
  simulated: number;
  /** The 95% band of what the mean of that many days would be if the scenario were the center. */
  low: number;
  high: number;
  inside: boolean;
}

/** What `backtest` resolves to. */
export interface Backtest {
  days: number;
  replications: number;
  openAtSeconds: number;
  rows: BacktestRow[];
  /** Per measure, the share of intervals (all lines) whose observation lies inside its band. */
  score: Record<BacktestMeasure, number>;
  /** Over every row. */
  overallScore: number;
}

/**
 * Simulates a scenario and sets it beside the records it should explain (DESIGN.md,
 * "Calibration"): per line and interval, the calls, answered, abandoned (balked included), mean
 * wait and service level observed (means over the records' days) beside the simulated mean and a
 * 95% band, and the calibration score, the share of observations inside their band. The band is
 * for a mean over as many days as the records hold, so it narrows with more data: it is
 * `simulated ± t · sd · √(1/days + 1/replications)` (the observed mean and the simulated one each
 * carry their own sampling error).
 *
 * @example
 * const { score } = await backtest(fitted.scenario, records, { replications: 40 });
 * score.meanWaitSeconds; // 0.94: the share of intervals whose mean wait lies in the band
 */
export async function backtest(scenario: Scenario, records: Iterable<CallRecord> | AsyncIterable<CallRecord>, options: BacktestOptions = {}): Promise<Backtest> {
  const resolved = resolveScenario(scenario);
  const intervalSeconds = resolved.reportIntervalSeconds;
  const lineNames = resolved.lines.map((line) => line.name);
  const serviceLevel = new Map(resolved.lines.map((line) => [line.name, line.serviceLevelSeconds]));
  const observed = new ObservedDays(intervalSeconds, (line) => serviceLevel.get(line) ?? resolved.serviceLevelSeconds);
  if (Symbol.asyncIterator in records) for await (const record of records) observed.add(record);
  else for (const record of records) observed.add(record);

  // A single-line scenario's line is `main` whatever the records call it.
  const recordLines = [...observed.byLine.keys()];
  const lineOf = (name: string) => (resolved.multiLine ? name : recordLines[0]!);
  const problems: string[] = [];
  if (observed.days.size === 0) problems.push('no call records to backtest against');
  if (!resolved.multiLine && recordLines.length > 1) problems.push(`the records have ${recordLines.length} lines (${recordLines.join(', ')}) and the scenario one`);
  if (resolved.multiLine) for (const name of recordLines) if (!lineNames.includes(name)) problems.push(`the records' line "${name}" is not in the scenario`);
  const replications = options.replications ?? 40;
  if (!(Number.isInteger(replications) && replications >= 2)) problems.push(`replications must be an integer >= 2, got ${String(replications)}`);
  for (const p of runnerProblems(options.runner, undefined)) problems.push(`${p.path} must be ${p.expected}, got ${String(p.received)}`);
  if (problems.length > 0) throw new CalibrationError(problems);

  const days = observed.days.size;
  const openAt = options.openAtSeconds ?? scenarioClock(scenario)?.opensAtSeconds;
  const first = openAt === undefined ? openIntervals(observed.callsByInterval(), days).first : Math.floor(openAt / intervalSeconds);
  const simulated = await replicateReports(scenario, { replications, ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.runner ? { runner: options.runner } : {}) });
  const t = studentTCritical(0.95, replications - 1);
  const spread = Math.sqrt(1 / days + 1 / replications);

  const rows: BacktestRow[] = [];
  for (const line of lineNames) {
    const perReplication = simulated.reports.map((report) => report.lines[line]!.intervals);
    const slots = perReplication[0]!.length;
    for (let k = 0; k < slots; k++) {
      const days = observed.interval(lineOf(line), first + k);
      const sims = perReplication.map((rows) => simulatedFigures(rows[k]!));
      for (const measure of BACKTEST_MEASURES) {
        const obs = mean(days.map((d) => d[measure]));
        const values = sims.map((s) => s[measure]);
        const m = mean(values);
        const half = t * sd(values, m) * spread;
        // Every measure is a count, a duration or a fraction: the band stays where they can be.
        const fraction = measure === 'serviceLevel' || measure === 'abandonment';
        const [low, high] = [Math.max(0, m - half), fraction ? Math.min(1, m + half) : m + half];
        rows.push({ line, intervalStart: perReplication[0]![k]!.intervalStart, measure, observed: obs, simulated: m, low, high, inside: obs >= low - 1e-9 && obs <= high + 1e-9 });
      }
    }
  }
  const share = (subset: BacktestRow[]) => (subset.length === 0 ? 0 : subset.filter((row) => row.inside).length / subset.length);
  const score = Object.fromEntries(BACKTEST_MEASURES.map((measure) => [measure, share(rows.filter((row) => row.measure === measure))])) as Record<BacktestMeasure, number>;
  return { days, replications, openAtSeconds: first * intervalSeconds, rows, score, overallScore: share(rows) };
}

function simulatedFigures(row: LineIntervalRow): ObservedInterval {
  const held = row.answered + row.abandoned + row.balked;
  return {
    calls: row.arrivals,
    answered: row.answered,
    abandoned: row.abandoned + row.balked,
    meanWaitSeconds: row.meanHoldSeconds,
    serviceLevel: row.serviceLevel,
    abandonment: held === 0 ? 0 : (row.abandoned + row.balked) / held,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, x) => s + x, 0) / values.length;
}

function sd(values: readonly number[], m: number): number {
  return Math.sqrt(values.reduce((s, x) => s + (x - m) ** 2, 0) / (values.length - 1));
}
