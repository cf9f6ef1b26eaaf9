/** One benchmark case's result: printed as one JSON line. */
export interface BenchResult {
  bench: string;
  rounds: number;
  medianSeconds: number;
  [field: string]: string | number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Times each case `rounds` times, the cases alternating within each round so that a slow
 * moment of a shared machine falls on all of them alike. Returns the seconds of each round.
 */
export async function alternate(
  cases: Record<string, () => unknown>,
  rounds: number,
): Promise<Record<string, number[]>> {
  const seconds: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, body] of Object.entries(cases)) {
      const start = performance.now();
      await body();
      seconds[name]!.push((performance.now() - start) / 1000);
    }
  }
  return seconds;
}

/** Reads `--name value` from the command line, or the default. */
export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`--${name} must be a positive number`);
  return value;
}

/** Prints results as JSON lines on stdout and as a table on stderr (stdout stays machine-readable). */
export function report(results: BenchResult[]): void {
  for (const result of results) console.log(JSON.stringify(result));
  console.error('');
  console.table(Object.fromEntries(results.map(({ bench, ...rest }) => [bench, rest])));
}
