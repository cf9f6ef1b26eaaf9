import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKTEST_MEASURES, type Backtest, type BacktestMeasure } from '../../src/calibrate';
import { estimate, type Estimate, type Sweep, type SweepRow } from '../../src/experiment';
import type { Scenario } from '../../src/scenario';
import type { StaffingResult, StaffingRow } from '../../src/staffing';
import { renderBacktestHtml } from '../../src/node/backtestHtml';
import { renderStaffingReport } from '../../src/node/staffingReport';
import { renderSweepReport } from '../../src/node/sweepReport';
import { CHROMIUM, chromiumMissing, launchChromium, openOffline, screenshotPath } from '../support/chromium';

// The charts of the sweep, staffing and backtest reports as a reader sees them: rendered in
// headless Chromium at a desktop width, measured on the page. The results are written out
// here (not simulated): what each chart must show follows from them.

const scenario: Scenario = {
  name: 'Benefits line',
  serviceLevelSeconds: 300,
  arrivals: { intervalSeconds: 3600, perInterval: [100, 120, 110, 90] },
  agents: { intervalSeconds: 3600, perInterval: [10, 12, 11, 9] },
  handleTime: { type: 'exponential', meanSeconds: 300 },
};

/** An estimate with this mean and half-width (two replications, mean ± d: hw = t(0.975, 1) · d). */
function around(mean: number, hw: number): Estimate {
  const d = hw / 12.706204736174707;
  return estimate([mean - d, mean + d]);
}

// A 3 × 3 sweep whose line charts carry three long legend labels each; net hours with a
// half-width of 4, so the table writes them to one decimal.
const OPT_IN = [0.2, 0.33, 0.5];
const SCALE = [0.95, 1, 1.05];
const sweepResult: Sweep = {
  replications: 2,
  vary: [
    { path: 'callback.optIn.probability', values: OPT_IN },
    { path: 'agents.scale', values: SCALE },
  ],
  baseline: undefined as unknown as Sweep['baseline'],
  cells: [],
  rows: OPT_IN.flatMap((p, i) =>
    SCALE.map((s, j): SweepRow => {
      const figure = around(0.1, 0.01);
      return {
        cell: 3 * i + j,
        settings: { 'callback.optIn.probability': p, 'agents.scale': s },
        netHoldHours: around(1000 * p + 2000 * (s - 1) + 0.3, 4),
        directHoldHours: figure,
        indirectHoldHours: figure,
        totalHoldHours: figure,
        meanHoldSeconds: figure,
        abandonment: figure,
        serviceLevel: figure,
        occupancy: figure,
        callbacksOffered: figure,
        callbacksAccepted: figure,
        callbacksConnected: figure,
        abandonmentChange: figure,
        serviceLevelChange: figure,
      };
    }),
  ),
};

// Staffing of four lines, each on its own group, over four hours; the simulated roster's band
// reaches past 100% (a wide interval of few replications), as the search's rows can.
const LINES = ['individuals', 'businesses', 'practitioners', 'spanish'];
const staffingRows: StaffingRow[] = LINES.flatMap((line, l) =>
  [0, 1, 2, 3].map((k) => ({
    line,
    group: `${line}-agents`,
    intervalStart: 3600 * k,
    intervalEnd: 3600 * (k + 1),
    calls: 100,
    measure: 'serviceLevel' as const,
    target: 0.8,
    agents: 10 + l + k,
    erlangAgents: 11 + l + k,
    achieved: around(0.85, 0.75),
    erlangAchieved: around(0.9, 0.05),
    met: true,
    erlangMet: true,
  })),
);
const staffingResult = {
  rows: staffingRows,
  agentHours: 200,
  erlangAgentHours: 216,
  allMet: true,
  iterations: 5,
} as unknown as StaffingResult;

// A backtest of two lines over six half-hours: every third observation outside its band.
const FRACTION: ReadonlySet<BacktestMeasure> = new Set(['serviceLevel', 'abandonment']);
const backtestResult: Backtest = {
  days: 20,
  replications: 10,
  openAtSeconds: 8 * 3600,
  rows: ['main', 'second'].flatMap((line) =>
    BACKTEST_MEASURES.flatMap((measure) =>
      [0, 1, 2, 3, 4, 5].map((k) => {
        const simulated = FRACTION.has(measure) ? 0.6 + 0.05 * k : 100 + 10 * k;
        const spread = FRACTION.has(measure) ? 0.05 : 8;
        const observed = k % 3 === 0 ? simulated + 2 * spread : simulated + spread / 2;
        return { line, intervalStart: 1800 * k, measure, observed, simulated, low: simulated - spread, high: simulated + spread, inside: k % 3 !== 0 };
      }),
    ),
  ),
  score: Object.fromEntries(BACKTEST_MEASURES.map((m) => [m, 2 / 3])) as Record<BacktestMeasure, number>,
  overallScore: 2 / 3,
};

