import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_SKIPPED, chromiumMissing, launchChromium, openOffline, screenshotPath } from '../support/chromium';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

// The IRS-like line with a callback offer, swept over the opt-in rate and the roster, every
// cell against the line as it is today (no callback, today's roster): 3 x 3 cells, 10
// replications each, on two worker threads.
const ARGS = [
  'sweep',
  'examples/scenarios/irs-like-callback.yaml',
  '--baseline',
  'examples/scenarios/irs-like.yaml',
  '--vary',
  'callback.optIn.probability=0.2,0.33,0.5',
  '--vary',
  'agents.scale=0.95,1,1.05',
  '--replications',
  '10',
  '--workers',
  '2',
];

describe('queuecast sweep on the IRS-like line, 3 x 3 cells of 10 replications', () => {
  let dir: string;
  let stdout = '';
  let stderr = '';
  let status: number | null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'queuecast-sweep-'));
    const child = spawn(process.execPath, [CLI, ...ARGS, '--csv', join(dir, 'sweep.csv'), '--out', join(dir, 'sweep.html')]);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    status = await new Promise((resolve) => child.once('exit', resolve));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints a table with a row per cell, and writes one CSV row per cell', () => {
    expect(status, stderr).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('IRS-like line with callbacks: sweep of callback.optIn.probability × agents.scale');
    expect(lines[1]).toBe('9 cells, 10 replications each, against examples/scenarios/irs-like.yaml');
    expect(lines[3]).toMatch(/^callback\.optIn\.probability +agents\.scale +net hold hours saved +abandonment +service level +callbacks accepted$/);
    const rows = lines.slice(5).filter((line) => line.trim() !== '');
    expect(rows).toHaveLength(9);
    expect(rows.map((row) => row.split(/ {3,}/).slice(0, 2).map(Number))).toEqual([
      [0.2, 0.95], [0.2, 1], [0.2, 1.05],
      [0.33, 0.95], [0.33, 1], [0.33, 1.05],
      [0.5, 0.95], [0.5, 1], [0.5, 1.05],
    ]);
    const csv = readFileSync(join(dir, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(10);
    const header = csv[0]!.split(',');
    expect(header.slice(0, 6)).toEqual(['cell', 'callback.optIn.probability', 'agents.scale', 'netHoldHours', 'netHoldHoursLow', 'netHoldHoursHigh']);
    const net = csv.slice(1).map((line) => Number(line.split(',')[3]));
    // More agents save more hold at every opt-in rate, and so does more opt-in at every roster
    // (common random numbers make these comparisons sharp even at 10 replications).
    for (const row of [0, 3, 6]) expect(net[row]! < net[row + 1]! && net[row + 1]! < net[row + 2]!).toBe(true);
    for (const column of [0, 1, 2]) expect(net[column]! < net[column + 3]! && net[column + 3]! < net[column + 6]!).toBe(true);
  });

  it('names every bad path and value at once, exit code 2, before anything runs', () => {
    const cli = spawnSync(
      process.execPath,
      [CLI, 'sweep', 'examples/scenarios/irs-like-callback.yaml', '--vary', 'callback.optIn.probabilty=0.1', '--vary', 'agents.scale=0.9,-1', '--vary', 'callback.position=keep-place,front'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toBe(
      [
        'queuecast: invalid sweep: 3 problems',
        '  - callback.optIn.probabilty: expected no such field (is it misspelt?), received 0.1',
        '  - agents.scale: expected a roster scale factor: a number > 0, received -1',
        '  - callback.position: expected one of "keep-place", "after-hold", received "front"',
        '',
      ].join('\n'),
    );
  });

  if (chromiumMissing) {
    it.skip(`the sweep's HTML report in headless Chromium: ${CHROMIUM_SKIPPED}`, () => {});
    return;
  }

  describe('the HTML report in headless Chromium', () => {
    let context: BrowserContext;

    beforeAll(async () => {
      context = await launchChromium(dir, { width: 1280, height: 900 });
    });

    afterAll(async () => {
      await context?.close();
    });

    it('draws the heat map (a cell per combination, its net hours written in it) and a line chart per varied field, offline', async () => {
      const fileUrl = pathToFileURL(join(dir, 'sweep.html')).href;
      // No network: everything but the page itself is refused.
      const { page, requested, problems } = await openOffline(context, fileUrl);

      const heatMap = await page.$eval('figure[data-chart="sweep-heat-map"]', (figure) => {
        const cells = Array.from(figure.querySelectorAll('g.role-mark path')).filter((mark) => {
          const r = mark.getBoundingClientRect();
          return r.width > 20 && r.height > 20;
        });
        const labels = Array.from(figure.querySelectorAll('g.role-mark text')).map((text) => text.textContent ?? '');
        return { cells: cells.length, labels, caption: figure.querySelector('figcaption')?.textContent ?? '' };
      });
      expect(heatMap.cells).toBe(9);
      expect(heatMap.labels).toHaveLength(9);
      // Each rounded as the table rounds it: to two significant digits of its half-width.
      for (const label of heatMap.labels) expect(label).toMatch(/^−?[\d,]+(\.\d{1,2})?$/);
      expect(heatMap.caption).toMatch(/^Net hold hours saved, cell by cell/);

      const lineCharts = await page.$$eval('figure[data-chart^="sweep-line-"]', (figures) =>
        figures.map((figure) => ({
          id: figure.getAttribute('data-chart'),
          // Three lines (one per value of the other field), each with its points.
          lines: Array.from(figure.querySelectorAll('g.role-mark path')).filter((mark) => (mark.getAttribute('d') ?? '').length > 20).length,
          width: figure.querySelector('svg')?.getBoundingClientRect().width ?? 0,
        })),
      );
      expect(lineCharts.map((c) => c.id)).toEqual(['sweep-line-callback.optIn.probability', 'sweep-line-agents.scale']);
      for (const chart of lineCharts) {
        expect(chart.width).toBeGreaterThan(300);
        expect(chart.lines).toBeGreaterThanOrEqual(3);
      }
      expect(await page.$$eval('table.sweep tbody tr', (rows) => rows.length)).toBe(9);
      expect(requested).toEqual([fileUrl]);
      expect(problems).toEqual([]);
      await page.screenshot({ path: screenshotPath('sweep.png'), fullPage: true });
    });
  });
});
