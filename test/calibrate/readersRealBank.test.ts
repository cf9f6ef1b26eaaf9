// The real bank records (../shared/realdata, read where they lie): the first week of January,
// sliced from the gzipped month as it streams, read without --skip-bad. The expected counts come
// from the raw text, field by field, not from the reader.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src';
import { CallRecordReader } from '../../src/node';

const JANUARY = new URL('../../../shared/realdata/anonymous-bank-1999/january.txt.gz', import.meta.url).pathname;
const WEEK = new Set(['990101', '990102', '990103', '990104', '990105', '990106', '990107']);

/** The header and the week's rows of the month, as a stream. */
function firstWeek(file: string): Readable {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  return Readable.from((async function* () {
    let header = true;
    for await (const line of lines) {
      if (header || WEEK.has(line.split('\t')[5]!)) yield `${line}\n`;
      header = false;
    }
  })());
}

async function rawWeek(): Promise<string[][]> {
  const rows: string[][] = [];
  let header = true;
  for await (const line of createInterface({ input: firstWeek(JANUARY), crlfDelay: Infinity })) {
    if (!header && line !== '') rows.push(line.split('\t'));
    header = false;
  }
  return rows;
}

const seconds = (clock: string) => clock.split(':').reduce((s, part) => s * 60 + Number(part), 0);

describe.skipIf(!existsSync(JANUARY))('the Anonymous Bank, first week of January 1999', () => {
  it('reads every row without --skip-bad: virtual calls and VRU hang-ups apart, clock skew clamped, waits as the queue measured them', async () => {
    const raw = await rawWeek();
    const reader = new CallRecordReader(JANUARY, { format: 'bank' }, firstWeek);
    const records: CallRecord[] = [];
    for await (const batch of reader.batches()) records.push(...batch);

    const [OUTCOME, Q_START, Q_EXIT, Q_TIME, SER_START, CUSTOMER] = [12, 9, 10, 11, 13, 2];
    const phantom = raw.filter((r) => r[OUTCOME] === 'PHANTOM').length;
    const vruOnly = raw.filter((r) => r[OUTCOME] === 'HANG' && r[Q_TIME] === '0' && r[Q_START] === '0:00:00').length;
    const answered = raw.filter((r) => r[OUTCOME] === 'AGENT');
    // Served a second before the queue exit, by the raw clocks: each of these is clamped.
    const servedEarly = answered.filter((r) => r[Q_TIME] !== '0' && seconds(r[SER_START]!) === seconds(r[Q_EXIT]!) - 1).length;
    expect(raw.length).toBeGreaterThan(5000);
    expect(reader.read).toMatchObject({ rows: raw.length, bad: 0, phantom, vruOnly, duplicates: 0, outOfOrder: 0, missingDays: [] });
    expect(reader.read.records).toBe(raw.length - phantom - vruOnly);
    expect(records).toHaveLength(reader.read.records);
    expect(reader.read.clamped).toBeGreaterThanOrEqual(servedEarly);
    expect(servedEarly).toBeGreaterThan(0.2 * answered.length);
    // Clocks minutes apart are rare: under 2% of the rows (the six months: about 1%).
    expect(reader.read.doubted).toBeLessThan(0.02 * raw.length);
    expect(reader.read.doubtedIds).toBe(raw.filter((r) => /E\+/i.test(r[CUSTOMER]!)).length);

    // In time order, every answer after its arrival and before its end.
    for (let i = 1; i < records.length; i++) expect(records[i]!.arrivedAt).toBeGreaterThanOrEqual(records[i - 1]!.arrivedAt);
    expect(records.filter((r) => r.outcome === 'answered' && !(r.arrivedAt <= r.answeredAt! && r.answeredAt! <= r.endedAt!))).toEqual([]);
    // The waits are the queue's own: their sum is the sum of q_time over the answered calls.
    const waited = records.filter((r) => r.outcome === 'answered').reduce((sum, r) => sum + r.answeredAt! - r.arrivedAt, 0);
    expect(waited).toBe(answered.reduce((sum, r) => sum + Number(r[Q_TIME]), 0));
    expect(records.filter((r) => r.priority === 1).length).toBe(answered.filter((r) => r[3] === '2').length + raw.filter((r) => r[OUTCOME] === 'HANG' && r[3] === '2' && !(r[Q_TIME] === '0' && r[Q_START] === '0:00:00')).length);
  });
});
