// Real exports as they come: clocks a second apart, virtual calls, VRU hang-ups, ids in E+
// notation, repeated rows, missing days, several gzipped files, and file lines in error messages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../src';
import { fitCallRecordFiles, readCallRecords, RecordFileError } from '../../src/node';
import { CsvSplitter } from '../../src/node/csvRows';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-exports-'));
const at = (text: string) => Date.parse(`${text}Z`) / 1000;

async function all(iterable: AsyncIterable<CallRecord>): Promise<CallRecord[]> {
  const records: CallRecord[] = [];
  for await (const record of iterable) records.push(record);
  return records;
}

const BANK_HEADER = 'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
const bankFile = (name: string, rows: string[]) => {
  const file = join(workdir, name);
  writeFileSync(file, `${[BANK_HEADER, ...rows].map((row) => row.replace(/ +/g, '\t')).join('\n')}\n`);
  return file;
};

// Each row's reading written out by hand (fields separated by spaces here, tabs in the file).
const SKEWED = [
  // Served a second before the queue exit: clamped; the wait is the queue's 60 s, the handle the service's 120 s.
  'AA0101 1 111 2 PS 990104 10:00:00 10:00:06 6 10:00:06 10:01:06 60 AGENT 10:01:05 10:03:05 120 DANA',
  // Left the queue a second before it entered it: clamped, an abandonment after 0 s.
  'AA0101 2 112 0 PS 990104 10:05:00 10:05:05 5 10:05:05 10:05:04 0 HANG 0:00:00 0:00:00 0 NO_SERVER',
  // Served without queueing, a second before the VRU exit: clamped, answered on arrival.
  'AA0101 3 0 0 NE 990104 10:10:00 10:10:09 9 0:00:00 0:00:00 0 AGENT 10:10:08 10:12:08 120 TOVA',
  // Service clock two minutes before the queue exit: doubted, kept on the queue's clock.
  'AA0101 4 222 1 PS 990104 10:20:00 10:20:06 6 10:20:06 10:22:06 120 AGENT 10:20:06 10:25:00 294 DANA',
  // Across midnight: the clock times after 0:00 are the next day's.
  'AA0101 5 333 2 PS 990104 23:59:00 23:59:06 6 23:59:06 0:00:30 84 AGENT 0:00:30 0:05:30 300 DANA',
  // A virtual call, and a caller who hung up in the VRU: neither is a caller for an agent.
  'AA0101 6 0 0 PS 990104 11:00:00 11:00:05 5 11:00:05 11:00:20 15 PHANTOM 0:00:00 0:00:00 0 NO_SERVER',
  'AA0101 7 0 0 PS 990104 11:10:00 11:10:09 9 0:00:00 0:00:00 0 HANG 0:00:00 0:00:00 0 NO_SERVER',
  // A customer id whose digits a spreadsheet lost: an unknown caller, not a person.
  'AA0101 8 3.26702E+11 0 PS 990104 11:20:00 11:20:05 5 11:20:05 11:21:05 60 HANG 0:00:00 0:00:00 0 NO_SERVER',
  // The first row again.
  'AA0101 1 111 2 PS 990104 10:00:00 10:00:06 6 10:00:06 10:01:06 60 AGENT 10:01:05 10:03:05 120 DANA',
  // Two days later (5 January has no call).
  'AA0102 9 444 0 PS 990106 09:00:00 09:00:06 6 09:00:06 09:00:36 30 AGENT 09:00:36 09:02:36 120 DANA',
];

