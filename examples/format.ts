// The example scripts print with the command line's own formatting.
import { textTable } from '../src/cli/format';
import { progressReporter } from '../src/cli/progress';

export { percent, thousands, withInterval } from '../src/cli/format';

/** Prints rows as an aligned text table, the first row as its header. */
export function printTable(rows: string[][]): void {
  console.log(textTable(rows));
}

/** A progress line on stderr, only when it is a terminal. */
export function progress(label: string): (done: number, total: number) => void {
  return progressReporter(label) ?? (() => {});
}
