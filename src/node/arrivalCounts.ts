// Interval counts from a CSV file (plain or gzipped, streamed): a date-time column and a count
// column, by name, as an arrivals forecast reads them.
import { parseLocalDateTime, type RecordProblem } from '../calibrate';
import type { IntervalCount } from '../forecast';
import { RecordFileError } from './callRecordFiles';
import { csvFileRows, CsvFileError } from './csvFiles';

export interface ArrivalCountsColumns {
  /** The interval's start: a local date-time, or (with `dateColumn`) a time of day. Default `DateTime`. */
  timeColumn?: string;
  /** Calls in the interval. Default `Calls`. */
  countColumn?: string;
  /** A column of dates, when the date and the time of day are apart (`date,start` as in the 1999 bank's counts). */
  dateColumn?: string;
  /** Skip rows that cannot be read (counted in `badRows`) rather than fail listing them. */
  skipBad?: boolean;
}

/** Bad rows listed in an error at most; the rest are counted. */
const LISTED = 20;

/**
 * The interval counts of a CSV file. Throws a `RecordFileError` naming the file when a column is
 * missing or (without `skipBad`) listing the rows that cannot be read, each with its line.
 *
 * @example
 * const { counts } = await readArrivalCounts('../shared/realdata/bank-calls-2003/bank_calls_5min_mar-aug.csv.gz');
 * counts[0]; // { start: '2003-03-03 07:00', count: 111 }
 */
export async function readArrivalCounts(file: string, columns: ArrivalCountsColumns = {}): Promise<{ counts: IntervalCount[]; badRows: number }> {
  const timeName = columns.timeColumn ?? 'DateTime';
  const countName = columns.countColumn ?? 'Calls';
  const counts: IntervalCount[] = [];
  const problems: RecordProblem[] = [];
  let badRows = 0;
  let at: { time: number; count: number; date: number } | undefined;
  try {
    for await (const { fields, lines } of csvFileRows(file)) {
      for (let i = 0; i < fields.length; i++) {
        const row = fields[i]!;
        if (!at) {
          at = { time: row.indexOf(timeName), count: row.indexOf(countName), date: columns.dateColumn === undefined ? -1 : row.indexOf(columns.dateColumn) };
          const missing = [
            at.time < 0 ? `"${timeName}" (name it with --time-column)` : '',
            at.count < 0 ? `"${countName}" (name it with --count-column)` : '',
            columns.dateColumn !== undefined && at.date < 0 ? `"${columns.dateColumn}" (--date-column)` : '',
          ].filter(Boolean);
          if (missing.length > 0) throw new RecordFileError(file, [], 0, `has no column ${missing.join(' and no column ')}; its columns are ${row.map((c) => `"${c}"`).join(', ')}`);
          continue;
        }
        const start = at.date >= 0 ? `${row[at.date] ?? ''} ${row[at.time] ?? ''}` : (row[at.time] ?? '');
        const countText = row[at.count] ?? '';
        const count = countText === '' ? NaN : Number(countText);
        const rowProblems: RecordProblem[] = [];
        if (parseLocalDateTime(start) === undefined) rowProblems.push({ row: lines[i]!, field: at.date >= 0 ? `${columns.dateColumn} ${timeName}` : timeName, received: start, expected: 'a local date-time (2003-03-03 07:00)' });
        if (!(count >= 0)) rowProblems.push({ row: lines[i]!, field: countName, received: countText, expected: 'a number of calls >= 0' });
        if (rowProblems.length === 0) counts.push({ start, count });
        else {
          badRows++;
          if (problems.length < LISTED) problems.push(...rowProblems);
        }
      }
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw new RecordFileError(file, [], 0, error.message);
    throw error;
  }
  if (!at) throw new RecordFileError(file, [], 0, 'is empty: expected a header line and interval counts');
  if (badRows > 0 && !columns.skipBad) throw new RecordFileError(file, problems, badRows);
  return { counts, badRows };
}
