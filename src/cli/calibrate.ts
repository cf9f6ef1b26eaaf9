// `queuecast fit` and `queuecast backtest`: a scenario from a center's own records, and the
// scenario set beside them.
import { access, constants, readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { backtest, fitIntervalReports, type Backtest, type FitOptions, type FittedScenario } from '../calibrate';
import { renderBacktestHtml } from '../node/backtestHtml';
import { RecordFileError, fitCallRecordFiles, readCallRecords, type RecordFormat } from '../node/callRecordFiles';
import { whyUnreadable } from '../node/csvFiles';
import { CsvSplitter } from '../node/csvRows';
import { readIntervalReports } from '../node/intervalReportFiles';
import { readingSummary } from './readingSummary';
import { runnerOf } from './runner';
import { resolveScenarioFile } from '../node/scenarioFiles';
import { UsageError } from './errors';
import { checkOutputPaths } from './outputPaths';
import { backtestDayTypeFiles, fitDayTypeFiles, readDayTypeFile } from './dayTypeCommands';
import { fittedYaml } from './fitYaml';
import { clock, textTable, thousands } from './format';

/** `30m`, `1h`, `900s` or `900` (seconds) as seconds. */
export function intervalOption(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|min|h)?$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * ({ s: 1, m: 60, min: 60, h: 3600 }[match[2] ?? 's'] ?? 1) : NaN;
  if (!(Number.isInteger(seconds) && seconds >= 60 && seconds <= 86_400)) throw new InvalidArgumentError(`expected an interval such as 30m, 15m or 1h (1 minute to 24 hours), got "${text}"`);
  return seconds;
}

const format = (text: string): RecordFormat | 'intervals' => {
  if (text === 'cdr' || text === 'bank' || text === 'intervals') return text;
  throw new InvalidArgumentError(`expected cdr, bank or intervals, got "${text}"`);
};

interface FitCommandOptions {
  format: RecordFormat | 'intervals';
  interval: number;
  roster?: string;
  out?: string;
  json?: boolean;
  skipBad?: boolean;
  name?: string;
  dayTypes?: string;
  breakBelow?: number;
}

