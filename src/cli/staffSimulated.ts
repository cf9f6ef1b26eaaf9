// `queuecast staff --simulate`: staffing by simulation on a scenario file, the simulated roster
// printed beside Erlang's, interval by interval, with the figure each achieves.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { stringify } from 'yaml';
import type { StaffingTarget } from '../analytic';
import { renderStaffingReport } from '../node/staffingReport';
import { isMultiLine, resolveScenario, scenarioClock, type ResolvedScenario, type Scenario, type ScenarioClock } from '../scenario';
import { staffBySimulation, type Roster, type StaffingProgress, type StaffingResult, type StaffingRow } from '../staffing';
import { UsageError } from './errors';
import { runnerOf } from './runner';
import { intervalHeader, intervalLabel, textTable, thousands } from './format';
import { writeRosterCsv } from './staffRosterCsv';

/** The options of `queuecast staff` that staffing by simulation reads. */
export interface SimulatedStaffOptions {
  simulate?: boolean;
  serviceLevel?: number;
  meanWait?: number;
  abandonment?: number;
  within?: number;
  replications: number;
  seed?: number;
  workers?: number;
  redis?: string;
  maxIterations: number;
  minRoundSaving?: number;
  confidence?: number;
  rosterCsv?: string;
  out?: string;
  write?: string;
  json?: boolean;
}

/** Runs the search on worker threads and prints, writes and reports what it found. */
export async function staffSimulated(file: string, loaded: ResolvedScenario, options: SimulatedStaffOptions): Promise<void> {
  if (options.replications < 2) throw new UsageError('--replications must be at least 2 (confidence intervals need two)');
  const target = simulatedTarget(options);
  // A threshold from the command line makes another scenario, resolved once in its turn.
  const scenario = options.within === undefined ? loaded : resolveScenario(withThreshold(loaded.written, options.within));
  const showProgress = staffingProgress();
  let simulated = 0;
  const onProgress = (progress: StaffingProgress) => {
    simulated = progress.iteration;
    showProgress?.(progress);
  };
  // Stopped from outside, the command says how far it got and exits at once: nothing is
  // written before the search ends, and the worker threads end with the process.
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`${showProgress ? '\n' : ''}staff: stopped by ${signal} after ${simulated} roster(s) simulated; nothing written\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  let result: StaffingResult;
  try {
    result = await staffBySimulation(scenario.written, {
      target,
      replications: options.replications,
      maxIterations: options.maxIterations,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.minRoundSaving === undefined ? {} : { minRoundSaving: options.minRoundSaving }),
      ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
      runner: runnerOf(options),
      onProgress,
    });
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  }
  if (showProgress) process.stderr.write('\n');
  const title = `${scenario.written.name ?? file}: agents needed per interval, by simulation and by Erlang A`;
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${title}\n\n${simulatedStaffTable(result, options.replications, scenario.multiLine, scenarioClock(scenario.written))}\n`);
  if (options.write) {
    const text = extname(options.write) === '.json' ? `${JSON.stringify(result.scenario, null, 2)}\n` : stringify(result.scenario);
    await writeFile(options.write, text);
    process.stderr.write(`wrote ${options.write}: simulate it with queuecast run ${options.write}\n`);
  }
  if (options.rosterCsv) {
    const rosters = scenario.multiLine ? (result.agents as Record<string, Roster>) : { [scenario.groups[0]!.name]: result.agents as Roster };
    await writeRosterCsv(options.rosterCsv, rosters, scenario.durationSeconds, scenarioClock(scenario.written));
  }
  if (options.out) {
    await writeFile(options.out, await renderStaffingReport({ title, scenario, result, replications: options.replications }));
    process.stderr.write(`wrote ${options.out}\n`);
  }
}

/** The target as the command line gives it, for staffing by simulation. */
export function simulatedTarget(options: { serviceLevel?: number; meanWait?: number; abandonment?: number }): StaffingTarget {
  const given = [options.serviceLevel, options.meanWait, options.abandonment].filter((x) => x !== undefined);
  if (given.length !== 1) {
    throw new UsageError('staff: give exactly one target: --service-level <fraction>, --mean-wait <seconds> or --abandonment <fraction>');
  }
  if (options.serviceLevel !== undefined) return { serviceLevel: options.serviceLevel };
  if (options.meanWait !== undefined) return { meanWaitSeconds: options.meanWait };
  return { probAbandon: options.abandonment! };
}

