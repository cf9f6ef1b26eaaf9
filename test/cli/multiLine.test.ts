import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMultiLine, type CallbackPolicy, type MultiLineScenario } from '../../src';
import { loadScenarioFile } from '../../src/node';
import { queuecast } from '../support/cli';

// The built command on the agency's four lines over three groups (examples/scenarios/agency-lines.yaml).
const root = new URL('../../', import.meta.url);
const workdir = mkdtempSync(join(tmpdir(), 'queuecast-lines-'));
const AGENCY = 'examples/scenarios/agency-lines.yaml';
const AGENCY_CALLBACK = 'examples/scenarios/agency-lines-callback.yaml';
const LINES = ['individuals', 'businesses', 'practitioners', 'spanish'];
const GROUPS = ['general', 'bilingual', 'overflow'];

/** The tables of the output, by the first cell of their header row. */
function tables(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of stdout.trim().split('\n\n').slice(1)) out.set(block.split('\n')[0]!.split(/\s{2,}/)[0]!.trim(), block);
  return out;
}

const csvRows = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split(','));

describe('queuecast run on a multi-line center', () => {
  it('prints the totals, a table per line and a table per group; --csv writes totals, lines and groups; --json everything', async () => {
    const csv = join(workdir, 'agency.csv');
    const json = join(workdir, 'agency.json');
    const { code, stdout, stderr } = await queuecast('run', AGENCY, '-r', '2', '-w', '2', '--csv', csv, '--json', json);
    expect(code).toBe(0);
    // The day opens at 07:00 and closes at 19:00: the heading says so.
    expect(stdout.split('\n')[0]).toBe('Tax agency, four lines, filing-season weekday · 07:00–19:00');
    const byHeader = tables(stdout);
    expect([...byHeader.keys()]).toEqual(['all lines', ...LINES.map((l) => `line ${l}`), ...GROUPS.map((g) => `group ${g}`)]);

    // Totals: calls and people, and every outcome this center can have (it has redials,
    // balking, trunks and a cap on hold); the labels are the single-line table's otherwise.
    const totals = byHeader.get('all lines')!;
    for (const label of ['calls offered', '  people (first calls)', '  redials', 'answered', 'abandoned', 'balked', 'busy signals', 'disconnected (queue full)', 'people served', 'people who gave up', 'mean hold (min)', 'answered within 300 s', 'agent occupancy']) {
      expect(totals).toMatch(new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s+[\\d,.]+%? ± [\\d,.]+$`, 'm'));
    }
    expect(totals).not.toContain('callbacks offered'); // no line offers one

    // A line's table: the same figures for that line (no agents: they belong to groups).
    const individuals = byHeader.get('line individuals')!;
    for (const label of ['calls offered', '  people (first calls)', '  redials', 'answered', 'abandoned', 'balked', 'busy signals', 'disconnected (queue full)', 'mean hold (min)', 'answered within 300 s', 'abandonment']) {
      expect(individuals).toMatch(new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s+[\\d,.]+%? ± [\\d,.]+$`, 'm'));
    }
    expect(individuals).not.toContain('occupancy');

    // A group's table: its occupancy, agents on duty and the calls it answered of each line routed to it.
    const bilingual = byHeader.get('group bilingual')!;
    expect(bilingual).toMatch(/^agents on duty \(mean\)\s+[\d.]+ ± [\d.]+$/m);
    expect(bilingual).toMatch(/^occupancy\s+[\d.]+% ± [\d.]+$/m);
    expect(bilingual.match(/^calls answered: (\w+)/gm)).toEqual(['individuals', 'businesses', 'spanish'].map((l) => `calls answered: ${l}`));

    // --csv: the totals' file as for one line, and the lines' and groups' files beside it.
    const lines = join(workdir, 'agency.lines.csv');
    const groups = join(workdir, 'agency.groups.csv');
    expect(stderr.trim().split('\n')).toEqual([`wrote ${csv}`, `wrote ${lines}`, `wrote ${groups}`, `wrote ${json}`]);
    const [totalsHeader, ...totalsRows] = csvRows(csv);
    // The scenario opens at 07:00: the intervals' bounds are clock times, their seconds beside them.
    const clockColumns = ['intervalStart', 'intervalEnd', 'intervalStartSeconds', 'intervalEndSeconds'];
    expect(totalsHeader!.slice(0, 6)).toEqual([...clockColumns, 'warmup', 'arrivals']);
    expect(totalsRows).toHaveLength(24); // half hours, 7:00 to 19:00
    expect(totalsRows[0]!.slice(0, 4)).toEqual(['07:00', '07:30', '0', '1800']);
    expect(totalsRows.at(-1)!.slice(0, 4)).toEqual(['18:30', '19:00', '41400', '43200']);
    const [lineHeader, ...lineRows] = csvRows(lines);
    expect(lineHeader!.slice(0, 7)).toEqual(['line', ...clockColumns, 'warmup', 'arrivals']);
    expect(lineHeader).toContain('balkedHigh');
    expect(lineHeader).not.toContain('occupancy');
    expect(lineRows).toHaveLength(4 * 24);
    expect([...new Set(lineRows.map((row) => row[0]))]).toEqual(LINES);
    const [groupHeader, ...groupRows] = csvRows(groups);
    expect(groupHeader).toEqual(['group', ...clockColumns, 'warmup', ...['agentsScheduled', 'agentsOnDuty', 'busyAgents', 'occupancy'].flatMap((f) => [f, `${f}Low`, `${f}High`])]);
    expect(groupRows).toHaveLength(3 * 24);
    // The overflow group's roster: nobody before 9:00, 24 from 9:00.
    const overflow = groupRows.filter((row) => row[0] === 'overflow').map((row) => Number(row[groupHeader!.indexOf('agentsScheduled')]));
    expect(overflow.slice(3, 5)).toEqual([0, 24]);
    // Per interval, the lines' calls add up to the center's (means over the same replications).
    const arrivals = (rows: string[][], header: string[]) => rows.map((row) => Number(row[header.indexOf('arrivals')]));
    const byLine = arrivals(lineRows, lineHeader!);
    arrivals(totalsRows, totalsHeader!).forEach((total, i) => {
      const sum = LINES.reduce((s, _, k) => s + byLine[k * 24 + i]!, 0);
      expect(Math.abs(sum - total), `interval ${i}`).toBeLessThanOrEqual(LINES.length); // each rounded to a whole call
    });

    // --json: everything, lines and groups included.
    const document = JSON.parse(readFileSync(json, 'utf8'));
    expect(Object.keys(document.replicated.summary.lines)).toEqual(LINES);
    expect(Object.keys(document.replicated.summary.groups)).toEqual(GROUPS);
    expect(document.replicated.summary.people.offered.mean).toBeGreaterThan(0);
    expect(document.replicated.summary.lines.individuals.intervals[0].line).toBe('individuals');
    expect(document.replicated.summary.groups.overflow.intervals).toHaveLength(24);
    expect(document.replicated.reports[0].lines.spanish.redials.calls).toBeGreaterThanOrEqual(0);
  });
});

