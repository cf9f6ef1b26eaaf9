// Call records from files, streamed: a chunk of rows at a time, so a year of a large center reads
// in bounded memory. Several files are read one after another, in the order of their first
// record; `.gz` files are unzipped as they stream. Bad rows are collected with their file and line
// and reported all at once at the end, or skipped and counted; what the reader set aside, put in
// order or doubts is counted in `read` (a `RecordsRead`), for the fit to report.
import type { Readable } from 'node:stream';
import { describeProblem, emptyRecordsRead, fitTally, newTally, recordOrProblems, type CallRecord, type FitOptions, type FittedScenario, type RecordFields, type RecordOutcome, type RecordProblem, type RecordsRead } from '../calibrate';
import { InvalidInputError, type InputProblem } from '../errors';
import { bankFields, BANK_COLUMNS } from './bankRecords';
import { csvFileRows, CsvFileError, openText } from './csvFiles';

/** The layouts `readCallRecords` knows. */
export type RecordFormat = 'cdr' | 'bank';

/** The canonical columns of a call-detail record file. */
export const CDR_COLUMNS = ['call_id', 'line', 'arrived_at', 'outcome', 'answered_at', 'ended_at', 'agent', 'person', 'group', 'priority'] as const;
const REQUIRED = ['call_id', 'line', 'arrived_at', 'outcome'] as const;
const DAY = 86_400;
const MAX_PROBLEMS = 1000;
const MAX_MISSING_DAYS = 100;

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
 * Records files with bad rows: every problem with its file line (the header is line 1), up to the
 * first 1,000, and how many rows were bad; or why a file could not be read at all.
 *
 * @example
 * try {
 *   for await (const record of readCallRecords('calls.csv').records()) tally.add(record);
 * } catch (error) {
 *   if (error instanceof RecordFileError) console.error(error.message); // every bad row, with its line
 * }
 */
export class RecordFileError extends InvalidInputError {
  override readonly name = 'RecordFileError';
  /** Each bad row's problem: its `path` is the column, `row` and `file` say where. */
  declare readonly problems: ReadonlyArray<InputProblem & RecordProblem>;

  constructor(
    readonly file: string,
    problems: readonly RecordProblem[],
    readonly badRows: number,
    reason?: string,
  ) {
    const listed = problems.map((p) => `  - ${describeProblem(p)}`).join('\n');
    const more = badRows > new Set(problems.map((p) => `${p.file}:${p.row}`)).size ? `\n  ... (${badRows} bad rows in all)` : '';
    super(
      'records',
      problems.map((p) => ({ ...p, path: p.field, message: describeProblem(p) })),
      reason ? `${file}: ${reason}` : `${file}: ${badRows} bad ${badRows === 1 ? 'row' : 'rows'} (fix them, or skip them with --skip-bad):\n${listed}${more}`,
    );
  }
}

type RowMapper = (fields: string[], line: number) => CallRecord | 'phantom' | 'vruOnly' | RecordProblem[];

/**
 * Records files being read: iterate `records()`, then read the counts in `read`.
 *
 * @example
 * const reader = new CallRecordReader(['jan.txt.gz', 'feb.txt.gz'], { format: 'bank' });
 * for await (const record of reader.records()) tally.add(record);
 * reader.read; // { rows, records, phantom, vruOnly, duplicates, clamped, doubted, ... }
 */
export class CallRecordReader {
  readonly files: readonly string[];
  /** What was read, set aside, put in order or doubted; filled as the records are read. */
  readonly read: RecordsRead = emptyRecordsRead();
  readonly problems: RecordProblem[] = [];

  constructor(
    files: string | readonly string[],
    private readonly options: ReadRecordsOptions = {},
    private readonly open: (file: string) => Readable = openText,
  ) {
    this.files = typeof files === 'string' ? [files] : [...files];
  }

  /** Data rows read (headers not counted). */
  get rows(): number {
    return this.read.rows;
  }

  /** Rows with a problem (skipped with `skipBad`). */
  get badRows(): number {
    return this.read.bad;
  }

  /** Rows left out on purpose: virtual calls, VRU hang-ups, duplicates. */
  get droppedRows(): number {
    return this.read.phantom + this.read.vruOnly + this.read.duplicates;
  }

  /** The records, file after file, each file's in its order (the bank's sorted by arrival); throws a `RecordFileError` after the last row if any was bad (unless `skipBad`). */
  async *records(): AsyncGenerator<CallRecord> {
    for await (const batch of this.batches()) yield* batch;
  }

