// Call records from files, streamed: a row at a time through csv-parse, so a year of a large
// center reads in bounded memory. Bad rows are collected with their row numbers and reported all
// at once at the end, or skipped and counted.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { describeProblem, recordFromFields, type CallRecord, type RecordFields, type RecordOutcome, type RecordProblem } from '../calibrate';
import { bankFields, BANK_COLUMNS } from './bankRecords';

/** The layouts `readCallRecords` knows. */
export type RecordFormat = 'cdr' | 'bank';

/** The canonical columns of a call-detail record file. */
export const CDR_COLUMNS = ['call_id', 'line', 'arrived_at', 'outcome', 'answered_at', 'ended_at', 'agent', 'person', 'group'] as const;
const REQUIRED = ['call_id', 'line', 'arrived_at', 'outcome'] as const;

/** Options of `readCallRecords`. */
export interface ReadRecordsOptions {
  /** `cdr` (default): the canonical columns, or others through `columns`; `bank`: the bank research format. */
  format?: RecordFormat;
  /** For `cdr`: the file's header for a canonical column, e.g. `{ arrived_at: 'StartTime', agent: 'AgentID' }`. */
  columns?: Partial<Record<keyof RecordFields, string>>;
  /** For `cdr`: the file's outcome values for the canonical ones, e.g. `{ ABAN: 'abandoned', ANS: 'answered' }`. */
  outcomes?: Record<string, RecordOutcome>;
  /** Skip bad rows (counted in `badRows`) instead of failing at the end with every problem. */
  skipBad?: boolean;
}

/**
 * A records file with bad rows: every problem with its row number (the header is row 1), up to
 * the first 1,000, and how many rows were bad.
 *
 * @example
 * try {
 *   for await (const record of readCallRecords('calls.csv').records()) tally.add(record);
 * } catch (error) {
 *   if (error instanceof RecordFileError) console.error(error.message); // every bad row, with its number
 * }
 */
export class RecordFileError extends Error {
  override readonly name = 'RecordFileError';

  constructor(
    readonly file: string,
    readonly problems: readonly RecordProblem[],
    readonly badRows: number,
    reason?: string,
  ) {
    const listed = problems.map((p) => `  - ${describeProblem(p)}`).join('\n');
    const more = badRows > new Set(problems.map((p) => p.row)).size ? `\n  ... (${badRows} bad rows in all)` : '';
    super(reason ? `${file}: ${reason}` : `${file}: ${badRows} bad ${badRows === 1 ? 'row' : 'rows'} (fix them, or skip them with --skip-bad):\n${listed}${more}`);
  }
}

const MAX_PROBLEMS = 1000;

/**
 * A records file being read: iterate `records()`, then read the counts.
 *
 * @example
 * const reader = new CallRecordReader('calls.csv', { format: 'cdr', skipBad: true });
 * for await (const record of reader.records()) tally.add(record);
 * reader.badRows; // rows skipped
 */
export class CallRecordReader {
  /** Data rows read (the header not counted). */
  rows = 0;
  /** Rows with a problem (skipped with `skipBad`). */
  badRows = 0;
  /** Rows the format drops on purpose (the bank's PHANTOM calls and calls that never left the VRU). */
  droppedRows = 0;
  readonly problems: RecordProblem[] = [];

  constructor(
    readonly file: string,
    private readonly options: ReadRecordsOptions = {},
    private readonly open: () => Readable = () => createReadStream(file),
  ) {}

