import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, type Scenario } from '../../src';
import { renderHtmlReport } from '../../src/node/htmlReport';
import { CHROMIUM_SKIPPED, chromiumMissing, launchChromium, openOffline, screenshotPath } from '../support/chromium';


// A morning of a small center, by quarter-hour: the calls peak mid-morning a little above
// what the roster can answer, so the queue builds and drains, and a callback has work to do.
const baseline: Scenario = {
  name: 'Benefits line, weekday morning',
  arrivals: { intervalSeconds: 900, perInterval: [60, 70, 80, 95, 110, 120, 125, 120, 110, 100, 90, 80, 75, 70, 65, 60] },
  agents: { intervalSeconds: 900, perInterval: [22, 24, 27, 30, 33, 35, 35, 35, 33, 31, 29, 27, 25, 24, 22, 22] },
  handleTime: { type: 'exponential', meanSeconds: 300 },
  patience: { type: 'exponential', meanSeconds: 400 },
};
const variant: Scenario = {
  ...baseline,
  name: 'Benefits line with callback',
  callback: { offer: { whenEstimatedWaitAtLeastSeconds: 120 }, optIn: { probability: 0.3 } },
};

const CHARTS = ['hold-savings', 'waits', 'hold-distribution', 'calls', 'queue'];

if (chromiumMissing) {
  it.skip(`the HTML report in headless Chromium: ${CHROMIUM_SKIPPED}`, () => {});
} else {
  describe('the HTML report in headless Chromium', () => {
    let userDataDir: string;
    let context: BrowserContext;
    let fileUrl: string;

    beforeAll(async () => {
      userDataDir = mkdtempSync(join(tmpdir(), 'queuecast-chromium-'));
      const comparison = await compare(baseline, variant, { replications: 4 });
      const html = await renderHtmlReport({ kind: 'compare', title: 'Callback pilot: benefits line', baseline, variant, comparison });
      const file = join(userDataDir, 'report.html');
      writeFileSync(file, html);
      fileUrl = pathToFileURL(file).href;
      context = await launchChromium(userDataDir, { width: 1280, height: 900 });
    });

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    it('renders every chart offline, shows the headline numbers, and saves a screenshot', async () => {
      // No network: everything but the page itself is refused.
      const { page, requested, problems } = await openOffline(context, fileUrl);

      const charts = await page.$$eval('figure[data-chart]', (figures) =>
        figures.map((figure) => {
          const svg = figure.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          // Data marks (not axes or legends) drawn with a real size.
          const marks = Array.from(figure.querySelectorAll('g.role-mark path, g.role-mark rect, g.role-mark line')).filter((mark) => {
            const r = mark.getBoundingClientRect();
            return r.width > 0 && r.height > 0;
          });
          return {
            id: figure.getAttribute('data-chart'),
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            marks: marks.length,
            caption: figure.querySelector('figcaption')?.textContent ?? '',
          };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(CHARTS);
      for (const chart of charts) {
        expect(chart.width, chart.id!).toBeGreaterThan(200);
        expect(chart.height, chart.id!).toBeGreaterThan(150);
        expect(chart.marks, chart.id!).toBeGreaterThan(0);
        expect(chart.caption.length, chart.id!).toBeGreaterThan(20);
      }

      const cells = await page.$$eval('table.headline td:not(.empty)', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(cells.length).toBeGreaterThan(30);
      for (const text of cells) expect(text).toMatch(/^[−+]?[\d,]+(\.\d+)? ± [\d,]+(\.\d+)?[−+]?[\d,.]+ to [−+]?[\d,.]+$/);
      // The bars of hold saved are labelled as the table writes their figures (the table adds a sign).
      const barLabels = await page.$$eval('figure[data-chart="hold-savings"] g.mark-text.role-mark text', (texts) => texts.map((t) => t.textContent ?? ''));
      const savedCells = await page.$$eval('table.headline tbody tr', (rows) =>
        rows.filter((row) => /^(Direct|Indirect|Net)\b/.test(row.querySelector('th')?.textContent ?? '')).map((row) => `${row.querySelector('td:not(.empty) .mean')!.textContent!.replace(/^\+/, '')} h`),
      );
      expect(savedCells).toHaveLength(3);
      expect([...barLabels].sort()).toEqual([...savedCells].sort());
      const netSaved = await page.textContent('.key-figures .card:first-child .card-value');
      expect(netSaved).toMatch(/\d+(\.\d+)? h/);

      expect(requested).toEqual([fileUrl]);
      expect(problems).toEqual([]);

      await page.screenshot({ path: screenshotPath('report.png'), fullPage: true });
      await page.close();
    });
  });
}
