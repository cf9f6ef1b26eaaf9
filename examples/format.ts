// Small helpers the example scripts share to print tables a planner can read.
import type { Estimate } from '../src';

export const thousands = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `mean ± halfWidth`, scaled and rounded. */
export function withInterval(e: Estimate, digits = 0, scale = 1): string {
  return `${thousands(e.mean * scale, digits)} ± ${thousands(e.halfWidth * scale, digits)}`;
}

export const percent = (e: Estimate) => `${(100 * e.mean).toFixed(1)}% ± ${(100 * e.halfWidth).toFixed(1)}`;

/** Prints rows as an aligned text table, the first row as its header. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  rows.forEach((row, index) => {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   '));
    if (index === 0) console.log(widths.map((w) => '─'.repeat(w)).join('   '));
  });
}

/** A progress line on stderr, only when it is a terminal. */
export function progress(label: string): (done: number, total: number) => void {
  return (done, total) => {
    if (!process.stderr.isTTY) return;
    process.stderr.write(`\r${label}: ${done}/${total} replications${done === total ? '\n' : ''}`);
  };
}
