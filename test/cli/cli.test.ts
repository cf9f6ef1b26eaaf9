import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src';
import { significantDigits } from '../support/significantDigits';
import { queuecast } from '../support/cli';

// The built command, as a planner runs it (npm test builds dist/ first).
const root = new URL('../../', import.meta.url);
const workdir = mkdtempSync(join(tmpdir(), 'queuecast-cli-'));

describe('queuecast run', () => {
  it('prints the figures with intervals, writes CSV and JSON, and keeps stderr quiet when piped', async () => {
    const csv = join(workdir, 'intervals.csv');
    const json = join(workdir, 'report.json');
    const { code, stdout, stderr } = await queuecast('run', 'examples/scenarios/agency-line.yaml', '--replications', '4', '--csv', csv, '--json', json);
    expect(code).toBe(0);
    expect(stdout).toContain('Small agency line');
    expect(stdout).toMatch(/callers offered\s+[\d,]+ ± [\d,]+/);
    expect(stdout).toMatch(/answered within 60 s\s+[\d.]+% ± [\d.]+/);
    // No progress bar when stderr is not a terminal: only what was written.
    expect(stderr.trim().split('\n')).toEqual([`wrote ${csv}`, `wrote ${json}`]);

    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 9); // a header and one row per hour, 8:00 to 17:00
    expect(lines[0]!.split(',').slice(0, 6)).toEqual(['intervalStart', 'intervalEnd', 'warmup', 'arrivals', 'arrivalsLow', 'arrivalsHigh']);
    expect(lines[1]!.startsWith('0,3600,false,')).toBe(true);

    // Numbers rounded to what they mean: no binary noise, nothing past 6 significant digits,
    // counts whole; the JSON keeps the raw values.
    const header = lines[0]!.split(',');
    for (const line of lines.slice(1)) {
      const fields = line.split(',');
      for (const [i, text] of fields.entries()) {
        if (text === 'true' || text === 'false') continue;
        expect(significantDigits(text), `${header[i]} = ${text}`).toBeLessThanOrEqual(6);
        if (/^(arrivals|answered|abandoned|callbacksAccepted)/.test(header[i]!)) expect(Number.isInteger(Number(text)), `${header[i]} = ${text}`).toBe(true);
      }
    }
    const document = JSON.parse(readFileSync(json, 'utf8'));
    expect(document.replicated.replications).toBe(4);
    expect(document.replicated.summary.hold.meanSeconds.mean).toBeGreaterThan(0);
    expect(document.scenario.name).toBe('Small agency line');
    const rawHold = document.replicated.summary.intervals[0].meanHoldSeconds.mean as number;
    expect(significantDigits(String(rawHold))).toBeGreaterThan(6);
    const csvHold = Number(lines[1]!.split(',')[header.indexOf('meanHoldSeconds')]);
    expect(Math.abs(csvHold - rawHold)).toBeLessThanOrEqual(0.05);
  });

  it('writes the JSON to stdout when no file is given', async () => {
    const { code, stdout } = await queuecast('run', 'examples/scenarios/agency-line.yaml', '-r', '3', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).replicated.reports).toHaveLength(3);
  });

  it('exits 2 on a scenario file with several mistakes, naming each field', async () => {
    const file = join(workdir, 'mistakes.yaml');
    writeFileSync(
      file,
      [
        'arrivals: { intervalSeconds: 1800, perInterval: [100, -20] }',
        'agents: 0',
        'handleTime: { type: lognormal, meanSeconds: 300 }',
        'patience: { type: sometimes, meanSeconds: 60 }',
        'warmupSeconds: 9000',
        'callback: { offer: always, optIn: { probability: 1.5 }, maxAttempts: 0 }',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await queuecast('run', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}: invalid scenario: 7 problems`);
    for (const expected of [
      'arrivals.perInterval[1]: expected a number >= 0, received -20',
      'agents: expected a number >= 1, received 0',
      'handleTime.cv: expected a number, received nothing (missing)',
      'patience.type: expected one of "exponential"',
      'warmupSeconds: expected less than durationSeconds (3600 s)',
      'callback.optIn.probability: expected a number <= 1, received 1.5',
      'callback.maxAttempts: expected a number >= 1, received 0',
    ]) {
      expect(stderr).toContain(expected);
    }
  });

  it('exits 2 on unreadable files, broken YAML and bad options', async () => {
    const broken = join(workdir, 'broken.yaml');
    writeFileSync(broken, 'arrivals: { perHour: 100\nagents: 3\n');
    const missing = await queuecast('run', join(workdir, 'nowhere.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.yaml: cannot be read (ENOENT)');
    const yaml = await queuecast('run', broken);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/broken\.yaml: is not valid YAML/);
    expect(yaml.stderr).toMatch(/line \d+/);
    const option = await queuecast('run', 'examples/scenarios/agency-line.yaml', '--replications', 'many');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--replications must be a whole number >= 1, got "many"');
    const unknown = await queuecast('frobnicate');
    expect(unknown.code).toBe(2);
  });
});

describe('npx queuecast, as the README has it', () => {
  it('runs a scenario file from the package itself and writes the HTML report', async () => {
    const report = join(workdir, 'report.html');
    const { stdout } = await promisify(execFile)(
      'npx',
      ['--offline', 'queuecast', 'run', 'examples/scenarios/national-line.json', '--replications', '4', '--out', report],
      { cwd: root.pathname },
    );
    expect(stdout).toContain('Large national line');
    const html = readFileSync(report, 'utf8');
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(4);
  });
});

describe('queuecast compare', () => {
  it('prints baseline, variant, the paired difference and the hold saved', async () => {
    const { code, stdout } = await queuecast(
      'compare', 'examples/scenarios/irs-like.yaml', 'examples/scenarios/irs-like-callback.yaml', '--replications', '3',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('IRS-like line with callbacks against IRS-like line, filing-season weekday');
    expect(stdout).toMatch(/baseline\s+variant\s+difference \(paired\)/);
    expect(stdout).toMatch(/callbacks accepted\s+0 ± 0\s+[\d,]+ ± [\d,]+/);
    expect(stdout).toMatch(/hold hours saved: net\s+[\d,.]+ ± [\d,.]+/);
  });
});

describe('queuecast staff', () => {
  it('plans agents per interval for a target, and writes a scenario with that roster', async () => {
    const staffed = join(workdir, 'staffed.yaml');
    const { code, stdout } = await queuecast('staff', 'examples/scenarios/agency-line.yaml', '--service-level', '0.8', '--write', staffed);
    expect(code).toBe(0);
    expect(stdout).toMatch(/from start\s+calls\s+Erlangs\s+agents/);
    // 60 calls of 330 s in the first hour: 5.5 Erlangs.
    expect(stdout).toMatch(/0:00–1:00\s+60\.0\s+5\.5\s+8\s/);
    const run = await queuecast('run', staffed, '-r', '4');
    expect(run.code).toBe(0);
  });

  it('exits 2 without exactly one target', async () => {
    const { code, stderr } = await queuecast('staff', 'examples/scenarios/agency-line.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('give exactly one target');
  });
});

describe('queuecast schema', () => {
  it('prints the JSON Schema the library validates with', async () => {
    const { code, stdout } = await queuecast('schema');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(scenarioJsonSchema());
  });
});
