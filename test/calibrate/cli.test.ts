import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateScenario } from '../../src';
import { CALL_RECORDS_HEADER, callRecordLine, loadScenarioFile } from '../../src/node';
import { recordsOf } from '../support/calibration';
import { queuecast } from '../support/cli';

const root = new URL('../../', import.meta.url);
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const workdir = mkdtempSync(join(tmpdir(), 'queuecast-fit-'));

describe('queuecast fit', () => {
  it('exits 2 on bad rows, listing each with its file line', async () => {
    const { code, stdout, stderr } = await queuecast('fit', fixture('bad-rows.csv'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('6 bad rows (fix them, or skip them with --skip-bad)');
    for (const row of [4, 6, 7, 8, 9, 10]) expect(stderr).toMatch(new RegExp(`line ${row}: `));
  });

  it('fits the rest with --skip-bad and says how many rows it skipped', async () => {
    const { code, stdout, stderr } = await queuecast('fit', fixture('bad-rows.csv'), '--skip-bad', '--json');
    expect(code).toBe(0);
    const { scenario, diagnostics } = JSON.parse(stdout);
    expect(diagnostics.records).toMatchObject({ used: 8, skipped: 6 });
    expect(() => validateScenario(scenario)).not.toThrow();
    expect(stderr).toContain('fitted 8 calls over 2 days; skipped 6 bad rows');
  });

  it('exits 2 with a clear message on an empty file', async () => {
    const empty = join(workdir, 'empty.csv');
    writeFileSync(empty, '');
    const { code, stderr } = await queuecast('fit', empty);
    expect(code).toBe(2);
    expect(stderr).toMatch(/empty\.csv: is empty: expected a header row/);
    writeFileSync(empty, `${CALL_RECORDS_HEADER}\n`);
    expect((await queuecast('fit', empty)).stderr).toMatch(/no call records/);
  });

  it('writes commented YAML that backtests against its records, with an HTML report', async () => {
    // Three days of the small agency line, written as its ACD would have.
    const truth = await loadScenarioFile(new URL('examples/scenarios/agency-line.yaml', root).pathname);
    const records = join(workdir, 'agency.csv');
    writeFileSync(records, `${[CALL_RECORDS_HEADER, ...(await recordsOf(truth, 3)).map(callRecordLine)].join('\n')}\n`);
    const fitted = join(workdir, 'fitted.yaml');
    const fit = await queuecast('fit', records, '--interval', '1h', '--out', fitted);
    expect(fit.code).toBe(0);
    const yaml = readFileSync(fitted, 'utf8');
    expect(yaml).toMatch(/^# Fitted by queuecast fit from .*agency\.csv: [\d,]+ calls over 3 days/);
    expect(yaml).toMatch(/# \w+ by maximum likelihood over [\d,]+ answered calls: log-likelihood/);
    expect(yaml).toMatch(/# censored \w+ by maximum likelihood over [\d,]+ callers who hung up/);
    expect(yaml).toContain('# agents seen working in each interval');
    const scenario = validateScenario(parse(yaml));
    expect((scenario as unknown as { arrivals: { perInterval: number[] } }).arrivals.perInterval).toHaveLength(9);
    // The records' days open at 8:00 (their first interval with calls): the scenario says so.
    expect(scenario.opensAt).toBe('08:00');

    const html = join(workdir, 'backtest.html');
    const back = await queuecast('backtest', fitted, records, '-r', '4', '--workers', '1', '--out', html);
    expect(back.stderr).toContain(`wrote ${html}`);
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/Calibration score \(share inside the band\): \d+% overall/);
    // backtest reads the day's opening from the scenario: told 09:00, it sets the scenario's
    // first hour beside the records' 9:00-10:00.
    expect(back.stdout).toMatch(/^8:00\s/m);
    const later = join(workdir, 'later.yaml');
    writeFileSync(later, yaml.replace(/^opensAt: .*$/m, 'opensAt: "09:00"'));
    const shifted = await queuecast('backtest', later, records, '-r', '4', '--workers', '1');
    expect(shifted.code).toBe(0);
    expect(shifted.stdout).not.toMatch(/^8:00\s/m);
    expect(shifted.stdout).toMatch(/^9:00\s/m);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/<script|https?:\/\/(?!vega\.github\.io|www\.w3\.org)/);
    expect(page.match(/<svg/g)).toHaveLength(6);
  });
});