describe('the bank format as exported', () => {
  it('clamps clocks a few seconds apart, doubts those further apart, and counts every row it sets aside', async () => {
    const reader = readCallRecords(bankFile('skewed.txt', SKEWED), { format: 'bank' });
    const records = await all(reader.records());
    expect(records.map((r) => [r.callId, r.arrivedAt, r.outcome, r.answeredAt, r.endedAt])).toEqual([
      ['AA0101-1', at('1999-01-04T10:00:06'), 'answered', at('1999-01-04T10:01:06'), at('1999-01-04T10:03:06')],
      ['AA0101-2', at('1999-01-04T10:05:05'), 'abandoned', undefined, at('1999-01-04T10:05:05')],
      ['AA0101-3', at('1999-01-04T10:10:09'), 'answered', at('1999-01-04T10:10:09'), at('1999-01-04T10:12:09')],
      ['AA0101-4', at('1999-01-04T10:20:06'), 'answered', at('1999-01-04T10:22:06'), at('1999-01-04T10:27:00')],
      ['AA0101-8', at('1999-01-04T11:20:05'), 'abandoned', undefined, at('1999-01-04T11:21:05')],
      ['AA0101-5', at('1999-01-04T23:59:06'), 'answered', at('1999-01-05T00:00:30'), at('1999-01-05T00:05:30')],
      ['AA0102-9', at('1999-01-06T09:00:06'), 'answered', at('1999-01-06T09:00:36'), at('1999-01-06T09:02:36')],
    ]);
    expect(records.find((r) => r.callId === 'AA0101-8')!.person).toBeUndefined();
    expect(records.map((r) => r.priority)).toEqual([1, 0, 0, 0, 0, 1, 0]);
    // Every row is one of records, phantom, vruOnly, duplicates or bad; clamped and doubted count
    // rows read (the repeated first row was clamped too, before it was found to be a repeat).
    expect(reader.read).toEqual({
      files: 1, rows: 10, records: 7, bad: 0, phantom: 1, vruOnly: 1, duplicates: 1,
      clamped: 4, doubted: 1, doubtedIds: 1, outOfOrder: 0, missingDays: ['1999-01-05'],
    });
  });

  it('puts the counts in the fit\'s diagnostics', async () => {
    const { diagnostics } = await fitCallRecordFiles(bankFile('skewed-fit.txt', SKEWED), { format: 'bank', intervalSeconds: 3600 });
    expect(diagnostics.reading).toMatchObject({ phantom: 1, vruOnly: 1, duplicates: 1, clamped: 4, doubted: 1, missingDays: ['1999-01-05'] });
    expect(diagnostics.records.used).toBe(7);
  });

  it('lists a row it cannot read with its file and line, beside the rows it could', async () => {
    const file = bankFile('unreadable.txt', [...SKEWED.slice(0, 2), '', 'AA0101 10 0 0 PS yesterday 10:00:00 10:00:06 6 10:00:06 10:01:06 60 AGENT 10:01:05 10:03:05 120 DANA']);
    const other = bankFile('fine.txt', SKEWED.slice(2, 3));
    const error = await all(readCallRecords([file, other], { format: 'bank' }).records()).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RecordFileError);
    // The header is line 1, then two rows and a blank line: the bad row is on line 5.
    expect((error as RecordFileError).problems).toEqual([
      { row: 5, file, field: 'date', received: 'yesterday', expected: 'a date as yymmdd (990101) or 1999-01-01', path: 'date', message: `${file} line 5: date: expected a date as yymmdd (990101) or 1999-01-01, got "yesterday"` },
    ]);
    expect((error as Error).message).toContain(`${file} line 5: date: expected a date as yymmdd`);
  });
});

