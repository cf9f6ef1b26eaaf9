import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src';
import { queuecast } from '../support/cli';

// `fit --day-types` and `backtest --roster-from-records` on a month of the real bank (the
// README's commands on a slice; the whole six months are examples/real-bank.ts's).
const MARCH = new URL('../../../shared/realdata/anonymous-bank-1999/march.txt.gz', import.meta.url).pathname;
const workdir = mkdtempSync(join(tmpdir(), 'queuecast-daytypes-'));
const fitFile = join(workdir, 'bank.json');

describe('queuecast fit --day-types, then backtest --roster-from-records', () => {
  it('writes a scenario per day type, each valid, with its days and fitted staffing', async () => {
    const { code, stderr } = await queuecast('fit', MARCH, '--format', 'bank', '--day-types', 'auto', '--break-below', '10', '--out', fitFile);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('day types: sun-thu, fri, sat');
    const fit = JSON.parse(readFileSync(fitFile, 'utf8'));
    expect(fit.dayTypes.map((t: { name: string; days: string[] }) => [t.name, t.days.length])).toEqual([
      ['sun-thu', 23],
      ['fri', 4],
      ['sat', 4],
    ]);
    for (const type of fit.dayTypes) {
      expect(() => validateScenario(type.scenario)).not.toThrow();
      expect(type.staffing.availability).toBeGreaterThan(0);
      expect(type.staffing.low).toBeLessThanOrEqual(type.staffing.availability);
      expect(type.staffing.high).toBeGreaterThanOrEqual(type.staffing.availability);
    }
  }, 240_000);

  it('backtests each type on its own days; --json rows keep their shape, with dayType', async () => {
    const { code, stdout, stderr } = await queuecast('backtest', fitFile, MARCH, '--format', 'bank', '--roster-from-records', '--replications', '4', '--workers', '1', '--json');
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result.rows[0])).toEqual(['line', 'dayType', 'intervalStart', 'measure', 'observed', 'simulated', 'low', 'high', 'inside']);
    expect(new Set(result.rows.map((r: { dayType: string }) => r.dayType))).toEqual(new Set(['sun-thu', 'fri', 'sat']));
    expect(result.dayTypes.every((t: { rosterFromRecords: boolean }) => t.rosterFromRecords)).toBe(true);
  }, 240_000);

  it('refuses --roster-from-records on a plain scenario, saying why', async () => {
    const { code, stderr } = await queuecast('backtest', 'examples/scenarios/agency-line.yaml', MARCH, '--format', 'bank', '--roster-from-records');
    expect(code).toBe(2);
    expect(stderr).toContain('--roster-from-records: needs a fit by day type');
  });

  it('refuses --arrivals-from-records on a plain scenario, saying why', async () => {
    const { code, stderr } = await queuecast('backtest', 'examples/scenarios/agency-line.yaml', MARCH, '--format', 'bank', '--arrivals-from-records');
    expect(code).toBe(2);
    expect(stderr).toContain('--arrivals-from-records: needs a fit by day type');
  });
});
