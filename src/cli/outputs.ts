import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Comparison, Replicated, ReportSummary, Summary } from '../experiment';
import type { GroupIntervalRow, IntervalRow, LineIntervalRow } from '../metrics';
import { toCsv } from '../node/csv';
import { renderHtmlReport } from '../node/htmlReport';
import { renderSummaryHtml } from '../node/summaryHtml';
import { clockTime, scenarioClock, type ResolvedScenario, type ScenarioClock } from '../scenario';

/** Where the CLI writes what a planner hands on. */
export interface OutputOptions {
  out?: string;
  csv?: string;
  json?: string | boolean;
  summary?: string;
  title?: string;
}

/** What `run` and `compare` hand on, their scenarios resolved (each validated once, on reading). */
export type Result =
  | { kind: 'run'; title: string; scenario: ResolvedScenario; replicated: Replicated }
  | { kind: 'compare'; title: string; baseline: ResolvedScenario; variant: ResolvedScenario; comparison: Comparison };

/** Writes the HTML report, the CSV rows and the JSON document asked for; returns what was written. */
export async function writeOutputs(result: Result, options: OutputOptions): Promise<string[]> {
  const written: string[] = [];
  if (options.out) {
    await writeFile(options.out, await renderHtmlReport(result));
    written.push(options.out);
  }
  if (options.summary) {
    await writeFile(options.summary, await renderSummaryHtml(result));
    written.push(options.summary);
  }
  if (options.csv) {
    await writeFile(options.csv, toCsv(csvRows(result)));
    written.push(options.csv);
    if (multiLine(result)) {
      for (const [scope, rows] of [['lines', lineCsvRows(result)], ['groups', groupCsvRows(result)]] as const) {
        const file = siblingFile(options.csv, scope);
        await writeFile(file, toCsv(rows));
        written.push(file);
      }
    }
  }
  if (typeof options.json === 'string') {
    await writeFile(options.json, jsonDocument(result));
    written.push(options.json);
  }
  return written;
}