describe('several files', () => {
  it('reads gzipped and plain files in the order of their first record, whatever order they are given in', async () => {
    const february = join(workdir, 'february.txt.gz');
    writeFileSync(february, gzipSync(`${BANK_HEADER}\n${'AA0101 20 555 0 PS 990201 09:00:00 09:00:06 6 09:00:06 09:00:36 30 AGENT 09:00:36 09:02:36 120 DANA'.replace(/ +/g, '\t')}\n`));
    const january = join(workdir, 'january.txt.gz');
    // VRU line after VRU line, as the bank's files run: AA0102's call came first.
    writeFileSync(january, gzipSync(`${[BANK_HEADER, 'AA0101 1 111 2 PS 990104 10:00:00 10:00:06 6 10:00:06 10:01:06 60 AGENT 10:01:05 10:03:05 120 DANA', 'AA0102 9 444 0 PS 990103 09:00:00 09:00:06 6 09:00:06 09:00:36 30 AGENT 09:00:36 09:02:36 120 DANA'].map((row) => row.replace(/ +/g, '\t')).join('\n')}\n`));
    const march = bankFile('march.txt', ['AA0101 30 666 0 PS 990301 09:00:00 09:00:06 6 09:00:06 09:00:36 30 AGENT 09:00:36 09:02:36 120 DANA']);
    const reader = readCallRecords([march, february, january], { format: 'bank' });
    const records = await all(reader.records());
    expect(records.map((r) => r.callId)).toEqual(['AA0102-9', 'AA0101-1', 'AA0101-20', 'AA0101-30']);
    expect(reader.read).toMatchObject({ files: 3, rows: 4, records: 4, outOfOrder: 0 });
  });

  it('says why a file cannot be read: missing, or not gzip', async () => {
    const notGzip = join(workdir, 'plain.csv.gz');
    writeFileSync(notGzip, 'call_id,line\n');
    await expect(all(readCallRecords(join(workdir, 'none.csv')).records())).rejects.toThrow(/none\.csv: cannot be read \(ENOENT\)/);
    await expect(all(readCallRecords(notGzip).records())).rejects.toThrow(/plain\.csv\.gz: is not a readable gzip file/);
  });
});

describe('CSV file lines', () => {
  it('names the file line of a bad row after a blank line and a quoted line break', async () => {
    const file = join(workdir, 'lines.csv');
    writeFileSync(file, [
      'call_id,line,arrived_at,outcome,answered_at,ended_at,agent',
      '1,sales,2026-03-02T08:01:10,answered,2026-03-02T08:01:40,2026-03-02T08:06:02,ann',
      '',
      '2,"sales',
      'desk",2026-03-02T08:03:00,abandoned,,2026-03-02T08:04:15,',
      '3,sales,yesterday,answered,2026-03-02T08:05:00,2026-03-02T08:09:00,bob',
      '',
    ].join('\r\n'));
    const error = await all(readCallRecords(file).records()).then(() => undefined, (e: unknown) => e);
    // Records: header, 1, 2 (two lines), 3; file lines: 1, 2, (3 blank), 4-5, 6.
    expect((error as RecordFileError).problems.map((p) => [p.row, p.field])).toEqual([[6, 'arrived_at']]);
    const reader = readCallRecords(file, { skipBad: true });
    expect((await all(reader.records())).map((r) => r.line)).toEqual(['sales', 'sales\r\ndesk']);
  });

  it('says where a quote is never closed', async () => {
    const file = join(workdir, 'unclosed.csv');
    writeFileSync(file, 'call_id,line,arrived_at,outcome\n1,"sales,2026-03-02T08:01:10,answered\n');
    await expect(all(readCallRecords(file).records())).rejects.toThrow(/unclosed\.csv: is not readable CSV: line 2: a quoted field is never closed/);
  });

  // Invariant: whatever the fields (delimiters, quotes, line breaks inside) and wherever the chunks
  // break, the splitter gives back the table that was written, each row with the line it starts on.
  const cell = fc.stringMatching(/^[a-z0-9 ,";\n]{0,8}$/).map((s) => s.trim()).filter((s) => s === '' || !/^\s|\s$/.test(s));
  test.prop([fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 6 })], { numRuns: 200 })(
    'gives back the written table with each row\'s first line, however the text is chunked',
    (table, cuts) => {
      const quote = (s: string) => (/[",\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);
      const text = `a,b,c\n${table.map((row) => row.map(quote).join(',')).join('\n')}\n`;
      const splitter = new CsvSplitter();
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
      const fields: string[][] = [];
      const lines: number[] = [];
      let from = 0;
      for (const to of [...points, text.length]) {
        const rows = splitter.push(text.slice(from, to));
        fields.push(...rows.fields);
        lines.push(...rows.lines);
        from = to;
      }
      const last = splitter.end();
      fields.push(...last.fields);
      lines.push(...last.lines);
      expect(fields).toEqual([['a', 'b', 'c'], ...table]);
      let line = 2;
      const expectedLines = [1, ...table.map((row) => {
        const start = line;
        line += 1 + row.join('').split('\n').length - 1;
        return start;
      })];
      expect(lines).toEqual(expectedLines);
    },
  );
});
