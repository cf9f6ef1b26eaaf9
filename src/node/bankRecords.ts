// The bank research format (the "Anonymous Bank" call-center records of Mandelbaum et al.): a row
// per call with the VRU, queue and service segments' clock times on one date. PHANTOM rows (calls
// that never were) and calls that hung up in the VRU (never queued for an agent) are dropped;
// `type` is the line, `server` the agent, `customer_id` the person (0: unidentified).
import { formatLocalDateTime, type RecordFields, type RecordProblem } from '../calibrate';

export const BANK_COLUMNS = ['vru_line', 'call_id', 'customer_id', 'type', 'date', 'vru_entry', 'vru_exit', 'q_start', 'q_exit', 'q_time', 'outcome', 'ser_start', 'ser_exit', 'server'] as const;
type BankColumn = (typeof BANK_COLUMNS)[number];

/** The canonical fields of one bank row, 'drop' for a row the format drops, or its problems. */
export function bankFields(field: (name: BankColumn) => string, row: number): RecordFields | 'drop' | RecordProblem[] {
  const problems: RecordProblem[] = [];
  const outcome = field('outcome').toUpperCase();
  if (outcome === 'PHANTOM') return 'drop';
  if (outcome !== 'AGENT' && outcome !== 'HANG') problems.push({ row, field: 'outcome', received: field('outcome'), expected: 'AGENT, HANG or PHANTOM' });
  const day = bankDate(field('date'));
  if (day === undefined) problems.push({ row, field: 'date', received: field('date'), expected: 'a date as yymmdd (990101) or 1999-01-01' });
  const clock = (name: BankColumn) => {
    const seconds = clockSeconds(field(name));
    if (seconds === undefined) problems.push({ row, field: name, received: field(name), expected: 'a time of day as h:mm:ss' });
    return seconds ?? 0;
  };
  const vruEntry = clock('vru_entry');
  const vruExit = clock('vru_exit');
  const queued = Number(field('q_time')) > 0;
  const qStart = queued ? clock('q_start') : vruExit;
  const qExit = queued ? clock('q_exit') : vruExit;
  const answered = outcome === 'AGENT';
  const serStart = answered ? clock('ser_start') : 0;
  const serExit = answered ? clock('ser_exit') : 0;
  if (problems.length > 0) return problems;
  if (!queued && !answered) return 'drop'; // hung up in the VRU: never a caller for an agent
  // Times past midnight belong to the next day.
  const at = (seconds: number) => formatLocalDateTime(day! + (seconds < vruEntry ? seconds + 86_400 : seconds));
  const customer = field('customer_id');
  return {
    call_id: `${field('vru_line')}-${field('call_id')}`,
    line: field('type'),
    arrived_at: at(qStart),
    outcome: answered ? 'answered' : 'abandoned',
    ...(answered ? { answered_at: at(serStart), ended_at: at(serExit), agent: field('server') } : { ended_at: at(qExit) }),
    ...(customer !== '' && customer !== '0' ? { person: customer } : {}),
  };
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
