// `queuecast forecast-arrivals` on CSV files of interval counts: the scenario fragment, the CSV,
// and the errors a planner meets.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { forecastArrivals, run, seasonArrivals, seasonCalendar, type SeasonReport } from '../../src';
import { queuecast } from '../support/cli';
import { generate, type Generator } from './synthetic';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-forecast-arrivals-'));
const flat = Array.from({ length: 8 }, () => 1 / 8);
const center: Generator = {
  levels: { 1: 800, 2: 700, 3: 700, 4: 700, 5: 600 },
  trendPerWeek: 0,
  daySigma: 0.05,
  profiles: { 1: flat, 2: flat, 3: flat, 4: flat, 5: flat },
  intervalSeconds: 1800,
  opensAtSeconds: 9 * 3600,
  firstDate: '2024-01-01',
};
const history = generate(center, 0, 7 * 6, 5);
const csv = `DateTime,Calls\n${history.map((r) => `${r.start},${r.count}`).join('\n')}\n`;
const countsFile = join(workdir, 'counts.csv.gz');
writeFileSync(countsFile, gzipSync(csv));

describe('queuecast forecast-arrivals', () => {
  it('writes the calendar of the days forecast and start,expected,low,high per interval, as the API forecasts them', async () => {
    const out = join(workdir, 'season.yaml');
    const csvOut = join(workdir, 'season.csv');
    const { code, stdout, stderr } = await queuecast('forecast-arrivals', countsFile, '--from', '2024-02-12', '--to', '2024-02-18', '--special', '2024-02-16=0.5', '--out', out, '--csv', csvOut);
    expect(stderr).toContain(`wrote ${out}`);
    expect(code).toBe(0);
    const forecast = forecastArrivals(history, { from: '2024-02-12', to: '2024-02-18', intervalSeconds: 1800, specialDays: [{ date: '2024-02-16', factor: 0.5 }] });
    expect(parse(readFileSync(out, 'utf8'))).toEqual({ calendar: seasonCalendar(forecast) });
    expect(readFileSync(out, 'utf8')).toContain('opensAt: "09:00"');
    const rows = readFileSync(csvOut, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('start,expected,low,high');
    expect(rows).toHaveLength(1 + 5 * 8);
    const first = forecast.intervals[0]!;
    expect(rows[1]).toBe(`2024-02-12T09:00,${Math.round(first.expected * 100) / 100},${first.low},${first.high}`);
    // One line a day forecast: the weekend has no history, so no day; Friday at half.
    expect(stdout).toMatch(/2024-02-16\s+fri ×0.5\s+\d/);
    expect(stdout).not.toContain('2024-02-17');
  });

  it('with --scenario writes a calendar scenario that runs: each day its type\'s arrivals times its volume', async () => {
    const base = join(workdir, 'line.yaml');
    writeFileSync(base, 'date: "2020-01-01"\narrivals: { intervalSeconds: 1800, perInterval: [50, 50, 50, 50] }\nagents: 30\nhandleTime: { type: exponential, meanSeconds: 300 }\npatience: { type: exponential, meanSeconds: 600 }\n');
    const out = join(workdir, 'season-scenario.yaml');
    const { code, stderr } = await queuecast('forecast-arrivals', countsFile, '--from', '2024-02-12', '--to', '2024-02-18', '--special', '2024-02-14=0', '--scenario', base, '--out', out);
    expect(stderr).toContain(`wrote ${out}`);
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('closed and not in the calendar: 2024-02-14');
    const scenario = parse(text);
    expect(scenario.date).toBeUndefined();
    expect(scenario.agents).toBe(30);
    const forecast = forecastArrivals(history, { from: '2024-02-12', to: '2024-02-18', intervalSeconds: 1800, specialDays: [{ date: '2024-02-14', factor: 0 }] });
    const report = (await run(scenario)) as SeasonReport;
    // Monday to Friday but the closed Wednesday; each day's first calls near its forecast (Poisson
    // with a day factor of cv 5%: within 25% is over 4 standard deviations).
    expect(report.days.map((d) => d.date)).toEqual(['2024-02-12', '2024-02-13', '2024-02-15', '2024-02-16']);
    for (const day of report.days) {
      const expected = forecast.days.find((d) => d.date === day.date)!.expected;
      expect(Math.abs(day.people - expected) / expected).toBeLessThan(0.25);
    }
    // The day opens at its type's opening (09:00) and closes after its eight half hours.
    expect(report.intervals.slice(0, 8).map((row) => row.intervalStart)).toEqual([0, 1800, 3600, 5400, 7200, 9000, 10_800, 12_600]);
    expect(report.intervals[8]!.intervalStart).toBe(86_400);
  });

  it('reads other column names, and a date apart from the time of day', async () => {
    const file = join(workdir, 'split.csv');
    writeFileSync(file, `day;slot;calls\n${history.map((r) => `${(r.start as string).slice(0, 10)};${(r.start as string).slice(11)};${r.count}`).join('\n')}\n`);
    const { code, stderr, stdout } = await queuecast('forecast-arrivals', file, '--date-column', 'day', '--time-column', 'slot', '--count-column', 'calls', '--from', '2024-02-12', '--to', '2024-02-12', '--interval', '1h');
    expect(stderr).toContain('2024-02-12');
    expect(code).toBe(0);
    const season = parse(stdout) as { calendar: { dayTypes: ReturnType<typeof seasonArrivals>['dayTypes'] } };
    expect(season.calendar.dayTypes.mon!.arrivals).toMatchObject({ intervalSeconds: 3600 });
    expect(season.calendar.dayTypes.mon!.arrivals.perInterval).toHaveLength(4);
  });

  it('names a missing column and the columns there are; lists every bad row with its file line', async () => {
    const missing = await queuecast('forecast-arrivals', countsFile, '--count-column', 'Offered', '--from', '2024-02-12', '--to', '2024-02-12');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${countsFile}: has no column "Offered" (name it with --count-column); its columns are "DateTime", "Calls"`);

    const bad = join(workdir, 'bad.csv');
    writeFileSync(bad, `${csv.split('\n').slice(0, 4).join('\n')}\n2024-01-01 09:00,many\nMonday 9am,3\n`);
    const rows = await queuecast('forecast-arrivals', bad, '--from', '2024-02-12', '--to', '2024-02-12');
    expect(rows.code).toBe(2);
    expect(rows.stderr).toContain(`${bad}: 2 bad rows`);
    expect(rows.stderr).toContain('line 5: Calls: expected a number of calls >= 0, got "many"');
    expect(rows.stderr).toContain('line 6: DateTime: expected a local date-time (2003-03-03 07:00), got "Monday 9am"');
    expect(rows.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every problem with the options at once, exit code 2', async () => {
    const { code, stderr } = await queuecast('forecast-arrivals', countsFile, '--from', '2024-03-01', '--to', '2024-02-01', '--special', '2024-02-31=1', '--interval', '7m');
    expect(code).toBe(2);
    expect(stderr).toContain('invalid arrivals forecast input: 3 problems');
    expect(stderr).toContain('intervalSeconds: expected a whole number of seconds that divides a day (300, 900, 1800, 3600...), received 420');
    expect(stderr).toContain('to: expected a date on or after from (2024-03-01), received "2024-02-01"');
    expect(stderr).toContain('specialDays[0].date: expected a date YYYY-MM-DD, received "2024-02-31"');
  });
});