/** The scenario as written with `--within` as every line's service-level threshold: a scenario file of its own. */
export function withThreshold(scenario: Scenario, seconds: number | undefined): Scenario {
  if (seconds === undefined) return scenario;
  if (!isMultiLine(scenario)) return { ...scenario, serviceLevelSeconds: seconds };
  return { ...scenario, serviceLevelSeconds: seconds, lines: scenario.lines.map((line) => ({ ...line, serviceLevelSeconds: seconds })) };
}

/** Progress of the search on stderr, on a terminal only (piped output stays clean). */
export function staffingProgress(stream: NodeJS.WriteStream = process.stderr): ((progress: StaffingProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const started = performance.now();
  return ({ iteration, phase, agentHours, missed }) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    stream.write(`\r\x1b[2Kstaffing: roster ${iteration} (${phase}), ${thousands(agentHours, 1)} agent-hours, ${missed} interval(s) short, ${seconds} s`);
  };
}

/** The result as a table: per interval (and line), Erlang's roster and the simulated one, each with its figure. */
export function simulatedStaffTable(result: StaffingResult, replications: number, multiLine: boolean, scenarioClock?: ScenarioClock): string {
  const measure = result.rows[0]?.measure ?? 'serviceLevel';
  const figureName = measure === 'serviceLevel' ? 'in time' : measure === 'probAbandon' ? 'abandon' : 'mean wait (s)';
  const table = textTable([
    [intervalHeader(scenarioClock), ...(multiLine ? ['line', 'group'] : []), 'calls', 'target', 'Erlang A', figureName, 'simulated', figureName, ''],
    ...result.rows.map((row) => [
      intervalLabel(row.intervalStart, row.intervalEnd, scenarioClock),
      ...(multiLine ? [row.line, row.group] : []),
      thousands(row.calls, 1),
      formatTarget(row),
      String(row.erlangAgents),
      formatFigure(row, row.erlangAchieved.mean) + (row.erlangMet ? ' ' : '!'),
      String(row.agents),
      `${formatFigure(row, row.achieved.mean)} ± ${formatFigure(row, row.achieved.halfWidth)}`,
      row.met ? '' : 'short',
    ]),
  ]);
  const delta = result.agentHours - result.erlangAgentHours;
  const summary = [
    `agent-hours: ${thousands(result.agentHours, 1)} simulated, ${thousands(result.erlangAgentHours, 1)} by Erlang A (${delta >= 0 ? '+' : ''}${thousands(delta, 1)})`,
    `${result.iterations} rosters simulated, ${replications} replications each on the same seeds; ! marks an interval Erlang's roster misses`,
    metOnLine(result),
    ...(result.allMet ? [] : ['the search ran out of iterations before every interval met its target (raise --max-iterations)']),
  ];
  return `${table}\n\n${summary.join('\n')}`;
}

/** Which figure met each target: the mean, or the bound of its interval (the figures' ± is at the same level). */
function metOnLine(result: StaffingResult): string {
  const level = `${Number((100 * result.confidence).toFixed(1))}%`;
  if (result.metOn === 'mean') return `targets met on the mean over the replications (± is a ${level} confidence interval; --confidence meets them on its bound)`;
  const sides = new Set(result.rows.map((row) => (row.measure === 'serviceLevel' ? 'lower' : 'upper')));
  const side = sides.size === 1 ? [...sides][0]! : 'lower or upper';
  return `targets met with ${level} confidence: the ${side} bound of each interval's ${level} confidence interval meets its target`;
}

function formatTarget(row: StaffingRow): string {
  return row.measure === 'meanWaitSeconds' ? `≤ ${thousands(row.target, 0)} s` : `${row.measure === 'serviceLevel' ? '≥' : '≤'} ${thousands(100 * row.target, 1)}%`;
}

function formatFigure(row: StaffingRow, value: number): string {
  return row.measure === 'meanWaitSeconds' ? thousands(value, 1) : `${thousands(100 * value, 1)}%`;
}
