// The bank research format (the "Anonymous Bank" call-center records of Mandelbaum et al.): a row
// per call with the VRU, queue and service segments' clock times on one date. `type` is the line,
// `server` the agent, `customer_id` the person (0: unidentified), `priority` 2 a priority caller.
//
// The times come from several clocks a second or so apart: a call may leave the queue a second
// before it entered it, or be served a second before it left the queue. The record takes the wait
// from the queue's clock (arrival at q_start, answer at q_exit) and the handle time from the
// service's (ser_exit − ser_start), so the two never contradict each other; the row is counted as
// clamped when the clocks cross by at most CLOCK_TOLERANCE_SECONDS, as doubted beyond.
import { formatLocalDateTime, type RecordFields, type RecordProblem } from '../calibrate';

export const BANK_COLUMNS = ['vru_line', 'call_id', 'customer_id', 'type', 'date', 'vru_entry', 'vru_exit', 'q_start', 'q_exit', 'q_time', 'outcome', 'ser_start', 'ser_exit', 'server'] as const;
type BankColumn = (typeof BANK_COLUMNS)[number] | 'priority' | 'ser_time';

/** Clocks that cross by this much or less are taken as skew and put in order; by more, the row is doubted. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** Why a bank row gives no record: a virtual call, or a caller who never left the VRU for an agent. */
export type BankDrop = 'phantom' | 'vruOnly';

/** One bank row read: its canonical fields and whether its clocks were put in order or are doubted. */
export interface BankRow {
  fields: RecordFields;
  clamped: boolean;
  doubted: boolean;
  /** The customer id was unusable (E+ notation) and is left out. */
  doubtedId: boolean;
}

const HALF_DAY = 43_200;
const DAY = 86_400;

/** The canonical fields of one bank row, why the row is dropped, or its problems. */
export function bankFields(field: (name: BankColumn) => string | undefined, row: number): BankRow | BankDrop | RecordProblem[] {
  const text = (name: BankColumn) => field(name) ?? '';
  const problems: RecordProblem[] = [];
  const outcome = text('outcome').toUpperCase();
  if (outcome === 'PHANTOM') return 'phantom';
  if (outcome !== 'AGENT' && outcome !== 'HANG') problems.push({ row, field: 'outcome', received: text('outcome'), expected: 'AGENT, HANG or PHANTOM' });
  const day = bankDate(text('date'));
  if (day === undefined) problems.push({ row, field: 'date', received: text('date'), expected: 'a date as yymmdd (990101) or 1999-01-01' });
  const clock = (name: BankColumn) => {
    const seconds = clockSeconds(text(name));
    if (seconds === undefined) problems.push({ row, field: name, received: text(name), expected: 'a time of day as h:mm:ss' });
    return seconds ?? 0;
  };
  const vruEntry = clock('vru_entry');
  const vruExitClock = clock('vru_exit');
  const qStartText = text('q_start');
  const queued = Number(text('q_time')) > 0 || (clockSeconds(qStartText) ?? 0) > 0;
  const qStartClock = queued ? clock('q_start') : 0;
  const qExitClock = queued ? clock('q_exit') : 0;
  const answered = outcome === 'AGENT';
  const serStartClock = answered ? clock('ser_start') : 0;
  const serExitClock = answered ? clock('ser_exit') : 0;
  if (problems.length > 0) return problems;
  if (!queued && !answered) return 'vruOnly';

  let clamped = false;
  let doubted = false;
  // The end of a segment read from its start and its length on the same clock: crossing the start
  // by the tolerance or less is skew (the segment lasted 0 s); by more, the row's own length field.
  const segmentEnd = (start: number, endClock: number, length: BankColumn): number => {
    const end = nearest(endClock, start);
    if (end >= start) return end;
    if (start - end <= CLOCK_TOLERANCE_SECONDS) {
      clamped = true;
      return start;
    }
    doubted = true;
    return start + Math.max(0, Number(text(length)) || 0);
  };
  // Each clock time is the one nearest the time before it: past midnight is the next day.
  const vruExit = nearest(vruExitClock, vruEntry);
  const arrival = queued ? nearest(qStartClock, vruExit) : vruExit;
  const queueExit = queued ? segmentEnd(arrival, qExitClock, 'q_time') : arrival;
  const record: RecordFields = {
    call_id: `${text('vru_line')}-${text('call_id')}`,
    line: text('type'),
    arrived_at: formatLocalDateTime(day! + arrival),
    outcome: answered ? 'answered' : 'abandoned',
  };
  if (answered) {
    const serviceStart = nearest(serStartClock, queueExit);
    if (Math.abs(serviceStart - queueExit) > CLOCK_TOLERANCE_SECONDS) doubted = true;
    else if (serviceStart < queueExit) clamped = true;
    const handle = segmentEnd(serviceStart, serExitClock, 'ser_time') - serviceStart;
    record.answered_at = formatLocalDateTime(day! + queueExit);
    record.ended_at = formatLocalDateTime(day! + queueExit + handle);
    record.agent = text('server');
  } else record.ended_at = formatLocalDateTime(day! + queueExit);
  const customer = text('customer_id');
  const doubtedId = /e\+/i.test(customer);
  if (customer !== '' && customer !== '0' && !doubtedId) record.person = customer;
  const priority = field('priority');
  if (priority !== undefined && priority !== '') record.priority = priority.trim() === '2' ? '1' : '0';
  return { fields: record, clamped, doubted, doubtedId };
}

/** `clock` (seconds after midnight) on the day, or the next or the previous, whichever is nearest `after`. */
function nearest(clock: number, after: number): number {
  const d = clock - (after % DAY);
  const base = after - (after % DAY);
  return base + clock + (d < -HALF_DAY ? DAY : d > HALF_DAY ? -DAY : 0);
}

function bankDate(text: string): number | undefined {
  let match = /^(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  let year: number, month: number, day: number;
  if (match) {
    year = Number(match[1]) + (Number(match[1]) < 50 ? 2000 : 1900);
    month = Number(match[2]);
    day = Number(match[3]);
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim()))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else return undefined;
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day && month >= 1 && month <= 12 ? ms / 1000 : undefined;
}

function clockSeconds(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return h < 24 && m < 60 && s < 60 ? h * 3600 + m * 60 + s : undefined;
}
