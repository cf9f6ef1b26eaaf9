import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { missingReason, onPath } from './onPath';

/** Debian's Chromium (/usr/bin/chromium), found on PATH, driven by playwright-core (which downloads no browser of its own). */
export const CHROMIUM = onPath('chromium') ?? '/usr/bin/chromium';

/** Browser tests skip only on a developer machine without Chromium; in CI they must run. */
export const chromiumMissing = onPath('chromium') === undefined && !process.env.CI;

/** The end of a browser test's name when it is skipped: `<what it tests>: skipped because ...`. */
export const CHROMIUM_SKIPPED = `skipped because ${missingReason('chromium', 'chromium')}`;

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these, Chromium knocks on Google's hosts, which this closed network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Containers give /dev/shm a few megabytes; Chromium then crashes without this.
  '--disable-dev-shm-usage',
];

/** Headless Chromium with a fresh profile in `userDataDir` (a persistent context is how Playwright takes one). */
export function launchChromium(userDataDir: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(userDataDir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport });
}

/** Where a browser test leaves its screenshot (test/browser/__screenshots__/, not committed). */
export function screenshotPath(name: string): string {
  const folder = new URL('../browser/__screenshots__/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  return new URL(name, folder).pathname;
}

/**
 * Opens a self-contained page (a report file) with the network refused: `requested` collects
 * every URL the page asked for (the file alone, when it needs nothing else), `problems` every
 * console error or warning and uncaught exception.
 */
export async function openOffline(context: BrowserContext, fileUrl: string): Promise<{ page: Page; requested: string[]; problems: string[] }> {
  const page = await context.newPage();
  const requested: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.route('**/*', (route) => (route.request().url() === fileUrl ? route.continue() : route.abort()));
  await page.goto(fileUrl, { waitUntil: 'load' });
  return { page, requested, problems };
}
