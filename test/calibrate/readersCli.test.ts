// `queuecast fit` on exports as they come: several gzipped files, what was set aside said on
// stderr and in the YAML, and the file lines of a bad roster.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { queuecast } from '../support/cli';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-fit-exports-'));
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const HEADER = 'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
const tabs = (rows: string[]) => `${[HEADER, ...rows.map((row) => row.replace(/ +/g, '\t'))].join('\n')}\n`;

describe('queuecast fit on real exports', () => {
  it('reads several gzipped bank files without --skip-bad and counts what it left out, clamped and doubted', async () => {
    const day = (date: string, n: number) => [
      `AA0101 ${n}1 111 2 PS ${date} 10:00:00 10:00:06 6 10:00:06 10:01:06 60 AGENT 10:01:05 10:03:05 120 DANA`,
      `AA0101 ${n}2 222 0 PS ${date} 10:20:00 10:20:06 6 10:20:06 10:22:06 120 AGENT 10:20:06 10:25:00 294 DANA`,
      `AA0101 ${n}3 333 0 PS ${date} 10:30:00 10:30:06 6 10:30:06 10:31:06 60 HANG 0:00:00 0:00:00 0 NO_SERVER`,
      `AA0101 ${n}4 0 0 PS ${date} 11:00:00 11:00:05 5 11:00:05 11:00:20 15 PHANTOM 0:00:00 0:00:00 0 NO_SERVER`,
      `AA0101 ${n}5 0 0 PS ${date} 11:10:00 11:10:09 9 0:00:00 0:00:00 0 HANG 0:00:00 0:00:00 0 NO_SERVER`,
    ];
    const january = join(workdir, 'january.txt.gz');
    const february = join(workdir, 'february.txt.gz');
    writeFileSync(january, gzipSync(tabs([...day('990104', 1), ...day('990105', 2)])));
    writeFileSync(february, gzipSync(tabs(day('990201', 3))));
    const out = join(workdir, 'bank.yaml');
    const { code, stderr } = await queuecast('fit', '--format', 'bank', '--interval', '1h', february, january, '--out', out);
    expect(stderr).not.toMatch(/bad row/);
    expect(code).toBe(0);
    // Three days of five rows: a clamped and a doubted answer and an abandonment kept; a PHANTOM and a VRU hang-up left out.
    const summary = 'read 15 rows of 2 files: 9 records; left out 3 virtual calls (PHANTOM), 3 callers who hung up in the VRU (never queued; not abandonment); '
      + 'clamped 3 rows whose clocks crossed by a few seconds; doubted 3 rows whose clocks disagree by more (kept on the queue\'s clock)';
    expect(stderr).toContain(summary);
    expect(stderr).toContain('no call at all on 26 days: 1999-01-06, 1999-01-07');
    expect(readFileSync(out, 'utf8')).toContain(`# Records: ${summary}`);
  });

  it('names the file lines of a bad roster, blank lines counted', async () => {
    const roster = join(workdir, 'roster.csv');
    writeFileSync(roster, 'interval_start,agents\n08:00,3\n\n08:30,three\n');
    const { code, stderr } = await queuecast('fit', fixture('bad-rows.csv'), '--skip-bad', '--roster', roster);
    expect(code).toBe(2);
    expect(stderr).toContain('line 4: agents: expected a whole number >= 0, got "three"');
  });
});