describe('queuecast run on a single line: the figures of one line, no multi-line rows', () => {
  it('no people, redial, balking, busy or disconnect rows, no line or group tables, no sibling CSV files', async () => {
    const csv = join(workdir, 'single.csv');
    const { code, stdout } = await queuecast('run', 'examples/scenarios/agency-line.yaml', '-r', '2', '--csv', csv);
    expect(code).toBe(0);
    const labels = stdout.trim().split('\n').slice(4).map((line) => line.trimStart().split(/\s{2,}/)[0]);
    expect(labels).toEqual([
      'callers offered', 'answered', 'abandoned', 'mean hold (min)', 'speed of answer (min)', 'p90 hold (min)', 'hold hours', 'waited at all',
      'answered within 60 s', 'of calls offered', 'abandonment', 'agent occupancy',
    ]);
    expect(stdout.trim().split('\n\n')).toHaveLength(2); // the title and one table
    expect(existsSync(join(workdir, 'single.lines.csv'))).toBe(false);
    expect(existsSync(join(workdir, 'single.groups.csv'))).toBe(false);
  });
});

describe('queuecast compare on the multi-line example files', () => {
  it('prints per-line tables with the hold saved on each line, per-group tables, and writes the HTML report with per-line charts', async () => {
    const out = join(workdir, 'agency.html');
    const csv = join(workdir, 'compare.csv');
    const { code, stdout, stderr } = await queuecast('compare', AGENCY, AGENCY_CALLBACK, '-r', '2', '-w', '2', '--out', out, '--csv', csv);
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([out, csv, join(workdir, 'compare.lines.csv'), join(workdir, 'compare.groups.csv')].map((f) => `wrote ${f}`));
    const byHeader = tables(stdout);
    expect([...byHeader.keys()]).toEqual(['all lines', ...LINES.map((l) => `line ${l}`), ...GROUPS.map((g) => `group ${g}`)]);
    for (const [header, table] of byHeader) {
      expect(table.split('\n')[0], header).toMatch(/baseline\s+variant\s+difference \(paired\)$/);
    }
    for (const line of LINES) {
      const table = byHeader.get(`line ${line}`)!;
      expect(table).toMatch(/^callbacks accepted\s+0 ± 0\s+[\d,]+ ± [\d,]+\s+[\d,]+ ± [\d,]+$/m);
      for (const part of ['direct', 'indirect', 'net']) expect(table).toMatch(new RegExp(`^hold hours saved: ${part}\\s+-?[\\d,.]+ ± [\\d,.]+$`, 'm'));
      expect(table).toMatch(/^ {2}redials\s+[\d,]+ ± [\d,]+\s+[\d,]+ ± [\d,]+\s+-?[\d,]+ ± [\d,]+$/m);
    }
    expect(byHeader.get('group general')).toMatch(/^occupancy\s+[\d.]+% ± [\d.]+\s+[\d.]+% ± [\d.]+\s+-?[\d.]+% ± [\d.]+$/m);
    // The same people call in both arms (common random numbers).
    expect(byHeader.get('all lines')).toMatch(/^ {2}people \(first calls\)\s+[\d,]+ ± [\d,]+\s+[\d,]+ ± [\d,]+\s+0 ± 0$/m);

    const [lineHeader, ...lineRows] = csvRows(join(workdir, 'compare.lines.csv'));
    expect(lineHeader!.slice(0, 3)).toEqual(['arm', 'line', 'intervalStart']);
    expect(lineRows).toHaveLength(2 * 4 * 24);

    const html = readFileSync(out, 'utf8');
    for (const id of ['hold-savings-by-line', 'calls-people-by-line', 'hold-by-line', 'calls-by-line', 'occupancy-by-group']) {
      expect(html, id).toMatch(new RegExp(`<figure class="chart" data-chart="${id}">[\\s\\S]*?<svg[\\s\\S]*?</svg>\\s*</figure>`));
    }
  });

  it('the callback variant file is the agency day with the callback of examples/agency-lines.ts on every line, nothing else changed', async () => {
    const [baseline, variant] = (await Promise.all([loadScenarioFile(AGENCY), loadScenarioFile(AGENCY_CALLBACK)])) as MultiLineScenario[];
    expect(isMultiLine(variant!)).toBe(true);
    const callback: CallbackPolicy = {
      offer: { whenEstimatedWaitAtLeastSeconds: 300 },
      optIn: { probability: 0.35 },
      position: 'keep-place',
      dialSeconds: 30,
      answerProbability: 0.85,
      maxAttempts: 2,
      retryDelaySeconds: 600,
    };
    expect(variant).toEqual({
      ...baseline,
      name: `${baseline!.name}, callback offered`,
      lines: baseline!.lines.map((line) => ({ ...line, callback })),
    });
    // The example script builds the same policy in code.
    const script = readFileSync(new URL('examples/agency-lines.ts', root), 'utf8');
    for (const field of ['whenEstimatedWaitAtLeastSeconds: 300', 'probability: 0.35', "position: 'keep-place'", 'dialSeconds: 30', 'answerProbability: 0.85', 'maxAttempts: 2', 'retryDelaySeconds: 600']) {
      expect(script).toContain(field);
    }
  });
});

describe('queuecast staff on a multi-line center', () => {
  it('says it plans one line at a time, as invalid input (exit 2), without a stack trace', async () => {
    const { code, stdout, stderr } = await queuecast('staff', AGENCY, '--service-level', '0.8');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('works on a single-line scenario; this one has 4 lines and 3 groups');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
