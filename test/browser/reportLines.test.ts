import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, type MultiLineScenario } from '../../src';
import { loadScenarioFile } from '../../src/node';
import { renderHtmlReport } from '../../src/node/htmlReport';
import { CHROMIUM_SKIPPED, chromiumMissing, launchChromium, openOffline, screenshotPath } from '../support/chromium';

// The multi-line example files, as `npx queuecast compare ... --out` renders them: the tax
// agency's four lines over three groups, without and with a callback offer.
const root = new URL('../../', import.meta.url);
const LINES = ['individuals', 'businesses', 'practitioners', 'spanish'];
const GROUPS = ['general', 'bilingual', 'overflow'];
const LINE_CHARTS = ['hold-savings-by-line', 'calls-people-by-line', 'hold-by-line', 'calls-by-line', 'occupancy-by-group'];
const CHARTS = ['hold-savings', ...LINE_CHARTS, 'waits', 'hold-distribution', 'calls', 'queue'];
// The small multiples: one panel per line.
const PANELS: Record<string, number> = { 'hold-by-line': LINES.length, 'calls-by-line': LINES.length };

if (chromiumMissing) {
  it.skip(`the multi-line HTML report in headless Chromium: ${CHROMIUM_SKIPPED}`, () => {});
} else {
  describe('the multi-line HTML report in headless Chromium', () => {
    let userDataDir: string;
    let context: BrowserContext;
    let fileUrl: string;

    beforeAll(async () => {
      userDataDir = mkdtempSync(join(tmpdir(), 'queuecast-chromium-'));
      const [baseline, variant] = (await Promise.all(
        ['agency-lines.yaml', 'agency-lines-callback.yaml'].map((file) => loadScenarioFile(new URL(`examples/scenarios/${file}`, root).pathname)),
      )) as MultiLineScenario[];
      const comparison = await compare(baseline!, variant!, { replications: 3 });
      const html = await renderHtmlReport({ kind: 'compare', title: 'Callback offer: tax agency, four lines', baseline: baseline!, variant: variant!, comparison });
      const file = join(userDataDir, 'report.html');
      writeFileSync(file, html);
      fileUrl = pathToFileURL(file).href;
      context = await launchChromium(userDataDir, { width: 1280, height: 900 });
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    it('renders every per-line chart offline, a panel per line, with the tables by line and group, and saves a screenshot', async () => {
      // No network: everything but the page itself is refused.
      const { page, requested, problems } = await openOffline(context, fileUrl);

      const charts = await page.$$eval('figure[data-chart]', (figures) =>
        figures.map((figure) => {
          const svg = figure.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          const marks = Array.from(figure.querySelectorAll('g.role-mark path, g.role-mark rect, g.role-mark line')).filter((mark) => {
            const r = mark.getBoundingClientRect();
            return r.width > 0 && r.height > 0;
          });
          // Facet panels: Vega draws each cell of a facet as a group named "cell".
          const panels = figure.querySelectorAll('g.mark-group.role-scope.cell > g').length;
          // Each panel of small multiples is titled with its line.
          const headers = Array.from(figure.querySelectorAll('g.mark-text.role-title-text text')).map((t) => t.textContent);
          return {
            id: figure.getAttribute('data-chart'),
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            marks: marks.length,
            panels,
            headers,
            inLines: figure.closest('section.lines') !== null,
          };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(CHARTS);
      for (const chart of charts) {
        expect(chart.width, chart.id!).toBeGreaterThan(200);
        expect(chart.height, chart.id!).toBeGreaterThan(150);
        expect(chart.marks, chart.id!).toBeGreaterThan(0);
        expect(chart.inLines, chart.id!).toBe(LINE_CHARTS.includes(chart.id!));
      }
      for (const [id, count] of Object.entries(PANELS)) {
        const chart = charts.find((c) => c.id === id)!;
        expect(chart.panels, id).toBe(count);
        expect(chart.headers, id).toEqual(LINES);
      }

      // With a callback, the agency's abandonment and mean hold rise while its hold hours fall
      // (README, "Many lines"): the report says why, beside the key figures.
      const cardsOf = async (label: string) => page.$eval(`xpath=//div[@class="card"][div[@class="card-label"]="${label}"]`, (card) => card.querySelector('.card-detail')!.textContent!);
      expect(await cardsOf('Mean hold')).toMatch(/^difference \+/);
      expect(await cardsOf('Abandoned')).toMatch(/^difference \+/);
      expect(await page.textContent('table.headline tbody tr:nth-child(5) td:last-child .mean')).toMatch(/^−/);
      const why = await page.textContent('section.overview .key-figures + p.why');
      expect(why).toMatch(/^Why mean hold and abandonment rise while hold hours fall: the [\d,]+ callers who took a callback no longer hold, so they leave the denominator .* those still holding wait longer/);

      // Occupancy: a panel per group, so that groups all busy at 100% do not hide one another,
      // each with a line for the baseline and one for the variant.
      const occupancy = charts.find((c) => c.id === 'occupancy-by-group')!;
      expect(occupancy.panels).toBe(GROUPS.length);
      expect(occupancy.headers).toEqual(GROUPS);
      const occupancyLines = await page.$$eval('figure[data-chart="occupancy-by-group"] g.mark-group.role-scope.cell > g', (panels) =>
        panels.map((panel) => Array.from(panel.querySelectorAll('g.mark-line.role-mark path, g.mark-rule.role-mark line')).filter((line) => line.getBoundingClientRect().width > 0).length),
      );
      expect(occupancyLines).toEqual(GROUPS.map(() => 2));

      // The tables by line: a column per line, every cell a figure.
      const columns = await page.$$eval('section.lines table.by-line:first-of-type thead th', (ths) => ths.map((th) => th.textContent));
      expect(columns).toEqual(['Figure', ...LINES]);
      const cells = await page.$$eval('section.lines table.by-line td:not(.list)', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(cells.length).toBeGreaterThan(60);
      for (const text of cells) expect(text).toMatch(/\d/);
      const savedRows = await page.$$eval('section.lines table.savings tbody th', (ths) => ths.map((th) => th.textContent));
      expect(savedRows).toEqual([...LINES, 'All lines']);
      const groups = await page.$$eval('section.lines table.groups tbody th', (ths) => ths.map((th) => th.textContent));
      expect(groups).toEqual(GROUPS);
      const cards = await page.$$eval('section.lines .line-figures .card-label', (labels) => labels.map((l) => l.textContent));
      expect(cards).toEqual(LINES);

      expect(requested).toEqual([fileUrl]);
      expect(problems).toEqual([]);

      await page.screenshot({ path: screenshotPath('report-lines.png'), fullPage: true });
      await page.close();
    });
  });
}
