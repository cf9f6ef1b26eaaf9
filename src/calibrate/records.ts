// A call-detail record as the fit reads it, and the checks that turn a row's text into one.

/** How a call ended, in a record's `outcome` column. */
export type RecordOutcome = 'answered' | 'abandoned' | 'balked' | 'busy' | 'disconnected' | 'callback';

const OUTCOMES: ReadonlySet<string> = new Set<RecordOutcome>(['answered', 'abandoned', 'balked', 'busy', 'disconnected', 'callback']);

/**
 * One call, as an ACD exports it. Times are seconds since 1970-01-01T00:00 of the center's local
 * clock (a local date-time read as if it were UTC), so whole days and times of day fall out by
 * division.
 */
export interface CallRecord {
  callId: string;
  line: string;
  arrivedAt: number;
  outcome: RecordOutcome;
  /** When an agent picked up; answered calls only. */
  answeredAt?: number;
  /** End of the call, or when the caller hung up. */
  endedAt?: number;
  agent?: string;
  /** The caller's id, to tell redials. */
  person?: string;
  /** The agent group that took the call. */
  group?: string;
  /** The caller's priority class as the export gives it (0: regular; higher: served sooner). */
  priority?: number;
}

/** Something wrong with one row: the file line it starts on (the header is line 1), the field, what was found and what was expected. */
export interface RecordProblem {
  row: number;
  /** The file, when a reader reads several. */
  file?: string;
  field: string;
  received: string;
  expected: string;
}

/** A row's fields by canonical column name (absent or empty: not given). */
export type RecordFields = Partial<Record<'call_id' | 'line' | 'arrived_at' | 'outcome' | 'answered_at' | 'ended_at' | 'agent' | 'person' | 'group' | 'priority', string>>;

/**
 * What a reader made of the rows it read: the records it passed on, and every row it set aside,
 * corrected or doubts, counted. The fit reports it beside what it fitted.
 */
export interface RecordsRead {
  /** Files read. */
  files: number;
  /** Data rows read (headers and blank lines not counted). */
  rows: number;
  /** Records passed on to the fit. */
  records: number;
  /** Rows that could not be read (skipped with `skipBad`; otherwise the read fails listing them). */
  bad: number;
  /** Virtual calls (the bank's PHANTOM): not calls, left out. */
  phantom: number;
  /** Callers who hung up in the VRU without ever queueing for an agent: left out, not abandonment. */
  vruOnly: number;
  /** Rows repeating a record already read (the same call id and arrival): left out. */
  duplicates: number;
  /** Rows whose clocks disagree by at most the tolerance (a call leaving the queue a second before it entered): put in order and kept. */
  clamped: number;
  /** Rows whose clocks disagree by more (a service starting minutes before the queue exit): kept on the queue's clock, as a doubt. */
  doubted: number;
  /** Caller ids that cannot tell callers apart (written in E+ notation, digits lost): read as unknown callers. */
  doubtedIds: number;
  /** Records arriving more than a day before one read earlier: redials and agents' shifts assume time order. */
  outOfOrder: number;
  /** Calendar days between the first and the last record without a single call (at most 100 listed). */
  missingDays: string[];
}

