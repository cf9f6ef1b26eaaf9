import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockTime, scenarioClock, scenarioProblems, waitsByIntervalChart } from '../../src';
import { queuecast } from '../support/cli';

// The scenario's clock (docs/design-decisions.md, "The clock"): a scenario that says when it
// opens has every output in clock time; one that does not keeps its seconds from the start.
const workdir = mkdtempSync(join(tmpdir(), 'queuecast-clock-'));
const csvRows = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(','));

describe('the clock', () => {
  it('says a time from opening as clock time: HH:MM, or a local date-time that turns to the next date past midnight', () => {
    expect(scenarioClock({})).toBeUndefined();
    expect(scenarioClock({ opensAt: '07:00' })).toEqual({ opensAtSeconds: 25_200 });
    const night = { opensAtSeconds: 22 * 3600 };
    expect([0, 1800, 7200, 9000].map((t) => clockTime(night, t))).toEqual(['22:00', '22:30', '24:00', '24:30']);
    const dated = { opensAtSeconds: 22 * 3600, date: '2026-02-28' };
    expect([0, 7200, 9000].map((t) => clockTime(dated, t))).toEqual(['2026-02-28T22:00', '2026-03-01T00:00', '2026-03-01T00:30']);
  });

  it('validates opensAt, date and timeZone with their paths, every problem at once', () => {
    const day = { arrivals: { perHour: 10 }, agents: 2, durationSeconds: 3600, handleTime: { type: 'fixed', seconds: 60 } } as const;
    expect(scenarioProblems({ ...day, opensAt: '7:00', date: '2026-02-30', timeZone: 'Mars/Olympus' })).toEqual([
      { path: 'opensAt', expected: 'a time of day as HH:MM (00:00 to 23:59), such as "07:00"', received: '7:00' },
      { path: 'date', expected: 'a date that exists (YYYY-MM-DD)', received: '2026-02-30' },
      { path: 'timeZone', expected: 'an IANA time zone, such as "America/New_York"', received: 'Mars/Olympus' },
    ]);
    expect(scenarioProblems({ ...day, opensAt: '07:00', date: '2026-03-02', timeZone: 'America/New_York' })).toEqual([]);
  });

  it('puts the time axis of interval charts on the time of day: 07:00 to 09:00 for a run of two hours opening at 07:00', () => {
    const rows = [0, 1800, 3600, 5400].map((start) => ({ intervalStart: start, intervalEnd: start + 1800, meanHoldSeconds: { mean: 1, low: 0, high: 2 } }));
    const spec = waitsByIntervalChart([{ label: 'day', rows }] as never, { opensAtSeconds: 25_200 }) as { encoding?: { x?: Record<string, unknown> }; layer?: Array<{ encoding?: { x?: Record<string, unknown> } }> };
    const x = (spec.encoding?.x ?? spec.layer?.find((layer) => layer.encoding?.x)?.encoding?.x)!;
    expect(x.title).toBe('Time of day');
    expect((x.scale as { domain: number[] }).domain).toEqual([7, 9]);
    expect((x.axis as { values: number[] }).values).toEqual([7, 7.25, 7.5, 7.75, 8, 8.25, 8.5, 8.75, 9]);
    expect(JSON.stringify(spec)).toContain('datum.intervalStart / 3600 + 7');
    const plain = waitsByIntervalChart([{ label: 'day', rows }] as never, {}) as typeof spec;
    const plainX = (plain.encoding?.x ?? plain.layer?.find((layer) => layer.encoding?.x)?.encoding?.x)!;
    expect(plainX.title).toBe('Time since opening (hours)');
    expect((plainX.scale as { domain: number[] }).domain).toEqual([0, 2]);
  });

  it('queuecast run --csv: interval bounds as local date-times with their seconds beside them; staff tables and the roster CSV in clock time', async () => {
    const scenario = join(workdir, 'dated.yaml');
    const source = readFileSync('examples/scenarios/agency-line.yaml', 'utf8');
    writeFileSync(scenario, `${source}\nopensAt: "08:00"\ndate: "2026-03-02"\ntimeZone: America/Chicago\n`);
    const csv = join(workdir, 'dated.csv');
    const run = await queuecast('run', scenario, '-r', '2', '--csv', csv);
    expect(run.code).toBe(0);
    const [header, ...rows] = csvRows(csv);
    expect(header!.slice(0, 5)).toEqual(['intervalStart', 'intervalEnd', 'intervalStartSeconds', 'intervalEndSeconds', 'warmup']);
    expect(rows.map((row) => row.slice(0, 4).join(' '))).toEqual(
      Array.from({ length: 9 }, (_, h) => `2026-03-02T${String(8 + h).padStart(2, '0')}:00 2026-03-02T${String(9 + h).padStart(2, '0')}:00 ${3600 * h} ${3600 * (h + 1)}`),
    );

    const rosterCsv = join(workdir, 'roster.csv');
    const staff = await queuecast('staff', scenario, '--service-level', '0.8', '--roster-csv', rosterCsv);
    expect(staff.code).toBe(0);
    expect(staff.stdout).toMatch(/^time\s+calls\s+Erlangs\s+agents/m);
    // 60 calls of 330 s in the first hour (8:00 to 9:00): 5.5 Erlangs.
    expect(staff.stdout).toMatch(/^08:00–09:00\s+60\.0\s+5\.5\s+8\s/m);
    expect(staff.stdout).toMatch(/^16:00–17:00\s/m);
    const [rosterHeader, firstRow] = csvRows(rosterCsv);
    expect(rosterHeader).toEqual(['intervalStart', 'intervalEnd', 'intervalStartSeconds', 'intervalEndSeconds', 'group', 'agents']);
    expect(firstRow).toEqual(['2026-03-02T08:00', '2026-03-02T09:00', '0', '3600', 'agents', '8']);
  });
});
