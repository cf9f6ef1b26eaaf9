// Text tables and figures for people reading a terminal.
import type { Estimate } from '../experiment';
import { clockTime, type ScenarioClock } from '../scenario';

export const thousands = (x: number, digits = 0): string =>
  Object.is(Math.round(x * 10 ** digits), -0) ? thousands(0, digits)
    : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `mean ± halfWidth`, scaled and rounded. */
export function withInterval(e: Estimate, digits = 0, scale = 1): string {
  return `${thousands(e.mean * scale, digits)} ± ${thousands(e.halfWidth * scale, digits)}`;
}

/** A fraction as `mean% ± halfWidth`. */
export function percent(e: Estimate): string {
  return `${thousands(100 * e.mean, 1)}% ± ${thousands(100 * e.halfWidth, 1)}`;
}

/** Rows as an aligned text table, the first row its header; the first column left-aligned. */
export function textTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const lines = rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ').trimEnd(),
  );
  lines.splice(1, 0, widths.map((width) => '─'.repeat(width)).join('   '));
  return lines.join('\n');
}

/** Seconds from the start of the run as h:mm (for a scenario that does not say when it opens). */
export function clock(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** An interval as a table shows it: `07:00–07:30` on the scenario's clock, else `0:00–0:30` from the start. */
export function intervalLabel(start: number, end: number, scenarioClock: ScenarioClock | undefined): string {
  if (!scenarioClock) return `${clock(start)}–${clock(end)}`;
  const { opensAtSeconds } = scenarioClock;
  return `${clockTime({ opensAtSeconds }, start)}–${clockTime({ opensAtSeconds }, end)}`;
}

/** The header of a table's interval column. */
export const intervalHeader = (scenarioClock: ScenarioClock | undefined): string => (scenarioClock ? 'time' : 'from start');
