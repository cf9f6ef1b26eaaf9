import { writeFile } from 'node:fs/promises';
import type { Comparison, Replicated, Summary } from '../experiment';
import type { IntervalRow } from '../metrics';
import { toCsv } from '../node/csv';
import { renderHtmlReport } from '../node/htmlReport';
import type { Scenario } from '../scenario';

/** Where the CLI writes what a planner hands on. */
export interface OutputOptions {
  out?: string;
  csv?: string;
  json?: string | boolean;
}

export type Result =
  | { kind: 'run'; title: string; scenario: Scenario; replicated: Replicated }
  | { kind: 'compare'; title: string; baseline: Scenario; variant: Scenario; comparison: Comparison };

/** Writes the HTML report, the CSV rows and the JSON document asked for; returns what was written. */
export async function writeOutputs(result: Result, options: OutputOptions): Promise<string[]> {
  const written: string[] = [];
  if (options.out) {
    await writeFile(options.out, await renderHtmlReport(result));
    written.push(options.out);
  }
  if (options.csv) {
    await writeFile(options.csv, toCsv(csvRows(result)));
    written.push(options.csv);
  }
  if (typeof options.json === 'string') {
    await writeFile(options.json, jsonDocument(result));
    written.push(options.json);
  }
  return written;
}

/** The result as a JSON document: the scenario(s) and every estimate, replications included. */
export function jsonDocument(result: Result): string {
  const { kind: _kind, ...document } = result;
  return `${JSON.stringify(document, null, 2)}\n`;
}

// One row per interval (per arm when comparing): each figure's mean, and its interval.
function csvRows(result: Result): Array<Record<string, unknown>> {
  if (result.kind === 'run') return result.replicated.summary.intervals.map((row) => flatten(row));
  return [
    ...result.comparison.baseline.intervals.map((row) => ({ arm: 'baseline', ...flatten(row) })),
    ...result.comparison.variant.intervals.map((row) => ({ arm: 'variant', ...flatten(row) })),
  ];
}

function flatten(row: Summary<IntervalRow>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (typeof value === 'object' && value !== null && 'mean' in value) {
      out[field] = value.mean;
      out[`${field}Low`] = value.low;
      out[`${field}High`] = value.high;
    } else {
      out[field] = value;
    }
  }
  return out;
}
