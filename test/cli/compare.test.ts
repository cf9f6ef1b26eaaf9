// `queuecast compare` as a planner reads it: hold in minutes, callers served beside callers
// answered, the minutes each callback saves, and why abandonment can rise while hold falls.
// Every figure is checked against the replications the same run writes with --json.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimate, type Comparison, type Estimate } from '../../src';
import { queuecast } from '../support/cli';

const workdir = mkdtempSync(join(tmpdir(), 'queuecast-compare-'));
const BASELINE = 'examples/scenarios/irs-like.yaml';
const CALLBACK = 'examples/scenarios/irs-like-callback.yaml';

/** The row of the first table whose label is `label`, split into its cells. */
function row(stdout: string, label: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${label}  `));
  expect(line, label).toBeDefined();
  return line!.slice(label.length).trim().split(/\s{3,}/);
}

const shown = (e: Estimate, digits = 0, scale = 1) =>
  `${(e.mean * scale).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ± ${(e.halfWidth * scale).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;

describe('queuecast compare of a line with and without callbacks', () => {
  let stdout = '';
  let comparison: Comparison;
  beforeAll(async () => {
    const json = join(workdir, 'irs.json');
    const result = await queuecast('compare', BASELINE, CALLBACK, '-r', '3', '--json', json);
    expect(result.code).toBe(0);
    stdout = result.stdout;
    comparison = JSON.parse(readFileSync(json, 'utf8')).comparison;
  });

  it('shows hold and the callback delay in minutes, as npm start and the HTML report do', () => {
    const { baseline, variant, difference } = comparison;
    expect(row(stdout, 'mean hold (min)')).toEqual([shown(baseline.hold.meanSeconds, 1, 1 / 60), shown(variant.hold.meanSeconds, 1, 1 / 60), shown(difference.hold.meanSeconds, 1, 1 / 60)]);
    expect(row(stdout, 'p90 hold (min)')[0]).toBe(shown(baseline.hold.p90Seconds, 1, 1 / 60));
    expect(stdout).not.toMatch(/\(s\)/);
    // The baseline offers no callback: its delay (a mean over no callbacks) is a dash, and so is the difference.
    expect(row(stdout, 'callback delay (min)')).toEqual(['–', shown(variant.callback.meanDelaySeconds, 1, 1 / 60), '–']);
  });

  it('counts the callers served (answered, or called back and connected) beside those answered', () => {
    const served = (r: Comparison['pairs'][number]['baseline']) => r.callers.answered + r.callback.connected;
    const b = estimate(comparison.pairs.map((p) => served(p.baseline)));
    const v = estimate(comparison.pairs.map((p) => served(p.variant)));
    const d = estimate(comparison.pairs.map((p) => served(p.variant) - served(p.baseline)));
    expect(row(stdout, 'served (answered + called back)')).toEqual([shown(b), shown(v), shown(d)]);
    // Answered falls by about the callbacks connected; served hardly moves.
    expect(comparison.difference.callers.answered.mean).toBeLessThan(-0.8 * comparison.variant.callback.connected.mean);
    expect(Math.abs(d.mean)).toBeLessThan(0.05 * comparison.variant.callback.connected.mean);
  });

  it('says how many minutes of hold each accepted callback saves, net', () => {
    const perCallback = estimate(comparison.pairs.map((p) => (60 * p.savings.netHoldHours) / p.variant.callback.accepted));
    expect(row(stdout, 'minutes saved per callback')).toEqual([shown(perCallback, 1)]);
  });

  it('explains, under the table, why abandonment and mean hold rise while hold hours fall', () => {
    const { difference } = comparison;
    expect(difference.hold.totalHoldHours.mean).toBeLessThan(0);
    expect(difference.abandonment.fraction.mean).toBeGreaterThan(0);
    expect(difference.hold.meanSeconds.mean).toBeGreaterThan(0);
    expect(stdout).toContain(
      'minutes saved per callback' + stdout.split('minutes saved per callback')[1]!.split('\n')[0] + '\n' +
        'Abandonment and mean hold rise while hold hours fall: abandonment and mean hold count only the calls that hold.\n' +
        'The callers who take a callback leave that count (as many still hang up, out of fewer), and\n' +
        'the callbacks take agents from those still holding, who wait longer.\n',
    );
  });
});

describe('queuecast compare without a callback in the variant', () => {
  it('has no callback rows and no note on callbacks', async () => {
    const { code, stdout } = await queuecast('compare', CALLBACK, BASELINE, '-r', '2');
    expect(code).toBe(0);
    // The baseline (first file) offers callbacks: its delay shows, the variant's is a dash.
    expect(row(stdout, 'callback delay (min)')[1]).toBe('–');
    expect(stdout).not.toContain('minutes saved per callback');
    expect(stdout).not.toContain('count only the calls that hold');
  });
});
