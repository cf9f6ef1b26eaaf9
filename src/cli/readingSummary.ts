// What a reader made of the rows, as one sentence for the CLI's output and the fitted YAML.
import type { RecordsRead } from '../calibrate';
import { thousands } from './format';

/**
 * Every count of a `RecordsRead` that is not zero, in words.
 *
 * @example
 * readingSummary(reader.read); // 'read 31,599 rows of 1 file: 30,140 records; left out 240 virtual calls (PHANTOM), ...'
 */
export function readingSummary(read: RecordsRead): string {
  const n = (count: number, one: string, many = `${one}s`) => `${thousands(count)} ${count === 1 ? one : many}`;
  const leftOut = [
    read.phantom > 0 ? `${n(read.phantom, 'virtual call')} (PHANTOM)` : '',
    read.vruOnly > 0 ? `${n(read.vruOnly, 'caller')} who hung up in the VRU (never queued; not abandonment)` : '',
    read.duplicates > 0 ? n(read.duplicates, 'duplicate row') : '',
    read.bad > 0 ? n(read.bad, 'bad row') : '',
  ].filter((part) => part !== '');
  const parts = [
    `read ${n(read.rows, 'row')} of ${n(read.files, 'file')}: ${n(read.records, 'record')}`,
    leftOut.length > 0 ? `left out ${leftOut.join(', ')}` : '',
    read.clamped > 0 ? `clamped ${n(read.clamped, 'row')} whose clocks crossed by a few seconds` : '',
    read.doubted > 0 ? `doubted ${n(read.doubted, 'row')} whose clocks disagree by more (kept on the queue's clock)` : '',
    read.doubtedIds > 0 ? `${n(read.doubtedIds, 'caller id')} in E+ notation read as unknown callers` : '',
    read.outOfOrder > 0 ? `${n(read.outOfOrder, 'record')} more than a day out of time order (redials and shifts assume order)` : '',
    read.missingDays.length > 0 ? `no call at all on ${read.missingDays.length === 1 ? '' : `${read.missingDays.length} days: `}${read.missingDays.slice(0, 10).join(', ')}${read.missingDays.length > 10 ? ', ...' : ''}` : '',
  ].filter((part) => part !== '');
  return parts.join('; ');
}