/** A `RecordsRead` with every count at zero. */
export function emptyRecordsRead(): RecordsRead {
  return { files: 0, rows: 0, records: 0, bad: 0, phantom: 0, vruOnly: 0, duplicates: 0, clamped: 0, doubted: 0, doubtedIds: 0, outOfOrder: 0, missingDays: [] };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 local date-time (`2024-03-04T08:15:00`, a space for the T, seconds optional) as
 * seconds of the local clock since 1970; undefined when it is not one. An offset or Z is
 * accepted and ignored: the center's own clock is what days and intervals are made of.
 *
 * @example
 * parseLocalDateTime('2024-03-04 08:15'); // 1709540100
 * parseLocalDateTime('4/3/2024'); // undefined
 */
export function parseLocalDateTime(text: string): number | undefined {
  return fastDateTime(text) ?? slowDateTime(text);
}

// The date part of the last date-time read, and its seconds: records come a day at a time.
let lastDate = '';
let lastDateSeconds = 0;

/** `YYYY-MM-DDTHH:MM:SS` (or a space for the T), the form nearly every row has, without a regex or a Date per field. */
function fastDateTime(text: string): number | undefined {
  if (text.length !== 19 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  if (!text.startsWith(lastDate) || lastDate === '') {
    const date = text.slice(0, 10);
    const seconds = slowDateTime(`${date}T00:00:00`);
    if (seconds === undefined) return undefined;
    lastDate = date;
    lastDateSeconds = seconds;
  }
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 32) return undefined;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (!(hour <= 23 && minute <= 59 && second <= 60)) return undefined;
  return lastDateSeconds + hour * 3600 + minute * 60 + second;
}

/** Two ASCII digits at `at` as a number; NaN if either is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : NaN;
}

function slowDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day) return undefined; // 31 April and the like
  return ms / 1000 + (fraction === undefined ? 0 : Number(fraction));
}

/**
 * Seconds of the local clock as an ISO 8601 local date-time, to the second.
 *
 * @example
 * formatLocalDateTime(1709540100); // '2024-03-04T08:15:00'
 */
export function formatLocalDateTime(seconds: number): string {
  return new Date(Math.round(seconds) * 1000).toISOString().slice(0, 19);
}

/**
 * A record from a row's text, or every problem with the row: a missing or unparseable field, an
 * unknown outcome, an answered call without `answered_at`, times out of order.
 *
 * @example
 * recordFromFields({ call_id: '1', line: 'sales', arrived_at: '2024-03-04T08:00:05', outcome: 'abandoned', ended_at: '2024-03-04T08:01:10' }, 2);
 */
export function recordFromFields(fields: RecordFields, row: number): { record: CallRecord } | { problems: RecordProblem[] } {
  const result = recordOrProblems(fields, row);
  return Array.isArray(result) ? { problems: result } : { record: result };
}

/** `recordFromFields` without the wrapping object: the readers' path, called once a row on files of millions. */
export function recordOrProblems(fields: RecordFields, row: number): CallRecord | RecordProblem[] {
  // No closure or array unless the row has a problem.
  let problems: RecordProblem[] | undefined;
  const callId = present(fields.call_id);
  if (callId === undefined) problems = withProblem(problems, row, 'call_id', callId, 'a call id');
  const line = present(fields.line);
  if (line === undefined) problems = withProblem(problems, row, 'line', line, 'the name of the line the call came in on');
  const outcomeText = present(fields.outcome)?.toLowerCase();
  const outcome = outcomeText !== undefined && OUTCOMES.has(outcomeText) ? (outcomeText as RecordOutcome) : undefined;
  if (outcome === undefined) problems = withProblem(problems, row, 'outcome', fields.outcome, 'answered, abandoned, balked, busy, disconnected or callback');
  const arrivedText = present(fields.arrived_at);
  const answeredText = present(fields.answered_at);
  const endedText = present(fields.ended_at);
  const arrivedAt = arrivedText === undefined ? undefined : parseLocalDateTime(arrivedText);
  const answeredAt = answeredText === undefined ? undefined : parseLocalDateTime(answeredText);
  const endedAt = endedText === undefined ? undefined : parseLocalDateTime(endedText);
  const dateTime = 'a local date-time such as 2024-03-04T08:15:00';
  if (arrivedAt === undefined) problems = withProblem(problems, row, 'arrived_at', arrivedText, dateTime);
  if (answeredAt === undefined && (answeredText !== undefined || outcome === 'answered')) problems = withProblem(problems, row, 'answered_at', answeredText, dateTime);
  if (endedAt === undefined && (endedText !== undefined || outcome === 'answered' || outcome === 'abandoned')) problems = withProblem(problems, row, 'ended_at', endedText, dateTime);
  if (arrivedAt !== undefined && answeredAt !== undefined && answeredAt < arrivedAt) {
    problems = withProblem(problems, row, 'answered_at', fields.answered_at, `not before arrived_at (${fields.arrived_at})`);
  }
  if (arrivedAt !== undefined && endedAt !== undefined && endedAt < arrivedAt) {
    problems = withProblem(problems, row, 'ended_at', fields.ended_at, `not before arrived_at (${fields.arrived_at})`);
  } else if (answeredAt !== undefined && endedAt !== undefined && endedAt < answeredAt) {
    problems = withProblem(problems, row, 'ended_at', fields.ended_at, `not before answered_at (${fields.answered_at})`);
  }
  const priorityText = present(fields.priority);
  const priority = priorityText === undefined ? undefined : Number(priorityText);
  if (priority !== undefined && !(Number.isInteger(priority) && priority >= 0)) problems = withProblem(problems, row, 'priority', priorityText, 'a whole number >= 0 (0: regular)');
  if (problems !== undefined) return problems;

  const record: CallRecord = { callId: callId!, line: line!, arrivedAt: arrivedAt!, outcome: outcome! };
  if (answeredAt !== undefined && outcome === 'answered') record.answeredAt = answeredAt;
  if (endedAt !== undefined) record.endedAt = endedAt;
  const agent = present(fields.agent);
  if (agent !== undefined) record.agent = agent;
  const person = present(fields.person);
  if (person !== undefined) record.person = person;
  const group = present(fields.group);
  if (group !== undefined) record.group = group;
  if (priority !== undefined) record.priority = priority;
  return record;
}

function withProblem(problems: RecordProblem[] | undefined, row: number, field: string, received: string | undefined, expected: string): RecordProblem[] {
  (problems ??= []).push({ row, field, received: received ?? '', expected });
  return problems;
}

/** The text trimmed, or undefined when absent or blank. */
function present(text: string | undefined): string | undefined {
  if (text === undefined || text.length === 0) return undefined;
  const first = text.charCodeAt(0);
  if (first > 32 && text.charCodeAt(text.length - 1) > 32) return text;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A problem as one line a person can act on. */
export function describeProblem(problem: RecordProblem): string {
  const received = problem.received === '' ? 'nothing' : JSON.stringify(problem.received);
  return `${problem.file === undefined ? '' : `${problem.file} `}line ${problem.row}: ${problem.field}: expected ${problem.expected}, got ${received}`;
}