  /** The records a chunk of rows at a time: `records()` with one await per chunk rather than per record. */
  async *batches(): AsyncGenerator<CallRecord[]> {
    const files = this.files.length > 1 ? await this.inOrderOfFirstRecord() : this.files;
    const checks = new RecordChecks(this.read);
    for (const file of files) {
      this.read.files++;
      if ((this.options.format ?? 'cdr') === 'bank') {
        // The bank's files run VRU line after VRU line: a file is put in time order before it is passed on.
        const all: CallRecord[] = [];
        for await (const batch of this.fileBatches(file, this.read, this.problems)) for (const record of batch) all.push(record);
        all.sort((a, b) => a.arrivedAt - b.arrivedAt);
        for (let i = 0; i < all.length; i += 4096) yield checks.keep(all.slice(i, i + 4096));
      } else {
        for await (const batch of this.fileBatches(file, this.read, this.problems)) yield checks.keep(batch);
      }
    }
    checks.finish();
    if (this.read.bad > 0 && !this.options.skipBad) throw new RecordFileError(this.files.join(', '), this.problems, this.read.bad);
  }

  /** The files in the order of their first record's arrival, so that months given in any order are read in time order. */
  private async inOrderOfFirstRecord(): Promise<readonly string[]> {
    const first = new Map<string, number>();
    for (const file of this.files) {
      let arrival = Infinity;
      for await (const batch of this.fileBatches(file, emptyRecordsRead(), [])) {
        if (batch.length === 0) continue;
        arrival = batch[0]!.arrivedAt;
        break;
      }
      first.set(file, arrival);
    }
    return [...this.files].sort((a, b) => first.get(a)! - first.get(b)!);
  }

  private async *fileBatches(file: string, read: RecordsRead, problems: RecordProblem[]): AsyncGenerator<CallRecord[]> {
    const several = this.files.length > 1;
    const bad = (rowProblems: RecordProblem[]) => {
      read.bad++;
      for (const problem of rowProblems) if (problems.length < MAX_PROBLEMS) problems.push(several ? { ...problem, file } : problem);
    };
    let toRecord: RowMapper | undefined;
    let columns = 0;
    try {
      for await (const rows of csvFileRows(file, this.open)) {
        const records: CallRecord[] = [];
        for (let r = 0; r < rows.fields.length; r++) {
          const fields = rows.fields[r]!;
          const line = rows.lines[r]!;
          if (toRecord === undefined) {
            const header = fields.map((h) => h.toLowerCase());
            columns = header.length;
            toRecord = (this.options.format ?? 'cdr') === 'bank' ? this.bankMapper(file, header, read) : this.cdrMapper(file, header);
            continue;
          }
          read.rows++;
          if (fields.length !== columns) {
            bad([{ row: line, field: '(row)', received: `${fields.length} fields`, expected: `${columns} fields, as in the header` }]);
            continue;
          }
          const mapped = toRecord(fields, line);
          if (mapped === 'phantom' || mapped === 'vruOnly') read[mapped]++;
          else if (Array.isArray(mapped)) bad(mapped);
          else records.push(mapped);
        }
        yield records;
      }
    } catch (error) {
      if (error instanceof CsvFileError) throw new RecordFileError(file, [], 0, error.message);
      throw error;
    }
    if (toRecord === undefined) {
      const expected = (this.options.format ?? 'cdr') === 'bank' ? BANK_COLUMNS.join(',') : CDR_COLUMNS.join(',');
      throw new RecordFileError(file, [], 0, `is empty: expected a header row (${expected}) and a row per call`);
    }
  }

