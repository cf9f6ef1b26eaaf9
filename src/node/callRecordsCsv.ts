import { formatLocalDateTime, type CallRecord } from '../calibrate';

/** The header of a canonical call-detail records file. */
export const CALL_RECORDS_HEADER = 'call_id,line,arrived_at,outcome,answered_at,ended_at,agent,person,group';

/**
 * One record as a line of the canonical CSV (no line break), times to the second.
 *
 * @example
 * [CALL_RECORDS_HEADER, ...records.map(callRecordLine)].join('\n');
 */
export function callRecordLine(record: CallRecord): string {
  const time = (t: number | undefined) => (t === undefined ? '' : formatLocalDateTime(t));
  return [record.callId, record.line, time(record.arrivedAt), record.outcome, time(record.answeredAt), time(record.endedAt), record.agent ?? '', record.person ?? '', record.group ?? '']
    .map(field)
    .join(',');
}

function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