  /** The records, in file order; throws a `RecordFileError` after the last row if any was bad (unless `skipBad`). */
  async *records(): AsyncGenerator<CallRecord> {
    const format = this.options.format ?? 'cdr';
    const parser = this.open().pipe(parse({ bom: true, delimiter: [',', '\t', ';'], skip_empty_lines: true, relax_column_count: true, trim: true }));
    let header: string[] | undefined;
    let toFields: ((row: string[], rowNumber: number) => RecordFields | 'drop' | RecordProblem[]) | undefined;
    let row = 1;
    try {
      for await (const fields of parser as AsyncIterable<string[]>) {
        if (header === undefined) {
          header = fields.map((h) => h.toLowerCase());
          toFields = format === 'bank' ? this.bankMapper(header) : this.cdrMapper(header);
          continue;
        }
        row++;
        this.rows++;
        if (fields.length !== header.length) {
          this.bad([{ row, field: '(row)', received: `${fields.length} fields`, expected: `${header.length} fields, as in the header` }]);
          continue;
        }
        const mapped = toFields!(fields, row);
        if (mapped === 'drop') {
          this.droppedRows++;
          continue;
        }
        if (Array.isArray(mapped)) {
          this.bad(mapped);
          continue;
        }
        const result = recordFromFields(mapped, row);
        if ('problems' in result) this.bad(result.problems);
        else yield result.record;
      }
    } catch (error) {
      if (error instanceof RecordFileError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new RecordFileError(this.file, [], 0, `cannot be read (${code})`);
      throw new RecordFileError(this.file, [], 0, `is not readable CSV near row ${row + 1}: ${(error as Error).message}`);
    }
    if (header === undefined) throw new RecordFileError(this.file, [], 0, `is empty: expected a header row (${format === 'bank' ? BANK_COLUMNS.join(',') : CDR_COLUMNS.join(',')}) and a row per call`);
    if (this.badRows > 0 && !this.options.skipBad) throw new RecordFileError(this.file, this.problems, this.badRows);
  }

  private bad(problems: RecordProblem[]): void {
    this.badRows++;
    for (const problem of problems) if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
  }

  private cdrMapper(header: string[]): (row: string[]) => RecordFields {
    const columns = this.options.columns ?? {};
    const index = Object.fromEntries(
      CDR_COLUMNS.map((name) => [name, header.indexOf((columns[name] ?? name).toLowerCase())]),
    ) as Record<(typeof CDR_COLUMNS)[number], number>;
    const missing = REQUIRED.filter((name) => index[name] < 0).map((name) => (columns[name] ? `${name} (mapped to "${columns[name]}")` : name));
    if (missing.length > 0) {
      throw new RecordFileError(this.file, [], 0, `has no column ${missing.join(', ')}: expected a header with ${CDR_COLUMNS.slice(0, 7).join(',')} (person and group optional), or a column mapping`);
    }
    const outcomes = Object.fromEntries(Object.entries(this.options.outcomes ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return (row) => {
      const fields: RecordFields = {};
      for (const name of CDR_COLUMNS) if (index[name] >= 0) fields[name] = row[index[name]]!;
      if (fields.outcome !== undefined) fields.outcome = outcomes[fields.outcome.toLowerCase()] ?? fields.outcome;
      return fields;
    };
  }

  private bankMapper(header: string[]): (row: string[], rowNumber: number) => RecordFields | 'drop' | RecordProblem[] {
    const index = new Map(header.map((name, i) => [name.replace('+', '_'), i]));
    const missing = BANK_COLUMNS.filter((name) => !index.has(name));
    if (missing.length > 0) throw new RecordFileError(this.file, [], 0, `has no column ${missing.join(', ')}: not the bank research format`);
    return (row, rowNumber) => bankFields((name) => row[index.get(name)!]!, rowNumber);
  }
}

/**
 * Streams call records from a CSV file (comma, tab or semicolon separated): the canonical
 * call-detail records, other headers through a column mapping, or the bank research format.
 *
 * @example
 * const reader = readCallRecords('calls.csv', { skipBad: true });
 * const { scenario } = await fitScenario(reader.records(), { skippedRows: 0 });
 * console.log(reader.badRows, 'rows skipped');
 */
export function readCallRecords(file: string, options: ReadRecordsOptions = {}): CallRecordReader {
  return new CallRecordReader(file, options);
}
