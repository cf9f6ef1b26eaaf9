// `queuecast sweep`: a grid of what-ifs on one scenario file, as a table, CSV and an HTML report.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { sweep, type Sweep, type SweepValue } from '../experiment';
import { toCsv } from '../node/csv';
import { resolveScenarioFile } from '../node/scenarioFiles';
import { renderSweepReport } from '../node/sweepReport';
import { describeValue } from '../scenario';
import { UsageError } from './errors';
import { runnerOf } from './runner';
import { percent, textTable, withInterval } from './format';
import { checkOutputPaths } from './outputPaths';
import { AT_LEAST_ZERO, FRACTION, clippedBounds, csvFigure, type Range } from './outputs';
import { progressReporter } from './progress';
import { warnOfComparison, warnOfScenario } from './warnings';

interface SweepCommandOptions {
  vary: string[];
  baseline?: string;
  replications: number;
  seed?: number;
  workers?: number;
  redis?: string;
  out?: string;
  csv?: string;
  json?: string | boolean;
}

/** `path=a,b,c` as the path and its values: numbers, true/false, or text; `path=[...]` as a JSON list. */
export function parseVary(specs: readonly string[]): Record<string, SweepValue[]> {
  const vary: Record<string, SweepValue[]> = {};
  const problems: string[] = [];
  for (const spec of specs) {
    const at = spec.indexOf('=');
    const path = spec.slice(0, at).trim();
    const text = spec.slice(at + 1).trim();
    if (at <= 0 || text === '') {
      problems.push(`--vary ${spec}: expected path=value,value,... such as callback.optIn.probability=0.1,0.2,0.3`);
      continue;
    }
    if (text.startsWith('[')) {
      try {
        const list: unknown = JSON.parse(text);
        if (Array.isArray(list)) vary[path] = list;
        else problems.push(`--vary ${path}: expected a JSON list`);
      } catch (error) {
        problems.push(`--vary ${path}: not a JSON list (${(error as Error).message})`);
      }
      continue;
    }
    vary[path] = text.split(',').map((word) => {
      const value = word.trim();
      if (value === 'true' || value === 'false') return value === 'true';
      return value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    });
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return vary;
}

/** The sweep as a terminal table: one row per cell. */
export function sweepTable(result: Sweep): string {
  const head = [...result.vary.map((v) => v.path), 'net hold hours saved', 'abandonment', 'service level', 'callbacks accepted'];
  const rows = result.rows.map((row) => [
    ...result.vary.map((v) => describeValue(row.settings[v.path])),
    withInterval(row.netHoldHours),
    percent(row.abandonment),
    percent(row.serviceLevel),
    withInterval(row.callbacksAccepted),
  ]);
  return textTable([head, ...rows]);
}

// What each figure of a cell can be: hold saved may be a loss (any sign), a change of a fraction
// lies within ±1, fractions within [0, 1], hours, seconds and callbacks at least 0.
const SWEEP_RANGES: Readonly<Record<string, Range>> = {
  netHoldHours: [-Infinity, Infinity],
  directHoldHours: [-Infinity, Infinity],
  indirectHoldHours: [-Infinity, Infinity],
  abandonment: FRACTION,
  serviceLevel: FRACTION,
  occupancy: FRACTION,
  abandonmentChange: [-1, 1],
  serviceLevelChange: [-1, 1],
};

/** One flat row per cell: the varied values, then each figure's mean and interval bounds (clipped to what the figure can be). */
export function sweepCsvRows(result: Sweep): Array<Record<string, unknown>> {
  return result.rows.map(({ cell, settings, ...figures }) => {
    const row: Record<string, unknown> = { cell };
    for (const { path } of result.vary) row[path] = typeof settings[path] === 'object' ? JSON.stringify(settings[path]) : settings[path];
    for (const [name, e] of Object.entries(figures)) {
      const [low, high] = clippedBounds(e, SWEEP_RANGES[name] ?? AT_LEAST_ZERO);
      row[name] = csvFigure(e.mean);
      row[`${name}Low`] = csvFigure(low);
      row[`${name}High`] = csvFigure(high);
    }
    return row;
  });
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds `queuecast sweep` to the program. */
export function sweepCommand(
  cli: Command,
  options: { positiveInteger: (name: string) => (value: string) => number; integer: (value: string) => number; redisUrl: (value: string) => string },
): void {
  cli
    .command('sweep')
    .description('run every combination of varied fields, each compared with the scenario on common random numbers')
    .argument('<scenario>', 'scenario file (.json, .yaml or .yml)')
    .requiredOption('--vary <path=values>', 'a field and its values, e.g. callback.optIn.probability=0.1,0.2,0.3, agents.scale=0.9,1,1.1 or arrivals.scale=1,1.2 (repeat for a grid)', collect, [])
    .option('--baseline <file>', 'compare every cell with this scenario (default: the scenario unchanged)')
    .option('-r, --replications <n>', 'replications per cell (at least 2)', options.positiveInteger('--replications'), 10)
    .option('-s, --seed <n>', "seed of the replications (default: the baseline's)", options.integer)
    .option('-w, --workers <n>', 'worker threads (default: one per core)', options.positiveInteger('--workers'))
    .option('--redis <url>', 'run the replications on the cluster at this Redis (queuecast worker --redis URL on each machine)', options.redisUrl)
    .option('-o, --out <file>', 'write a self-contained HTML report: a heat map of net hold hours saved and a chart per varied field')
    .option('--csv <file>', 'write one row per cell (means and 95% bounds) as CSV')
    .option('--json [file]', 'write the sweep as JSON (to stdout when no file is given)')
    .action(async (file: string, opts: SweepCommandOptions) => {
      if (opts.replications < 2) throw new UsageError('--replications must be at least 2 (confidence intervals need two)');
      checkOutputPaths({ '--out': opts.out, '--csv': opts.csv, '--json': opts.json });
      const vary = parseVary(opts.vary);
      const [resolved, resolvedBaseline] = await Promise.all([resolveScenarioFile(file), opts.baseline ? resolveScenarioFile(opts.baseline) : undefined]);
      warnOfScenario(file, resolved);
      if (resolvedBaseline) warnOfComparison(file, resolvedBaseline, resolved);
      // The written forms, resolved already: the sweep validates them at no further cost.
      const [scenario, baseline] = [resolved.written, resolvedBaseline?.written];
      const onProgress = progressReporter('sweeping');
      const result = await sweep(scenario, {
        vary,
        replications: opts.replications,
        ...(baseline ? { baseline } : {}),
        ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        runner: runnerOf(opts),
        ...(onProgress ? { onProgress } : {}),
      });
      const title = `${scenario.name ?? file}: sweep of ${result.vary.map((v) => v.path).join(' × ')}`;
      if (opts.json === true) process.stdout.write(`${JSON.stringify({ scenario, baseline, sweep: result }, null, 2)}\n`);
      else process.stdout.write(`${title}\n${result.rows.length} cells, ${result.replications} replications each, against ${opts.baseline ?? 'the scenario unchanged'}\n\n${sweepTable(result)}\n`);
      const written: string[] = [];
      if (opts.out) {
        await writeFile(opts.out, await renderSweepReport({ title, scenario, ...(baseline ? { baseline } : {}), sweep: result }));
        written.push(opts.out);
      }
      if (opts.csv) {
        await writeFile(opts.csv, toCsv(sweepCsvRows(result)));
        written.push(opts.csv);
      }
      if (typeof opts.json === 'string') {
        await writeFile(opts.json, `${JSON.stringify({ scenario, baseline, sweep: result }, null, 2)}\n`);
        written.push(opts.json);
      }
      for (const name of written) process.stderr.write(`wrote ${name}\n`);
    });
}
