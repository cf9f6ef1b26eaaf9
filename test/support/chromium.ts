import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (which downloads no browser of its own). */
export const CHROMIUM = '/usr/bin/chromium';

/** Browser tests skip only on a developer machine without Chromium; in CI they must run. */
export const chromiumMissing = !existsSync(CHROMIUM) && !process.env.CI;

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