  private cdrMapper(file: string, header: string[]): RowMapper {
    const columns = this.options.columns ?? {};
    const index = CDR_COLUMNS.map((name) => header.indexOf((columns[name] ?? name).toLowerCase()));
    const missing = REQUIRED.filter((name) => index[CDR_COLUMNS.indexOf(name)]! < 0).map((name) => (columns[name] ? `${name} (mapped to "${columns[name]}")` : name));
    if (missing.length > 0) {
      throw new RecordFileError(file, [], 0, `has no column ${missing.join(', ')}: expected a header with ${CDR_COLUMNS.slice(0, 7).join(',')} (person, group and priority optional), or a column mapping`);
    }
    const outcomes = Object.fromEntries(Object.entries(this.options.outcomes ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const mapsOutcomes = Object.keys(outcomes).length > 0;
    // One fields object for every row: recordOrProblems copies what it keeps.
    const fields: Record<string, string | undefined> = {};
    return (row, line) => {
      for (let i = 0; i < CDR_COLUMNS.length; i++) fields[CDR_COLUMNS[i]!] = index[i]! >= 0 ? row[index[i]!] : undefined;
      if (mapsOutcomes && fields.outcome !== undefined) fields.outcome = outcomes[fields.outcome.toLowerCase()] ?? fields.outcome;
      return recordOrProblems(fields as RecordFields, line);
    };
  }

  private bankMapper(file: string, header: string[], read: RecordsRead): RowMapper {
    const index = new Map(header.map((name, i) => [name.replace('+', '_'), i]));
    const missing = BANK_COLUMNS.filter((name) => !index.has(name));
    if (missing.length > 0) throw new RecordFileError(file, [], 0, `has no column ${missing.join(', ')}: not the bank research format`);
    return (row, line) => {
      const mapped = bankFields((name) => {
        const i = index.get(name);
        return i === undefined ? undefined : row[i];
      }, line);
      if (mapped === 'phantom' || mapped === 'vruOnly' || Array.isArray(mapped)) return mapped;
      const result = recordOrProblems(mapped.fields, line);
      if (Array.isArray(result)) return result;
      if (mapped.clamped) read.clamped++;
      if (mapped.doubted) read.doubted++;
      if (mapped.doubtedId) read.doubtedIds++;
      return result;
    };
  }
}

/**
 * What is checked across rows: duplicates (a call id read again at the same arrival second, as a
 * row repeated in an export), records out of time order, and the days with records. Memory: the
 * call ids of one second and the days.
 */
class RecordChecks {
  private second = -Infinity;
  /** A second holds a few calls: a list is cheaper than a set. */
  private readonly idsThisSecond: string[] = [];
  private latest = -Infinity;
  private readonly days = new Set<number>();
  private day = -Infinity;

  constructor(private readonly read: RecordsRead) {}

  /** The batch without its duplicates. */
  keep(batch: CallRecord[]): CallRecord[] {
    const kept: CallRecord[] = [];
    for (const record of batch) {
      if (record.arrivedAt !== this.second) {
        this.second = record.arrivedAt;
        this.idsThisSecond.length = 0;
      } else if (this.idsThisSecond.includes(record.callId)) {
        this.read.duplicates++;
        continue;
      }
      this.idsThisSecond.push(record.callId);
      if (record.arrivedAt < this.latest - DAY) this.read.outOfOrder++;
      else if (record.arrivedAt > this.latest) this.latest = record.arrivedAt;
      const day = Math.floor(record.arrivedAt / DAY);
      if (day !== this.day) this.days.add((this.day = day));
      kept.push(record);
    }
    this.read.records += kept.length;
    return kept;
  }

  /** Lists the days between the first and the last without a record. */
  finish(): void {
    if (this.days.size === 0) return;
    let first = Infinity;
    let last = -Infinity;
    for (const day of this.days) [first, last] = [Math.min(first, day), Math.max(last, day)];
    for (let day = first; day <= last && this.read.missingDays.length < MAX_MISSING_DAYS; day++) {
      if (!this.days.has(day)) this.read.missingDays.push(new Date(day * DAY * 1000).toISOString().slice(0, 10));
    }
  }
}

/**
 * Streams call records from CSV files (comma, tab or semicolon separated, `.gz` unzipped): the
 * canonical call-detail records, other headers through a column mapping, or the bank research
 * format. Several files are read in the order of their first record.
 *
 * @example
 * const reader = readCallRecords(['jan.csv.gz', 'feb.csv.gz'], { skipBad: true });
 * const { scenario, diagnostics } = await fitScenario(reader.records(), { reading: reader.read });
 * diagnostics.reading; // rows read, bad, duplicates, clamped, doubted, missing days...
 */
export function readCallRecords(files: string | readonly string[], options: ReadRecordsOptions = {}): CallRecordReader {
  return new CallRecordReader(files, options);
}

/**
 * Reads call-record files and fits a scenario to them, `queuecast fit`'s path: the records a chunk
 * at a time into the fit's tally (no await per record), what the reader made of the rows in
 * `diagnostics.reading`.
 *
 * @example
 * const { scenario, diagnostics } = await fitCallRecordFiles(['jan.txt.gz', 'feb.txt.gz'], { format: 'bank', intervalSeconds: 1800 });
 * diagnostics.reading?.clamped; // rows whose clocks crossed by a few seconds
 */
export async function fitCallRecordFiles(files: string | readonly string[], options: ReadRecordsOptions & FitOptions = {}): Promise<FittedScenario> {
  const reader = readCallRecords(files, options);
  const tally = newTally(options);
  for await (const batch of reader.batches()) for (const record of batch) tally.add(record);
  return fitTally(tally, { ...options, reading: reader.read });
}
