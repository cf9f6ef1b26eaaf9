// Interval reports from a CSV file (or .gz): a row per line and interval, for centers without call records.
import { parseLocalDateTime, type IntervalReportRow, type RecordProblem } from '../calibrate';
import { RecordFileError } from './callRecordFiles';
import { csvFileRows, CsvFileError } from './csvFiles';

/** The columns of an interval report; `aht_seconds`, `asa_seconds` and `agents` may be empty. */
export const INTERVAL_COLUMNS = ['interval_start', 'line', 'offered', 'answered', 'abandoned', 'aht_seconds', 'asa_seconds', 'agents'] as const;

/**
 * Reads every row of an interval report (small: a row per line and interval), each checked; bad
 * rows are thrown together as a `RecordFileError` with their file lines, or skipped with
 * `skipBad` and counted in `badRows`.
 *
 * @example
 * const { rows } = await readIntervalReports('intervals.csv');
 * const { scenario } = fitIntervalReports(rows);
 */
export async function readIntervalReports(file: string, options: { skipBad?: boolean } = {}): Promise<{ rows: IntervalReportRow[]; badRows: number }> {
  const rows: IntervalReportRow[] = [];
  const problems: RecordProblem[] = [];
  let badRows = 0;
  let header: string[] | undefined;
  try {
    for await (const batch of csvFileRows(file)) {
      for (let r = 0; r < batch.fields.length; r++) {
        const fields = batch.fields[r]!;
        const rowNumber = batch.lines[r]!;
        if (header === undefined) {
          header = fields.map((h) => h.toLowerCase());
          const missing = INTERVAL_COLUMNS.slice(0, 5).filter((name) => !header!.includes(name));
          if (missing.length > 0) throw new RecordFileError(file, [], 0, `has no column ${missing.join(', ')}: expected ${INTERVAL_COLUMNS.join(',')}`);
          continue;
        }
        const text = (name: (typeof INTERVAL_COLUMNS)[number]) => fields[header!.indexOf(name)]?.trim() ?? '';
        const rowProblems: RecordProblem[] = [];
        const count = (name: (typeof INTERVAL_COLUMNS)[number], optional: boolean) => {
          const value = text(name);
          if (value === '' && optional) return undefined;
          const n = Number(value);
          if (value === '' || !(n >= 0)) rowProblems.push({ row: rowNumber, field: name, received: value, expected: 'a number >= 0' });
          return n;
        };
        const intervalStart = parseLocalDateTime(text('interval_start'));
        if (intervalStart === undefined) rowProblems.push({ row: rowNumber, field: 'interval_start', received: text('interval_start'), expected: 'a local date-time such as 2024-03-04T08:00:00' });
        const line = text('line');
        if (line === '') rowProblems.push({ row: rowNumber, field: 'line', received: '', expected: 'the name of the line' });
        const offered = count('offered', false);
        const answered = count('answered', false);
        const abandoned = count('abandoned', false);
        const aht = count('aht_seconds', true);
        const asa = count('asa_seconds', true);
        const agents = count('agents', true);
        if (rowProblems.length > 0) {
          badRows++;
          for (const p of rowProblems) if (problems.length < 1000) problems.push(p);
          continue;
        }
        rows.push({
          intervalStart: intervalStart!, line, offered: offered!, answered: answered!, abandoned: abandoned!,
          ...(aht === undefined ? {} : { ahtSeconds: aht }), ...(asa === undefined ? {} : { asaSeconds: asa }), ...(agents === undefined ? {} : { agents }),
        });
      }
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw new RecordFileError(file, [], 0, error.message);
    throw error;
  }
  if (header === undefined) throw new RecordFileError(file, [], 0, `is empty: expected a header row (${INTERVAL_COLUMNS.join(',')}) and a row per line and interval`);
  if (badRows > 0 && !options.skipBad) throw new RecordFileError(file, problems, badRows);
  return { rows, badRows };
}
