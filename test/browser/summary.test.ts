import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, launchChromium, openOffline, screenshotPath } from '../support/chromium';
import { queuecast } from '../support/cli';

// `--summary` as a planner runs it: the command writes the page, Chromium opens it offline and
// prints it to PDF on A4 and on Letter, and each PDF has exactly one page.

/** The pages of a PDF: its `/Type /Page` objects (not the `/Type /Pages` tree above them). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

if (chromiumMissing) {
  it.skip(`the one-page summary in headless Chromium: skipped because ${CHROMIUM} is missing (apt-get install chromium; in CI this test runs and fails instead)`, () => {});
} else {
  describe('the one-page summary (--summary, --title) in headless Chromium', () => {
    let dir: string;
    let context: BrowserContext;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'queuecast-summary-'));
      context = await launchChromium(dir, { width: 1280, height: 900 });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function printed(file: string) {
      const url = pathToFileURL(file).href;
      const { page, requested, problems } = await openOffline(context, url);
      expect(requested).toEqual([url]);
      expect(problems).toEqual([]);
      const pages = { a4: pageCount(await page.pdf({ format: 'A4' })), letter: pageCount(await page.pdf({ format: 'Letter' })) };
      return { page, pages };
    }

    it('compare: the title given, the headline, three figures and the savings chart, printed on one page of A4 and of Letter', async () => {
      const file = join(dir, 'summary.html');
      const title = 'Callback pilot: the IRS-like line, for the director';
      const { code, stderr } = await queuecast('compare', 'examples/scenarios/irs-like.yaml', 'examples/scenarios/irs-like-callback.yaml', '-r', '2', '--summary', file, '--title', title);
      expect(code, stderr).toBe(0);
      expect(stderr).toContain(`wrote ${file}`);
      const { page, pages } = await printed(file);
      expect(await page.textContent('h1')).toBe(title);
      expect(await page.title()).toBe(title);
      expect(await page.textContent('.headline-sentence')).toMatch(/^The variant (saves|adds) [\d,.]+ hours on hold/);
      expect(await page.$$eval('.key-figures .card-label', (labels) => labels.map((l) => l.textContent))).toEqual(['Hold hours saved, net', 'Mean hold', 'Abandoned']);
      const bars = await page.$$eval('figure[data-chart="hold-savings"] path[aria-roledescription="bar"]', (paths) => paths.length);
      expect(bars).toBe(3);
      expect(pages).toEqual({ a4: 1, letter: 1 });
      await page.screenshot({ path: screenshotPath('summary.png'), fullPage: true });
      await page.close();
    });

    it('run: three figures and the mean hold by interval, on one page', async () => {
      const file = join(dir, 'run-summary.html');
      const { code, stderr } = await queuecast('run', 'examples/scenarios/irs-like.yaml', '-r', '2', '--summary', file);
      expect(code, stderr).toBe(0);
      const { page, pages } = await printed(file);
      expect(await page.textContent('h1')).toBe('IRS-like line, filing-season weekday');
      expect(await page.$$eval('.key-figures .card-label', (labels) => labels.map((l) => l.textContent))).toEqual(['Mean hold', 'Abandoned', 'Answered within 300 s']);
      expect(await page.$$eval('figure[data-chart="waits"] g.mark-line.role-mark path', (paths) => paths.length)).toBe(1);
      expect(pages).toEqual({ a4: 1, letter: 1 });
      await page.close();
    });
  });
}
