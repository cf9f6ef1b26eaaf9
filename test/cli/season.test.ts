// A calendar scenario on the command line and on worker threads: the day and week tables, the
// day rows of --csv, and the same season on a worker thread as in-process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, type SingleLineScenario } from '../../src';
import { workerThreads } from '../../src/node';
import { queuecast } from '../support/cli';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-season-'));
const season: SingleLineScenario = {
  name: 'three days',
  arrivals: { intervalSeconds: 1800, perInterval: [40, 60, 50] },
  agents: 6,
  handleTime: { type: 'exponential', meanSeconds: 240 },
  patience: { type: 'exponential', meanSeconds: 300 },
  redial: { probability: 0.5, delay: { type: 'exponential', meanSeconds: 1800 } },
  calendar: { days: [{ date: '2026-03-06', volume: 1.2 }, { date: '2026-03-09' }, { date: '2026-03-10', agents: 7 }] },
};
const withCallback: SingleLineScenario = { ...season, callback: { offer: 'always', optIn: { probability: 0.3 } } };

describe('a calendar on the command line', () => {
  it('run prints a day table and a week table in clock dates; --csv writes one row per day', async () => {
    const file = join(workdir, 'season.json');
    writeFileSync(file, JSON.stringify(season));
    const csv = join(workdir, 'days.csv');
    const { code, stdout } = await queuecast('run', file, '-r', '2', '-w', '1', '--csv', csv);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^day\s+calls\s+people\s+from day before/m);
    expect(stdout).toMatch(/^2026-03-06 Fri\s/m);
    expect(stdout).toMatch(/^2026-03-10 Tue\s/m);
    // Friday is ISO week 10; Monday and Tuesday week 11.
    expect(stdout).toMatch(/^2026-W10 \(03-06 to 03-06\)\s+1\s/m);
    expect(stdout).toMatch(/^2026-W11 \(03-09 to 03-10\)\s+2\s/m);
    expect(stdout).toMatch(/^peak day: 2026-03-06 Fri/m);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^date,dayType,weekday,week,calls,callsLow,callsHigh,/);
    expect(rows[1]).toMatch(/^2026-03-06,,Fri,2026-W10,/);
  });

  it('compare prints the hold hours saved by day and by week', async () => {
    const baselineFile = join(workdir, 'baseline.json');
    const variantFile = join(workdir, 'variant.json');
    writeFileSync(baselineFile, JSON.stringify(season));
    writeFileSync(variantFile, JSON.stringify(withCallback));
    const { code, stdout } = await queuecast('compare', baselineFile, variantFile, '-r', '2', '-w', '1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^day\s+calls\s+hold hours \(baseline\)\s+hold hours \(variant\)\s+hold hours saved\s+callbacks connected$/m);
    expect(stdout).toMatch(/^week\s+calls\s+hold hours \(baseline\)/m);
  });

  it('a season on a worker thread is the season in-process', async () => {
    const options = { replications: 2, seed: 5 };
    const threads = await compare(season, withCallback, { ...options, runner: workerThreads({ workers: 1 }) });
    const here = await compare(season, withCallback, options);
    expect(threads.pairs).toEqual(here.pairs);
  });
});