/** Adds `fit` and `backtest` to the command. */
export function calibrationCommands(cli: Command): void {
  cli
    .command('fit')
    .description('fit a scenario to a center\'s call records: arrivals, handle time, patience (censored), balking, redials, roster')
    .argument('<records...>', 'call records (CSV, or .gz): call_id,line,arrived_at,outcome,answered_at,ended_at,agent[,person,group,priority]; several files are read in the order of their first record')
    .option('--format <format>', 'cdr (call-detail records), bank (the bank research format) or intervals (interval_start,line,offered,answered,abandoned,aht_seconds,asa_seconds,agents)', format, 'cdr')
    .option('--interval <length>', 'length of an interval of the fitted day', intervalOption, 1800)
    .option('--roster <file>', 'the roster instead of the agents seen working (CSV: interval_start as hh:mm, agents[, group])')
    .option('--out <file>', 'write the scenario (.yaml with comments on each fitted value, or .json)')
    .option('--json', 'print { scenario, diagnostics } as JSON')
    .option('--skip-bad', 'skip bad rows (and count them) instead of listing them and stopping')
    .option('--name <name>', 'the fitted scenario\'s name')
    .option('--day-types <types>', 'a scenario per day type, with teams, priority callers\' waiting credit and the staffing fitted by simulation: auto (found from the days), weekday, none, or e.g. sun-thu,fri,sat; writes JSON')
    .option('--break-below <seconds>', 'with --day-types: services shorter than this are agents taking a break, not handle times', (v) => Number(v))
    .action(async (files: string[], options: FitCommandOptions) => {
      const file = files.join(' ');
      checkOutputPaths({ '--out': options.out });
      for (const each of files) await checkRecordsReadable(each);
      if (options.dayTypes !== undefined) {
        if (options.format === 'intervals') throw new UsageError('fit: --day-types reads call records (--format cdr or bank)');
        if (options.breakBelow !== undefined && !(options.breakBelow >= 0)) throw new UsageError(`--break-below: expected seconds >= 0, got ${String(options.breakBelow)}`);
        const { fit, notes } = await fitDayTypeFiles(files, {
          format: options.format,
          skipBad: options.skipBad === true,
          dayTypes: options.dayTypes,
          ...(options.breakBelow === undefined ? {} : { breakBelow: options.breakBelow }),
          fitOptions: { intervalSeconds: options.interval, ...(options.name === undefined ? {} : { name: options.name }), ...(options.roster === undefined ? {} : { rosterRows: await rosterFile(options.roster) }) },
        });
        const json = `${JSON.stringify(fit, null, 2)}\n`;
        if (options.out) await writeFile(options.out, json);
        else process.stdout.write(json);
        for (const note of notes) process.stderr.write(`${note}\n`);
        if (options.out) process.stderr.write(`wrote ${options.out}: check it with queuecast backtest ${options.out} ${file} --roster-from-records\n`);
        return;
      }
      const fitted = await fitFiles(files, options);
      const yaml = fittedYaml(fitted, file);
      if (options.out) {
        await writeFile(options.out, extname(options.out) === '.json' ? `${JSON.stringify(fitted.scenario, null, 2)}\n` : yaml);
      }
      if (options.json) process.stdout.write(`${JSON.stringify(fitted, null, 2)}\n`);
      else if (!options.out) process.stdout.write(yaml);
      const { records, days, warnings } = fitted.diagnostics;
      if (fitted.diagnostics.reading) process.stderr.write(`${readingSummary(fitted.diagnostics.reading)}\n`);
      process.stderr.write(`fitted ${thousands(records.used)} calls over ${days.count} days${records.skipped > 0 ? `; skipped ${thousands(records.skipped)} bad rows` : ''}\n`);
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      if (options.out) process.stderr.write(`wrote ${options.out}: check it with queuecast backtest ${options.out} ${file}\n`);
    });

  cli
    .command('backtest')
    .description('simulate a scenario and set it beside the records, interval by interval, with the calibration score')
    .argument('<scenario>', 'scenario file')
    .argument('<records...>', 'call records (CSV, or .gz; several files are read in the order of their first record)')
    .option('--format <format>', 'cdr or bank', format, 'cdr')
    .option('-r, --replications <n>', 'simulated days', (v) => Number(v), 40)
    .option('-w, --workers <n>', 'worker threads (default: one per core)', (v) => Number(v))
    .option('--open-at <hh:mm>', 'the time of day the scenario starts (default: the records\' first interval with calls)')
    .option('--skip-bad', 'skip bad rows instead of stopping')
    .option('-o, --out <file>', 'write a self-contained HTML report with charts')
    .option('--json', 'print the backtest as JSON')
    .option('--roster-from-records', 'a fit by day type (fit --day-types) runs on the agents seen serving in the records tested, times its fitted availability')
    .option('--arrivals-from-records', 'a fit by day type runs on the first calls of the records tested (mean over their days) instead of its forecast: tests the queueing alone')
    .action(async (scenarioFile: string, files: string[], options: { format: RecordFormat | 'intervals'; replications: number; workers?: number; openAt?: string; skipBad?: boolean; out?: string; json?: boolean; rosterFromRecords?: boolean; arrivalsFromRecords?: boolean }) => {
      if (options.format === 'intervals') throw new UsageError('backtest: interval reports are not supported yet; give call records (--format cdr or bank)');
      if (!(Number.isInteger(options.replications) && options.replications >= 2)) throw new UsageError('--replications must be a whole number >= 2');
      checkOutputPaths({ '--out': options.out });
      for (const each of files) await checkRecordsReadable(each);
      const typed = await readDayTypeFile(scenarioFile);
      if (typed) {
        const result = await backtestDayTypeFiles(typed, files, { format: options.format, skipBad: options.skipBad === true, replications: options.replications, rosterFromRecords: options.rosterFromRecords === true, arrivalsFromRecords: options.arrivalsFromRecords === true, ...(options.workers === undefined ? {} : { workers: options.workers }) });
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else for (const type of result.dayTypes) process.stdout.write(`${type.name} (${type.days} days${type.rosterFromRecords ? ', roster from the records' : ''}${type.arrivalsFromRecords ? ', arrivals from the records' : ''})\n\n${backtestTable(type.backtest)}\n\n`);
        if (result.recordsWithoutLine > 0) process.stderr.write(`${thousands(result.recordsWithoutLine)} records of lines a day type's scenario does not have were left out\n`);
        return;
      }
      if (options.rosterFromRecords) throw new UsageError('--roster-from-records: needs a fit by day type (queuecast fit --day-types ... --out fit.json), which carries the fitted availability');
      if (options.arrivalsFromRecords) throw new UsageError('--arrivals-from-records: needs a fit by day type (queuecast fit --day-types ... --out fit.json)');
      // Resolved on reading: the backtest and its report take the written form at no further cost.
      const scenario = (await resolveScenarioFile(scenarioFile)).written;
      const file = files.join(' ');
      const reader = readCallRecords(files, { format: options.format, skipBad: options.skipBad === true });
      const openAt = options.openAt === undefined ? undefined : clockOption(options.openAt, '--open-at');
      const workers = options.workers;
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) throw new UsageError('--workers must be a whole number >= 1');
      const result = await backtest(scenario, reader.records(), { replications: options.replications, runner: runnerOf({ workers }), ...(openAt === undefined ? {} : { openAtSeconds: openAt }) });
      if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${scenario.name ?? scenarioFile} against ${file}\n\n${backtestTable(result)}\n`);
      process.stderr.write(`${readingSummary(reader.read)}\n`);
      if (options.out) {
        await writeFile(options.out, await renderBacktestHtml(result, `${scenario.name ?? scenarioFile} against ${file}`, scenario));
        process.stderr.write(`wrote ${options.out}\n`);
      }
    });
}

/**
 * A records file that can be opened, or the reader's own error saying why not: a stream that
 * fails to open reports it as an event, not to the loop reading it.
 */
async function checkRecordsReadable(file: string): Promise<void> {
  try {
    if ((await stat(file)).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    await access(file, constants.R_OK);
  } catch (error) {
    throw new RecordFileError(file, [], 0, whyUnreadable(error));
  }
}

async function fitFiles(files: string[], options: FitCommandOptions): Promise<FittedScenario> {
  const fitOptions: FitOptions = {
    intervalSeconds: options.interval,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.roster === undefined ? {} : { rosterRows: await rosterFile(options.roster) }),
  };
  if (options.format === 'intervals') {
    if (options.roster !== undefined) throw new UsageError('fit: interval reports carry their agents; --roster is for call records');
    if (files.length > 1) throw new UsageError('fit: interval reports are read from one file');
    const { rows, badRows } = await readIntervalReports(files[0]!, { skipBad: options.skipBad === true });
    return fitIntervalReports(rows, { ...fitOptions, skippedRows: badRows });
  }
  return fitCallRecordFiles(files, { ...fitOptions, format: options.format, skipBad: options.skipBad === true });
}

/** A roster file: interval_start (hh:mm), agents, and group when there are several. */
async function rosterFile(file: string): Promise<Array<{ startSeconds: number; agents: number; group?: string }>> {
  let rows: Array<{ row: Record<string, string>; line: number }>;
  try {
    const splitter = new CsvSplitter();
    const first = splitter.push(await readFile(file, 'utf8'));
    const last = splitter.end();
    const [header = [], ...fields] = [...first.fields, ...last.fields];
    const lines = [...first.lines, ...last.lines].slice(1);
    const names = header.map((h) => h.trim().toLowerCase());
    rows = fields.map((values, i) => ({ row: Object.fromEntries(names.map((name, k) => [name, values[k] ?? ''])), line: lines[i]! }));
  } catch (error) {
    throw new UsageError(`${file}: cannot be read as CSV (${(error as Error).message})`);
  }
  const problems: string[] = [];
  const roster = rows.map(({ row, line }) => {
    const startSeconds = clockSeconds(row.interval_start ?? '');
    const agents = Number(row.agents);
    if (startSeconds === undefined) problems.push(`line ${line}: interval_start: expected a time of day such as 08:30, got "${row.interval_start ?? ''}"`);
    if (!(row.agents !== '' && Number.isInteger(agents) && agents >= 0)) problems.push(`line ${line}: agents: expected a whole number >= 0, got "${row.agents ?? ''}"`);
    return { startSeconds: startSeconds ?? 0, agents, ...(row.group ? { group: row.group } : {}) };
  });
  if (rows.length === 0) problems.push('no rows: expected interval_start,agents[,group]');
  if (problems.length > 0) throw new UsageError(`${file}: ${problems.length} bad roster ${problems.length === 1 ? 'row' : 'rows'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return roster;
}

function clockSeconds(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h < 24 && m < 60 ? h * 3600 + m * 60 : undefined;
}

function clockOption(text: string, name: string): number {
  const seconds = clockSeconds(text);
  if (seconds === undefined) throw new UsageError(`${name}: expected a time of day such as 08:00, got "${text}"`);
  return seconds;
}

/** Per line and interval: calls, abandonment and mean wait, observed against simulated [band]; the scores last. */
export function backtestTable(result: Backtest): string {
  const at = (line: string, start: number, measure: string) => result.rows.find((r) => r.line === line && r.intervalStart === start && r.measure === measure)!;
  const mark = (inside: boolean) => (inside ? ' ' : '*');
  const lines = [...new Set(result.rows.map((r) => r.line))];
  const tables = lines.map((line) => {
    const starts = [...new Set(result.rows.filter((r) => r.line === line).map((r) => r.intervalStart))];
    const rows = starts.map((start) => {
      const calls = at(line, start, 'calls');
      const abandonment = at(line, start, 'abandonment');
      const wait = at(line, start, 'meanWaitSeconds');
      const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
      return [
        clock(result.openAtSeconds + start),
        `${thousands(calls.observed, 1)}${mark(calls.inside)}`,
        `${thousands(calls.simulated, 1)} [${thousands(calls.low, 1)}, ${thousands(calls.high, 1)}]`,
        `${pct(abandonment.observed)}${mark(abandonment.inside)}`,
        `${pct(abandonment.simulated)} [${pct(abandonment.low)}, ${pct(abandonment.high)}]`,
        `${thousands(wait.observed, 1)}${mark(wait.inside)}`,
        `${thousands(wait.simulated, 1)} [${thousands(wait.low, 1)}, ${thousands(wait.high, 1)}]`,
      ];
    });
    return `${lines.length > 1 ? `line ${line}\n` : ''}${textTable([['interval', 'calls', 'simulated [95%]', 'abandon', 'simulated [95%]', 'wait (s)', 'simulated [95%]'], ...rows])}`;
  });
  const scores = Object.entries(result.score).map(([measure, share]) => `${measure} ${(100 * share).toFixed(0)}%`).join(', ');
  return `${tables.join('\n\n')}\n\n* outside its band. Calibration score (share inside the band): ${(100 * result.overallScore).toFixed(0)}% overall; ${scores}`;
}