/** What a chart looks like on the page: its drawn size against its own, and its text. */
async function measureCharts(page: Page) {
  return page.$$eval('figure[data-chart]', (figures) =>
    figures.map((figure) => {
      const svg = figure.querySelector('svg')!;
      const box = svg.getBoundingClientRect();
      const scale = box.width / Number(svg.getAttribute('width'));
      // The smallest text as drawn: its font size times the scale the page draws the SVG at.
      const sizes = Array.from(svg.querySelectorAll('text')).map((t) => scale * parseFloat(getComputedStyle(t).fontSize));
      return {
        id: figure.getAttribute('data-chart')!,
        scale,
        smallestText: Math.min(...sizes),
        panels: figure.querySelectorAll('g.mark-group.role-scope.cell > g').length,
        legendLabels: Array.from(figure.querySelectorAll('g.role-legend-label text')).map((t) => t.textContent ?? ''),
        yLabels: Array.from(figure.querySelectorAll('g.role-axis')).flatMap((axis) =>
          axis.getAttribute('aria-label')?.startsWith('Y-axis') ? Array.from(axis.querySelectorAll('g.role-axis-label text')).map((t) => t.textContent ?? '') : [],
        ),
      };
    }),
  );
}

if (chromiumMissing) {
  it.skip(`the sweep, staffing and backtest charts in headless Chromium: skipped because ${CHROMIUM} is missing (apt-get install chromium; in CI this test runs and fails instead)`, () => {});
} else {
  describe('the sweep, staffing and backtest charts in headless Chromium', () => {
    let userDataDir: string;
    let context: BrowserContext;

    async function open(name: string, html: string): Promise<Page> {
      const file = join(userDataDir, name);
      writeFileSync(file, html);
      const url = pathToFileURL(file).href;
      const { page, requested, problems } = await openOffline(context, url);
      expect(requested).toEqual([url]);
      expect(problems).toEqual([]);
      return page;
    }

    beforeAll(async () => {
      userDataDir = mkdtempSync(join(tmpdir(), 'queuecast-chromium-'));
      context = await launchChromium(userDataDir, { width: 1280, height: 900 });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    it('sweep: the line charts draw at their own size whatever their labels, each legend swatch the colour of its line, the heat map rounded as the table', async () => {
      const page = await open('sweep.html', await renderSweepReport({ title: 'Sweep', scenario, sweep: sweepResult }));
      const charts = await measureCharts(page);
      expect(charts.map((c) => c.id)).toEqual(['sweep-heat-map', 'sweep-line-callback.optIn.probability', 'sweep-line-agents.scale']);
      for (const chart of charts) {
        // In a 1280 px window the grid's column is about 514 px: a 440 px chart and its axes fit.
        expect(chart.scale, chart.id).toBeGreaterThan(0.9);
        expect(chart.smallestText, chart.id).toBeGreaterThanOrEqual(10);
      }

      // Every legend entry: a full-strength swatch of the colour of the line it names.
      const legends = await page.$$eval('figure[data-chart^="sweep-line-"]', (figures) =>
        figures.map((figure) => ({
          entries: Array.from(figure.querySelectorAll('g.role-legend-entry g.role-scope > g')).map((entry) => {
            const swatch = entry.querySelector('g.role-legend-symbol path')!;
            const style = getComputedStyle(swatch);
            return { label: entry.querySelector('g.role-legend-label text')?.textContent ?? '', stroke: style.stroke, opacity: Number(style.opacity) * Number(style.strokeOpacity) };
          }),
          lines: Array.from(figure.querySelectorAll('g.mark-line.role-mark path')).map((path) => ({ label: path.getAttribute('aria-label') ?? '', stroke: getComputedStyle(path).stroke })),
        })),
      );
      for (const [i, { entries, lines }] of legends.entries()) {
        const others = i === 0 ? SCALE.map((s) => `agents.scale=${s}`) : OPT_IN.map((p) => `callback.optIn.probability=${p}`);
        expect(entries.map((e) => e.label)).toEqual(others);
        expect(lines).toHaveLength(3);
        for (const entry of entries) {
          expect(entry.opacity, entry.label).toBe(1);
          const line = lines.find((l) => l.label.endsWith(`others: ${entry.label}`));
          expect(line?.stroke, entry.label).toBe(entry.stroke);
        }
        expect(new Set(entries.map((e) => e.stroke)).size).toBe(3);
      }

      // The heat map writes each cell's net hours as the table does (the table adds the sign).
      const heat = await page.$$eval('figure[data-chart="sweep-heat-map"] g.mark-text.role-mark text', (texts) => texts.map((t) => t.textContent));
      const table = await page.$$eval('table.sweep tbody tr', (rows) => rows.map((row) => row.querySelector('td .mean')!.textContent!.replace(/^\+/, '')));
      expect(heat).toHaveLength(9);
      expect(heat).toEqual(table);
      expect(table[0]).toBe(`${(200 - 100 + 0.3).toFixed(1)}`);
      await page.screenshot({ path: screenshotPath('sweep-report.png'), fullPage: true });
      await page.close();
    });

    it('staffing: the rosters reach the end of the last interval; what each roster achieves, a panel per line, two rosters each, never past 100%', async () => {
      const page = await open('staffing.html', await renderStaffingReport({ title: 'Staffing', scenario, result: staffingResult, replications: 2 }));
      const charts = await measureCharts(page);
      for (const chart of charts) expect(chart.scale, chart.id).toBeGreaterThan(0.9);

      // Steps: each roster line of each group runs from hour 0 to the end of the last
      // interval, hour 4: to the x axis's tick "4".
      const steps = await page.$eval('figure[data-chart="rosters"]', (figure) => {
        const axis = Array.from(figure.querySelectorAll('g.role-axis')).find((a) => a.getAttribute('aria-label')?.startsWith('X-axis'))!;
        // Tick marks and their labels, in the same order.
        const marks = Array.from(axis.querySelectorAll('g.role-axis-tick line')).map((tick) => tick.getBoundingClientRect().left);
        const ticks = Object.fromEntries(Array.from(axis.querySelectorAll('g.role-axis-label text')).map((t, i) => [Number(t.textContent), marks[i]!]));
        const lines = Array.from(figure.querySelectorAll('g.mark-line.role-mark path')).map((path) => path.getBoundingClientRect());
        return { ticks, lines: lines.map((r) => ({ left: r.left, right: r.right })) };
      });
      expect(steps.ticks[0]).toBeDefined();
      expect(steps.ticks[4]).toBeDefined();
      expect(steps.lines).toHaveLength(2 * LINES.length);
      for (const line of steps.lines) {
        expect(Math.abs(line.left - steps.ticks[0]!)).toBeLessThan(2);
        expect(Math.abs(line.right - steps.ticks[4]!)).toBeLessThan(2);
      }

      const achieved = charts.find((c) => c.id === 'achieved')!;
      expect(achieved.panels).toBe(LINES.length);
      const perPanel = await page.$$eval('figure[data-chart="achieved"] g.mark-group.role-scope.cell > g', (panels) =>
        panels.map((panel) => panel.querySelectorAll('g.mark-line.role-mark path').length),
      );
      expect(perPanel).toEqual(LINES.map(() => 2));
      expect(achieved.yLabels.length).toBeGreaterThan(0);
      for (const label of achieved.yLabels) expect(Number(label.replace('%', '')), label).toBeLessThanOrEqual(100);
      await page.screenshot({ path: screenshotPath('staffing-report.png'), fullPage: true });
      await page.close();
    });

    it('backtest: shares in percent, a legend in words, text a reader can read, and the service-level threshold stated', async () => {
      const page = await open('backtest.html', await renderBacktestHtml(backtestResult, 'Backtest', scenario));
      const charts = await measureCharts(page);
      expect(charts.map((c) => c.id)).toEqual([...BACKTEST_MEASURES]);
      for (const chart of charts) {
        expect(chart.scale, chart.id).toBeGreaterThan(0.9);
        expect(chart.smallestText, chart.id).toBeGreaterThanOrEqual(10);
        expect(chart.panels, chart.id).toBe(2);
        expect(chart.legendLabels, chart.id).toEqual(['inside the band', 'outside the band']);
        for (const label of chart.yLabels) expect(label, chart.id).toMatch(FRACTION.has(chart.id as BacktestMeasure) ? /^\d+%$/ : /^[\d,]+$/);
      }
      const text = await page.textContent('main');
      expect(text).toContain('answered within 300 s');
      await page.screenshot({ path: screenshotPath('backtest-report.png'), fullPage: true });
      await page.close();
    });
  });
}
