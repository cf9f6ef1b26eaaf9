// `queuecast fit --day-types` and `queuecast backtest` of a fit by day type.
import { readFile } from 'node:fs/promises';
import {
  backtestDayTypes,
  dayTypeScenarios,
  findDayTypes,
  findTeams,
  fitDayTypes,
  fitStaffing,
  parseDayTypes,
  surveyRecords,
  CalibrationError,
  type DayTypeBacktest,
  type DayTypeScenarios,
  type FitOptions,
} from '../calibrate';
import { readCallRecords, type RecordFormat } from '../node/callRecordFiles';
import { runnerOf } from './runner';
import { UsageError } from './errors';
import { thousands } from './format';

/** Fits one scenario per day type from record files, read twice: a survey (day types, teams), then the fit. */
export async function fitDayTypeFiles(
  files: string[],
  options: { format: RecordFormat; skipBad: boolean; dayTypes: string; breakBelow?: number; fitOptions: FitOptions },
): Promise<{ fit: DayTypeScenarios; notes: string[] }> {
  const read = () => readCallRecords(files, { format: options.format, skipBad: options.skipBad });
  const survey = await surveyRecords(read().records(), options.fitOptions.intervalSeconds);
  const dayTypes = options.dayTypes === 'auto' ? findDayTypes(survey) : parseDayTypes(options.dayTypes);
  const teams = findTeams(survey);
  const reader = read();
  const fitted = await fitDayTypes(reader.records(), {
    ...options.fitOptions,
    dayTypes,
    teams,
    ...(options.breakBelow === undefined ? {} : { breakBelowSeconds: options.breakBelow }),
  });
  const notes = [`day types: ${dayTypes.map((t) => t.name).join(', ')}${options.dayTypes === 'auto' ? ' (found from the days\' shape and volume)' : ''}`];
  const teamNames = [...new Set(Object.values(teams))];
  notes.push(teamNames.length === 0 ? 'teams: none found (no agents serve almost nothing but one line, and most of it)' : `teams: ${teamNames.map((t) => `${t} (${Object.values(teams).filter((x) => x === t).length} agents)`).join(', ')}`);
  if (fitted.recordsWithoutType > 0) notes.push(`${thousands(fitted.recordsWithoutType)} records on days no type covers, left out`);
  const staffed = [];
  for (const type of fitted.dayTypes) {
    const breaks = Object.values(type.diagnostics.lines).reduce((s, l) => s + l.breaks, 0);
    const answered = Object.values(type.diagnostics.lines).reduce((s, l) => s + l.outcomes.answered, 0);
    const credit = Object.entries(type.credit).map(([line, c]) => `${line} ${c.creditSeconds.toFixed(0)} s (${thousands(c.bounds)} answers bound it, ${(100 * c.agreement).toFixed(0)}% agree)`).join('; ');
    notes.push(`${type.name}: ${type.days.length} days, ${thousands(type.diagnostics.records.used)} calls; day factor cv ${type.diagnostics.dailyCalls.dayFactorCv ?? '-'}${breaks > 0 ? `; ${thousands(breaks)} of ${thousands(answered)} services shorter than ${options.breakBelow} s taken as breaks` : ''}${credit ? `; waiting credit ${credit}` : ''}`);
    for (const warning of type.diagnostics.warnings) notes.push(`  warning: ${warning}`);
    if (options.fitOptions.roster !== undefined || options.fitOptions.rosterRows !== undefined) {
      staffed.push(type);
      continue;
    }
    const { scenario, staffing } = await fitStaffing(type, { runner: runnerOf({}) });
    notes.push(`  staffing: ${(100 * staffing.availability).toFixed(1)}% of the agents seen serving (${(100 * staffing.low).toFixed(1)}-${(100 * staffing.high).toFixed(1)}% for the observed mean wait ± 2 SE): simulated mean wait ${staffing.simulatedMeanWaitSeconds.toFixed(1)} s where ${staffing.observedMeanWaitSeconds.toFixed(1)} s were observed, abandonment ${(100 * staffing.simulatedAbandonment).toFixed(1)}% (${(100 * staffing.observedAbandonment).toFixed(1)}% observed)`);
    staffed.push({ ...type, scenario, staffing });
  }
  return { fit: dayTypeScenarios(staffed, teams, options.breakBelow), notes };
}

/** A fit by day type from a JSON file, or undefined when the file is a plain scenario. */
export async function readDayTypeFile(file: string): Promise<DayTypeScenarios | undefined> {
  if (!file.endsWith('.json')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && 'dayTypes' in parsed ? (parsed as DayTypeScenarios) : undefined;
}

/** Backtests a fit by day type on record files. */
export async function backtestDayTypeFiles(
  fit: DayTypeScenarios,
  files: string[],
  options: { format: RecordFormat; skipBad: boolean; replications: number; workers?: number; rosterFromRecords: boolean; arrivalsFromRecords: boolean },
): Promise<DayTypeBacktest> {
  const reader = readCallRecords(files, { format: options.format, skipBad: options.skipBad });
  try {
    return await backtestDayTypes(fit, reader.records(), {
      replications: options.replications,
      rosterFromRecords: options.rosterFromRecords,
      arrivalsFromRecords: options.arrivalsFromRecords,
      runner: runnerOf(options),
    });
  } catch (error) {
    if (error instanceof CalibrationError) throw new UsageError(`backtest: ${error.message}`);
    throw error;
  }
}
