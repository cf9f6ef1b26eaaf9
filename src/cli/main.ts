// The `queuecast` command: run, compare and staff scenario files, and print their schema.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { stringify } from 'yaml';
import { checkRedisUrl } from '../node/cluster/connection';
import { compare, replicate } from '../experiment';
import { resolveScenarioFile } from '../node/scenarioFiles';
import { scenarioClock, scenarioJsonSchema, soleLine, type ResolvedScenario } from '../scenario';
import { UsageError, exitCodeOf, isForeseen } from './errors';
import { compareTables } from './compareTables';
import { runTables } from './figures';
import { seasonCompareTables, seasonOf, seasonRunTables } from './seasonTables';
import { intervalLabel } from './format';
import { checkOutputPaths } from './outputPaths';
import { jsonDocument, writeOutputs, type OutputOptions, type Result } from './outputs';
import { progressReporter } from './progress';
import { runnerOf } from './runner';
import { staffTable, staffingPlan, withRoster } from './staff';
import { serve, type ServeOptions } from './serve';
import { sweepCommand } from './sweep';
import { workerCommand } from './worker';
import { calibrationCommands } from './calibrate';
import { forecastArrivalsCommand } from './forecastArrivals';
import { warnOfComparison, warnOfScenario } from './warnings';
import { staffSimulated, type SimulatedStaffOptions } from './staffSimulated';
import { writeRosterCsv } from './staffRosterCsv';

interface SimulationOptions extends OutputOptions {
  replications: number;
  seed?: number;
  workers?: number;
  redis?: string;
}

