import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

/**
 * `alternate()` that also measures each round's CPU time (user + system, every thread of the
 * process: the JIT's and the garbage collector's included). On a shared machine other work
 * stretches wall time by however long this process waits for a core; CPU time it inflates far
 * less, so ratios of CPU times are the steadier measure. Each case starts after a full garbage
 * collection, so that none pays for the garbage of the case before it; `collect: false` leaves
 * it out, for a process holding so much that the collector's background work after a forced
 * collection would land in the next case's time.
 */
export async function alternateTimed(
  cases: Record<string, () => unknown>,
  rounds: number,
  { collect = true }: { collect?: boolean } = {},
): Promise<{ wall: Record<string, number[]>; cpu: Record<string, number[]> }> {
  const wall: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, body] of Object.entries(cases)) {
      if (collect) collectGarbage();
      const start = performance.now();
      const startCpu = process.cpuUsage();
      await body();
      const used = process.cpuUsage(startCpu);
      wall[name]!.push((performance.now() - start) / 1000);
      cpu[name]!.push((used.user + used.system) / 1e6);
    }
  }
  return { wall, cpu };
}

// V8's full collection, without a command-line flag: the flag set at run time, the function
// taken from a fresh context (where V8 installs it).
let gc: (() => void) | undefined;
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
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