/** The result as a JSON document: the scenario(s) as written and every estimate, replications included. */
export function jsonDocument(result: Result): string {
  const document =
    result.kind === 'run'
      ? { title: result.title, scenario: result.scenario.written, replicated: result.replicated }
      : { title: result.title, baseline: result.baseline.written, variant: result.variant.written, comparison: result.comparison };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * One row per interval (per arm when comparing): each figure's mean, and its interval clipped to
 * what the figure can be (`RANGES`) and rounded to what it means (`csvFigure`); the JSON
 * document keeps the raw values.
 */
export function csvRows(result: Result): Array<Record<string, unknown>> {
  // A season's rows are its days (its intervals, every day's, are in the JSON document).
  const days = (summary: ReportSummary) => (summary as { days?: object[] }).days;
  if (result.kind === 'run' && days(result.replicated.summary)) return days(result.replicated.summary)!.map((row) => flatten(row));
  if (result.kind === 'compare' && days(result.comparison.baseline)) {
    return [
      ...days(result.comparison.baseline)!.map((row) => ({ arm: 'baseline', ...flatten(row) })),
      ...days(result.comparison.variant)!.map((row) => ({ arm: 'variant', ...flatten(row) })),
    ];
  }
  const clock = clockOf(result);
  if (result.kind === 'run') return result.replicated.summary.intervals.map((row) => flatten(row, clock));
  return [
    ...result.comparison.baseline.intervals.map((row) => ({ arm: 'baseline', ...flatten(row, clock) })),
    ...result.comparison.variant.intervals.map((row) => ({ arm: 'variant', ...flatten(row, clock) })),
  ];
}

/** The clock the rows speak: the scenario's (the baseline's when comparing), if it says when it opens. */
function clockOf(result: Result): ScenarioClock | undefined {
  return scenarioClock((result.kind === 'run' ? result.scenario : result.baseline).written);
}

const multiLine = (result: Result) => (result.kind === 'run' ? result.scenario.multiLine : result.baseline.multiLine || result.variant.multiLine);

/**
 * Where the line and group rows of a multi-line center go, beside the totals' file:
 * `intervals.csv` → `intervals.lines.csv` and `intervals.groups.csv`.
 */
export function siblingFile(file: string, scope: 'lines' | 'groups'): string {
  const extension = extname(file);
  return join(dirname(file), `${basename(file, extension)}.${scope}${extension || '.csv'}`);
}

/** The arms of a result, each with its summary (one unnamed arm for a run). */
function arms(result: Result): Array<{ arm?: 'baseline' | 'variant'; summary: ReportSummary }> {
  return result.kind === 'run'
    ? [{ summary: result.replicated.summary }]
    : [
        { arm: 'baseline', summary: result.comparison.baseline },
        { arm: 'variant', summary: result.comparison.variant },
      ];
}

/** One row per line and interval (per arm when comparing), the `line` column first: the rows of `csvRows`, line by line. */
export function lineCsvRows(result: Result): Array<Record<string, unknown>> {
  const clock = clockOf(result);
  return arms(result).flatMap(({ arm, summary }) =>
    Object.values(summary.lines).flatMap((line) =>
      line.intervals.map(({ line: name, ...row }: Summary<LineIntervalRow>) => ({ ...(arm ? { arm } : {}), line: name, ...flatten(row, clock) })),
    ),
  );
}

/** One row per agent group and interval (per arm when comparing), the `group` column first: agents scheduled, on duty, busy and occupancy. */
export function groupCsvRows(result: Result): Array<Record<string, unknown>> {
  const clock = clockOf(result);
  return arms(result).flatMap(({ arm, summary }) =>
    Object.values(summary.groups).flatMap((group) =>
      group.intervals.map(({ group: name, ...row }: Summary<GroupIntervalRow>) => ({ ...(arm ? { arm } : {}), group: name, ...flatten(row, clock) })),
    ),
  );
}

/**
 * A row's figures as CSV columns. With a clock, the interval's bounds are clock times (or local
 * date-times) and their seconds from opening follow in columns of their own.
 */
function flatten(row: object, clock?: ScenarioClock): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (clock && (field === 'intervalStart' || field === 'intervalEnd') && typeof value === 'number') {
      out[field] = clockTime(clock, value);
      if (field === 'intervalEnd') {
        out.intervalStartSeconds = (row as { intervalStart: number }).intervalStart;
        out.intervalEndSeconds = value;
      }
    } else if (typeof value === 'object' && value !== null && 'mean' in value) {
      const decimals = DECIMALS[field];
      const e = value as { mean: number; low: number; high: number };
      const [low, high] = clippedBounds(e, RANGES[field] ?? AT_LEAST_ZERO);
      out[field] = csvFigure(e.mean, decimals);
      out[`${field}Low`] = csvFigure(low, decimals);
      out[`${field}High`] = csvFigure(high, decimals);
    } else {
      // Labels (interval bounds, the warm-up flag) name the row: bounds to the millisecond.
      out[field] = typeof value === 'number' && !Number.isInteger(value) ? csvFigure(value, 3) : value;
    }
  }
  return out;
}

/** The values a figure can take: `[min, max]`. */
export type Range = readonly [number, number];
export const AT_LEAST_ZERO: Range = [0, Infinity];
export const FRACTION: Range = [0, 1];

// Every interval figure is a count, seconds, agents or a queue length (at least 0), or one of
// these fractions. A symmetric interval around a mean near a limit runs past it (abandoned −3,
// service level 107%): the bounds a spreadsheet reads are clipped to what the figure can be.
const RANGES: Readonly<Record<string, Range>> = { serviceLevel: FRACTION, occupancy: FRACTION };

/** An interval's bounds clipped to the figure's range. */
export function clippedBounds(e: { low: number; high: number }, [min, max]: Range): [number, number] {
  return [Math.min(Math.max(e.low, min), max), Math.max(Math.min(e.high, max), min)];
}

// Decimals each interval figure means: callers are counted whole (as the terminal table shows
// them), seconds to a tenth, fractions to a hundredth of a percentage point, time-averaged
// agents and queue lengths to a hundredth. A figure not listed keeps 6 significant digits.
const DECIMALS: Readonly<Record<string, number>> = {
  arrivals: 0,
  answered: 0,
  abandoned: 0,
  balked: 0,
  busy: 0,
  disconnected: 0,
  callbacksAccepted: 0,
  meanHoldSeconds: 1,
  serviceLevel: 4,
  occupancy: 4,
  agentsScheduled: 2,
  agentsOnDuty: 2,
  busyAgents: 2,
  meanQueueLength: 2,
};

/**
 * A figure as the CSV writes it: rounded to `decimals` places, then to at most 6 significant
 * digits, so that binary noise (`238.00000000000009`) never reaches a spreadsheet; never -0.
 */
export function csvFigure(value: number, decimals?: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = decimals === undefined ? value : Number(value.toFixed(decimals));
  const limited = Number(rounded.toPrecision(6));
  return limited === 0 ? 0 : limited;
}