const positiveInteger = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number >= 1, got "${value}"`);
  return n;
};
const integer = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`must be a whole number, got "${value}"`);
  return n;
};
const fraction = (value: string) => {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError(`must be a number between 0 and 1, got "${value}"`);
  return n;
};
const positive = (value: string) => {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError(`must be a number > 0, got "${value}"`);
  return n;
};
// Seconds, or with a unit as planners say it: 300, 300s, 5m, 1.5h.
const duration = (value: string) => {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(value.trim());
  const n = match ? Number(match[1]) * { s: 1, m: 60, h: 3600 }[(match[2] ?? 's') as 's' | 'm' | 'h'] : NaN;
  if (!(n > 0)) throw new InvalidArgumentError(`must be a duration > 0 in seconds, or with a unit (30s, 5m, 1h), got "${value}"`);
  return n;
};

// A malformed URL is the caller's to fix (exit 2) before anything connects.
const redisUrl = (value: string) => {
  const problem = checkRedisUrl(value);
  if (problem) throw new InvalidArgumentError(problem.replace(/^cluster\.redis: /, ''));
  return value;
};

const port = (value: string) => {
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 0 && n < 65536)) throw new InvalidArgumentError(`must be a whole number from 0 to 65535, got "${value}"`);
  return n;
};

function simulationOptions(command: Command): Command {
  return command
    .option('-r, --replications <n>', 'independent replications (at least 2)', positiveInteger('--replications'), 10)
    .option('-s, --seed <n>', 'seed of the replications (default: the scenario\'s)', integer)
    .option('-w, --workers <n>', 'worker threads (default: one per core)', positiveInteger('--workers'))
    .option('-o, --out <file>', 'write a self-contained HTML report with charts')
    .option('--csv <file>', 'write one row per interval (means and 95% bounds) as CSV; for several lines, <name>.lines.csv and <name>.groups.csv beside it')
    .option('--json [file]', 'write the results as JSON (to stdout when no file is given)')
    .option('--summary <file>', 'write a one-page HTML summary for a manager (prints on one sheet of A4 or Letter)')
    .option('--title <text>', "title of the reports (default: the scenario's name)")
    .option('--redis <url>', 'run the replications on the cluster at this Redis (queuecast worker --redis URL on each machine)', redisUrl);
}

function replicationOptions(options: SimulationOptions, label: string) {
  if (options.replications < 2) throw new UsageError('--replications must be at least 2 (confidence intervals need two)');
  const onProgress = progressReporter(label);
  return {
    replications: options.replications,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    runner: runnerOf(options),
    ...(onProgress ? { onProgress } : {}),
  };
}

/** ` · 07:00–19:00`, the day's open hours on the scenario's clock, or nothing without one. */
function openHours(scenario: ResolvedScenario): string {
  const clock = scenarioClock(scenario.written);
  return clock ? ` · ${intervalLabel(0, scenario.durationSeconds, clock)}` : '';
}

async function finish(result: Result, table: string, options: SimulationOptions): Promise<void> {
  if (options.json === true) {
    process.stdout.write(jsonDocument(result));
  } else {
    process.stdout.write(`${result.title}${openHours(result.kind === 'run' ? result.scenario : result.baseline)}\n\n${table}\n`);
  }
  const written = await writeOutputs(result, options);
  for (const file of written) process.stderr.write(`wrote ${file}\n`);
}

/** What `soleLine` says of a multi-line scenario for Erlang staffing. */
function multiLineRefusal(scenario: ResolvedScenario): string {
  try {
    soleLine(scenario, 'Erlang staffing (queuecast staff)');
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function program(): Command {
  const cli = new Command('queuecast')
    .description('Forecast contact-center hold queues: simulate scenario files (JSON or YAML) and compare what-ifs.')
    .showHelpAfterError('(queuecast --help lists the commands)')
    .configureOutput({ outputError: (text, write) => write(`queuecast: ${text.replace(/^error: /, '')}`) })
    .exitOverride();

  simulationOptions(
    cli
      .command('run')
      .description('simulate a scenario and print its figures with confidence intervals')
      .argument('<scenario>', 'scenario file (.json, .yaml or .yml)'),
  ).action(async (file: string, options: SimulationOptions) => {
    checkOutputPaths({ '--out': options.out, '--summary': options.summary, '--csv': options.csv, '--json': options.json });
    const scenario = await resolveScenarioFile(file);
    warnOfScenario(file, scenario);
    // The written form, resolved already: the replications validate nothing again.
    const replicated = await replicate(scenario.written, replicationOptions(options, 'simulating'));
    const title = options.title ?? scenario.written.name ?? file;
    const season = seasonOf(replicated.summary);
    const tables = runTables(scenario, replicated.summary, replicated.replications) + (season ? `\n\n${seasonRunTables(season)}` : '');
    await finish({ kind: 'run', title, scenario, replicated }, tables, options);
  });

  simulationOptions(
    cli
      .command('compare')
      .description('compare a variant with a baseline on common random numbers: paired differences and hold hours saved')
      .argument('<baseline>', 'baseline scenario file')
      .argument('<variant>', 'variant scenario file'),
  ).action(async (baselineFile: string, variantFile: string, options: SimulationOptions) => {
    checkOutputPaths({ '--out': options.out, '--summary': options.summary, '--csv': options.csv, '--json': options.json });
    const [baseline, variant] = await Promise.all([resolveScenarioFile(baselineFile), resolveScenarioFile(variantFile)]);
    warnOfScenario(baselineFile, baseline);
    warnOfScenario(variantFile, variant);
    warnOfComparison(variantFile, baseline, variant);
    const comparison = await compare(baseline.written, variant.written, replicationOptions(options, 'comparing'));
    const title = options.title ?? `${variant.written.name ?? variantFile} against ${baseline.written.name ?? baselineFile}`;
    const tables = compareTables(baseline, variant, comparison) + (seasonOf(comparison.baseline) ? `\n\n${seasonCompareTables(comparison)}` : '');
    await finish({ kind: 'compare', title, baseline, variant, comparison }, tables, options);
  });

  cli
    .command('staff')
    .description('agents needed per interval to meet a target (Erlang C, or Erlang A with patience)')
    .argument('<scenario>', 'scenario file')
    .option('--service-level <fraction>', 'share of callers answered within --within seconds', fraction)
    .option('--within <duration>', 'service-level threshold: seconds, or 30s, 5m, 1h (default: the scenario\'s serviceLevelSeconds)', duration)
    .option('--mean-wait <seconds>', 'mean hold at most this', positive)
    .option('--abandonment <fraction>', 'share of callers who hang up at most this (needs patience)', fraction)
    .option('--write <file>', 'write the scenario with the planned roster (.json, .yaml or .yml)')
    .option('--json', 'print the plan as JSON')
    .option('--simulate', 'staff by simulation: the fewest agents whose simulated callers meet the target in every interval (callbacks, redials, several groups included), beside Erlang A')
    .option('-r, --replications <n>', 'with --simulate: replications per roster (at least 2)', positiveInteger('--replications'), 10)
    .option('-s, --seed <n>', 'with --simulate: seed of the replications (default: the scenario\'s)', integer)
    .option('-w, --workers <n>', 'with --simulate: worker threads (default: one per core)', positiveInteger('--workers'))
    .option('--max-iterations <n>', 'with --simulate: most rosters to simulate', positiveInteger('--max-iterations'), 40)
    .option('--min-round-saving <fraction>', 'with --simulate: stop when a round of removals saves less than this share of agent-hours (default 0: when it saves nothing)', fraction)
    .option('--confidence <fraction>', 'with --simulate: meet each target with this confidence (the bound of each interval\'s confidence interval at this level, not only the mean)', fraction)
    .option('--redis <url>', 'with --simulate: run the replications on the cluster at this Redis (queuecast worker --redis URL on each machine)', redisUrl)
    .option('-o, --out <file>', 'with --simulate: write an HTML report of both rosters and the figures achieved')
    .option('--roster-csv <file>', 'write the roster as CSV for a workforce-management tool: intervalStart, intervalEnd (seconds), group, agents')
    .action(async (file: string, options: SimulatedStaffOptions & { within?: number; write?: string; json?: boolean }) => {
      checkOutputPaths({ '--write': options.write, '--out': options.out, '--roster-csv': options.rosterCsv });
      const scenario = await resolveScenarioFile(file);
      if (options.simulate) return staffSimulated(file, scenario, options);
      if (options.confidence !== undefined) throw new UsageError('staff: --confidence needs --simulate (Erlang\'s figures are exact, not estimates)');
      if (scenario.multiLine) {
        // Not an internal failure: the command cannot plan this kind of center (exit 2, no stack).
        throw new UsageError(`${file}: ${multiLineRefusal(scenario)}; queuecast staff --simulate staffs it whole`);
      }
      const plan = staffingPlan(scenario, {
        ...(options.serviceLevel === undefined ? {} : { serviceLevel: options.serviceLevel }),
        ...(options.within === undefined ? {} : { withinSeconds: options.within }),
        ...(options.meanWait === undefined ? {} : { meanWait: options.meanWait }),
        ...(options.abandonment === undefined ? {} : { abandonment: options.abandonment }),
      });
      if (options.json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
      else {
        const threshold = options.within ?? scenario.serviceLevelSeconds;
        process.stdout.write(`${scenario.written.name ?? file}: agents needed per interval\n\n${staffTable(plan, soleLine(scenario, 'Erlang staffing').patience !== undefined, threshold, scenarioClock(scenario.written))}\n`);
      }
      const staffed = withRoster(scenario, plan);
      if (options.write) {
        const text = extname(options.write) === '.json' ? `${JSON.stringify(staffed, null, 2)}\n` : stringify(staffed);
        await writeFile(options.write, text);
        process.stderr.write(`wrote ${options.write}: simulate it with queuecast run ${options.write}\n`);
      }
      if (options.rosterCsv) {
        // The roster replaces the agents only: the group and the day are the file's.
        await writeRosterCsv(options.rosterCsv, { [scenario.groups[0]!.name]: staffed.agents }, scenario.durationSeconds, scenarioClock(scenario.written));
      }
    });

  sweepCommand(cli, { positiveInteger, integer, redisUrl });
  workerCommand(cli, { positiveInteger, redisUrl });

  cli
    .command('schema')
    .description('print the JSON Schema of a scenario file')
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });

  cli
    .command('serve')
    .description('the wait-forecast service over HTTP: POST /forecast, GET /metrics (Prometheus), GET /health; JSON logs on stdout')
    .option('-p, --port <n>', 'port to listen on (0: any free one)', port, 8787)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--scenario <file>', 'fix the scenario at start: requests then carry only a snapshot (and a line)')
    .option('--threads <n>', 'threads that run forecasts (default: one per core)', positiveInteger('--threads'))
    .option('--queue <n>', 'requests that may wait for a thread; past that, 503 with Retry-After', positiveInteger('--queue'), 32)
    .option('--deadline <ms>', "each request's deadline from its arrival, in milliseconds", positiveInteger('--deadline'), 500)
    .option('--budget <ms>', 'time a forecast takes unless the request says (budgetMilliseconds)', positiveInteger('--budget'), 10)
    .action(async (options: ServeOptions) => {
      await serve(options);
    });
  calibrationCommands(cli);
  forecastArrivalsCommand(cli);

  // A usage mistake in one line, pointing at the help rather than burying the line under it.
  for (const command of cli.commands) command.showHelpAfterError(`(queuecast ${command.name()} --help lists its options)`);
  return cli;
}

/** Runs the command line and resolves to its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage mistakes (unknown option, bad value) are invalid input.
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`queuecast: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!isForeseen(error) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return exitCodeOf(error);
  }
}
