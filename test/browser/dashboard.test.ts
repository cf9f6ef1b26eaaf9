// The live dashboard (examples/dashboard/) in Debian's headless Chromium, driven by
// playwright-core: it builds the bundle, serves the folder on loopback, and checks that the run
// is live (the simulated clock and the figures move), that the controls restart it with a
// scenario that behaves differently (fewer agents: a longer queue and more abandonment; opt-in
// 0 and 0.8: no callbacks and many), that nothing is fetched from anywhere else and nothing is
// logged as an error. It leaves a screenshot in __screenshots__/dashboard.png.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, serveDashboard } from '../../examples/dashboard/build';
import { CHROMIUM_SKIPPED, chromiumMissing, launchChromium, screenshotPath } from '../support/chromium';


// Where runs are compared: 45 simulated minutes in, 2.25 s of wall clock at 1200×.
const EARLY = 2700;

/** The figures the page shows, by data-testid, from their raw `data-value`. */
type Figures = Record<string, number>;

if (chromiumMissing) {
  it.skip(`the live dashboard in headless Chromium: ${CHROMIUM_SKIPPED}`, () => {});
} else {
  describe('the live dashboard in headless Chromium', () => {
    let userDataDir: string;
    let context: BrowserContext;
    let server: Server;
    let url: string;

    beforeAll(async () => {
      const [{ bytes }, served] = await Promise.all([buildDashboard(), serveDashboard(0)]);
      expect(bytes).toBeGreaterThan(10_000);
      server = served.server;
      url = served.url;
      userDataDir = mkdtempSync(join(tmpdir(), 'queuecast-dashboard-'));
      context = await launchChromium(userDataDir, { width: 1360, height: 880 });
    });

    afterAll(async () => {
      await context?.close();
      await new Promise((resolve) => server?.close(resolve));
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    it('runs the day live, and its controls change what happens', async () => {
      const page = await context.newPage();
      const elsewhere: string[] = [];
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      // Offline: anything not from the local server is refused (and noted).
      await page.route('**/*', (route) => {
        const requested = route.request().url();
        if (requested.startsWith(url)) return route.continue();
        elsewhere.push(requested);
        return route.abort();
      });
      await page.goto(url, { waitUntil: 'load' });

      // Live at the default 60×: within a second and a half the clock passes a simulated minute.
      await expect.poll(() => status(page)).toBe('running');
      await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="sim-clock"]')?.dataset.seconds) >= 60, null, { timeout: 5000 });
      expect(await page.textContent('[data-testid="speed-select"] option:checked')).toBe('60×');

      // At 1200×, two wall-clock seconds are 40 simulated minutes: everything moves.
      await restartWith(page, () => page.selectOption('[data-testid="speed-select"]', '1200'));
      await untilClock(page, 300);
      const before = await figures(page);
      await page.waitForTimeout(2000);
      const after = await figures(page);
      expect(after.clock! - before.clock!).toBeGreaterThan(1200);
      expect(after.arrivals).toBeGreaterThan(before.arrivals!);
      expect(after.answered).toBeGreaterThan(before.answered!);
      expect(after['on-duty']).toBe(40);
      expect(after['busy-agents']).toBeGreaterThan(0);
      expect(after['busy-agents']).toBeLessThanOrEqual(40);
      expect(await page.locator('[data-testid="live-chart"] polyline').count()).toBe(4);

      // The same run into the morning peak: keep a picture of it.
      const forty = await figuresAt(page, EARLY);
      await untilClock(page, 2.5 * 3600);
      await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true });

      // The same early stretch with 20 agents. Same seed: the same callers arrive, and 20
      // agents answer about 200 calls an hour of the 280 to 340 that come, so the line grows
      // until patience trims it.
      await restartWith(page, async () => {
        await page.fill('[data-testid="agents-input"]', '20');
        await page.press('[data-testid="agents-input"]', 'Enter');
      });
      const twenty = await figuresAt(page, EARLY);
      expect(twenty['on-duty']).toBe(20);
      expect(twenty['busy-agents']).toBeLessThanOrEqual(20);
      expect(twenty['peak-on-hold']).toBeGreaterThan(forty['peak-on-hold']! + 5);
      expect(twenty.abandoned).toBeGreaterThan(forty.abandoned! + 10);
      expect(twenty['mean-hold']).toBeGreaterThan(forty['mean-hold']! + 30);
      expect(twenty['service-level']).toBeLessThan(forty['service-level']!);

      // Opt-in 0: callbacks are offered (the wait is long) and nobody takes one; at 0.8, most do.
      await restartWith(page, () => setRange(page, 0));
      const none = await figuresAt(page, EARLY);
      expect(none['callbacks-offered']).toBeGreaterThan(20);
      expect(none['callbacks-accepted']).toBe(0);
      await restartWith(page, () => setRange(page, 0.8));
      const most = await figuresAt(page, EARLY);
      expect(await page.textContent('[data-testid="opt-in-value"]')).toBe('80%');
      expect(most['callbacks-accepted']).toBeGreaterThan(20);
      expect(most['callbacks-accepted']! / most['callbacks-offered']!).toBeGreaterThan(0.6);
      expect(most['callbacks-connected']).toBeGreaterThan(0);

      // The scenario editor: a bad scenario is listed field by field and changes nothing; a
      // good one restarts the day and brings the controls along.
      await page.click('summary');
      const run = await page.$eval('[data-testid="dashboard"]', (root) => Number((root as HTMLElement).dataset.run));
      const edited = JSON.parse(await page.inputValue('[data-testid="scenario-json"]')) as Record<string, unknown>;
      await page.fill('[data-testid="scenario-json"]', JSON.stringify({ ...edited, agents: 0, handleTime: { type: 'lognormal' } }));
      await page.click('[data-testid="apply-scenario"]');
      const listed = await page.$$eval('[data-testid="scenario-problems"] li', (items) => items.map((item) => item.textContent ?? ''));
      expect(listed.some((text) => text.startsWith('agents:'))).toBe(true);
      expect(listed.some((text) => text.startsWith('handleTime.meanSeconds:'))).toBe(true);
      expect(await page.$eval('[data-testid="dashboard"]', (root) => Number((root as HTMLElement).dataset.run))).toBe(run);
      await restartWith(page, async () => {
        await page.fill('[data-testid="scenario-json"]', JSON.stringify({ ...edited, name: 'Edited line', agents: 25 }));
        await page.click('[data-testid="apply-scenario"]');
      });
      expect(await page.isHidden('[data-testid="scenario-problems"]')).toBe(true);
      expect(await page.textContent('[data-testid="scenario-name"]')).toBe('Edited line');
      expect(await page.inputValue('[data-testid="agents-input"]')).toBe('25');
      await expect.poll(async () => (await figures(page))['on-duty']).toBe(25);

      expect(elsewhere).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('shows a center of several lines, a tile per line and per group, and their controls change their lines', async () => {
      const { page, problems } = await openAtFullSpeed(await context.newPage(), url);

      // The built-in center: claims, appeals (priority) and Spanish over general, specialist
      // and bilingual agents (examples/dashboard/scenario.ts).
      await restartWith(page, () => page.selectOption('[data-testid="center-select"]', 'several'));
      expect(await page.$eval('[data-testid="dashboard"]', (root) => (root as HTMLElement).dataset.lines)).toBe('3');
      expect(await page.locator('[data-testid="line-tiles"] .line-tile').count()).toBe(3);
      expect(await page.locator('[data-testid="group-tiles"] .group-tile').count()).toBe(3);
      expect(await page.isHidden('[data-testid="agents-input"]')).toBe(true);
      const six = await figuresAt(page, 5400);
      // The whole center's tiles add the groups up: 26 + 8 + 6 on duty.
      expect(six['on-duty']).toBe(40);
      expect(six['group-bilingual-on-duty']).toBe(6);
      expect(six['group-bilingual-busy']).toBeLessThanOrEqual(6);
      expect(six['line-claims-arrivals']! + six['line-appeals-arrivals']! + six['line-spanish-arrivals']!).toBe(six.arrivals);
      await page.screenshot({ path: screenshotPath('dashboard-lines.png'), fullPage: true });

      // Half the bilingual agents: Spanish callers (about 40 an hour, 420 s calls: 4.7
      // erlangs) now find 3 agents for 4.7 erlangs until the general agents take them after 5
      // minutes, so their line holds longer and longer (same seed: the same callers); the
      // simulation of this day gives 14 s of mean hold and a peak of 3 against 129 s and 7.
      await restartWith(page, async () => {
        await page.fill('[data-testid="group-bilingual-agents-input"]', '3');
        await page.press('[data-testid="group-bilingual-agents-input"]', 'Enter');
      });
      const three = await figuresAt(page, 5400);
      expect(three['group-bilingual-on-duty']).toBe(3);
      expect(three['line-spanish-mean-hold']).toBeGreaterThan(six['line-spanish-mean-hold']! + 60);
      expect(three['line-spanish-peak-on-hold']).toBeGreaterThan(six['line-spanish-peak-on-hold']! + 2);
      expect(three['line-spanish-service-level']).toBeLessThan(six['line-spanish-service-level']! - 0.2);

      // Claims' callback opt-in, 0 and then 0.8, to 10:00: the line's callbacks go from none to
      // most of those offered, and fewer of its callers hold or hang up (the simulation of this
      // day: 0 of 87 against 109 of 134 accepted, a peak of 19 against 10 on hold, 40 against
      // 21 abandoned). Spanish callers, who have their own agents, are not touched.
      await restartWith(page, async () => {
        await page.fill('[data-testid="group-bilingual-agents-input"]', '6');
        await page.press('[data-testid="group-bilingual-agents-input"]', 'Enter');
      });
      await restartWith(page, () => setRange(page, 0, 'line-claims-opt-in-input'));
      const none = await figuresAt(page, 7200);
      expect(none['line-claims-callbacks-offered']).toBeGreaterThan(50);
      expect(none['line-claims-callbacks-accepted']).toBe(0);
      await restartWith(page, () => setRange(page, 0.8, 'line-claims-opt-in-input'));
      const most = await figuresAt(page, 7200);
      expect(await page.textContent('[data-testid="line-claims-opt-in-value"]')).toBe('80%');
      expect(most['line-claims-callbacks-accepted']).toBeGreaterThan(60);
      expect(most['line-claims-callbacks-accepted']! / most['line-claims-callbacks-offered']!).toBeGreaterThan(0.6);
      expect(most['line-claims-peak-on-hold']).toBeLessThan(none['line-claims-peak-on-hold']!);
      expect(most['line-claims-abandoned']).toBeLessThan(none['line-claims-abandoned']!);
      expect(most['line-spanish-callbacks-accepted']).toBe(0);
      expect(most['line-spanish-arrivals']).toBe(none['line-spanish-arrivals']);

      // Back to one line: the line and group tiles go, the single-line controls come back.
      await restartWith(page, () => page.selectOption('[data-testid="center-select"]', 'one'));
      expect(await page.isHidden('[data-testid="line-tiles"]')).toBe(true);
      expect(await page.isVisible('[data-testid="agents-input"]')).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });

    it("says why 0 agents is not used, shows a roster's agents on duty now, and its clock and time into the day agree", async () => {
      const { page, problems } = await openAtFullSpeed(await context.newPage(), url);

      // 0 agents: not a center (nobody would ever be answered), so the day runs on with 40 and
      // the page says so beside the field; 25 then restarts with 25 and the message goes.
      const run = await runNumber(page);
      await page.fill('[data-testid="agents-input"]', '0');
      await page.press('[data-testid="agents-input"]', 'Enter');
      expect(await page.textContent('[data-testid="agents-message"]')).toBe('0 agents: expected a whole number from 1 to 1000; the day runs on with 40.');
      expect(await page.isVisible('[data-testid="agents-message"]')).toBe(true);
      expect(await page.getAttribute('[data-testid="agents-input"]', 'aria-invalid')).toBe('true');
      expect(await runNumber(page)).toBe(run);
      expect((await figuresAt(page, 600))['on-duty']).toBe(40);
      await restartWith(page, async () => {
        await page.fill('[data-testid="agents-input"]', '25');
        await page.press('[data-testid="agents-input"]', 'Enter');
      });
      expect(await page.isHidden('[data-testid="agents-message"]')).toBe(true);
      await expect.poll(async () => (await figures(page))['on-duty']).toBe(25);

      // A roster of half-hours: the field, not editable, shows the half-hour's agents as the
      // day goes on (30 from 08:00, 36 from 08:30, 44 from 09:00).
      const ROSTER = [30, 36, 44, 44, 40, 40, 38, 38, 36, 36, 34, 34, 32, 32, 30, 30];
      await page.click('summary');
      const edited = JSON.parse(await page.inputValue('[data-testid="scenario-json"]')) as Record<string, unknown>;
      await restartWith(page, async () => {
        await page.fill('[data-testid="scenario-json"]', JSON.stringify({ ...edited, agents: { intervalSeconds: 1800, perInterval: ROSTER } }));
        await page.click('[data-testid="apply-scenario"]');
      });
      expect(await page.isDisabled('[data-testid="agents-input"]')).toBe(true);
      for (const seconds of [0, 1800, 3600]) {
        await untilClock(page, seconds + 60);
        const shown = await page.evaluate(() => ({
          clock: Number(document.querySelector<HTMLElement>('[data-testid="sim-clock"]')!.dataset.seconds),
          agents: document.querySelector<HTMLInputElement>('[data-testid="agents-input"]')!.value,
        }));
        expect(shown.agents, `at ${shown.clock} s`).toBe(String(ROSTER[Math.floor(shown.clock / 1800)]));
      }

      // A group's roster in a center of several lines: its field shows the agents on duty too.
      await restartWith(page, () => page.selectOption('[data-testid="center-select"]', 'several'));
      const center = JSON.parse(await page.inputValue('[data-testid="scenario-json"]')) as { groups: Array<{ name: string; agents: unknown }> };
      await restartWith(page, async () => {
        const groups = center.groups.map((g) => (g.name === 'bilingual' ? { ...g, agents: { intervalSeconds: 3600, perInterval: [4, 7] } } : g));
        await page.fill('[data-testid="scenario-json"]', JSON.stringify({ ...center, groups }));
        await page.click('[data-testid="apply-scenario"]');
      });
      expect(await page.isDisabled('[data-testid="group-bilingual-agents-input"]')).toBe(true);
      expect(await page.inputValue('[data-testid="group-bilingual-agents-input"]')).toBe('4');
      await untilClock(page, 3700);
      expect(await page.inputValue('[data-testid="group-bilingual-agents-input"]')).toBe('7');

      // The clock and the time into the day: the same second whenever the page is read, to
      // the day's end (at 1200× a frame is 20 simulated seconds).
      const disagreements: string[] = [];
      while ((await status(page)) === 'running') {
        const read = await page.evaluate(() => {
          const clock = document.querySelector<HTMLElement>('[data-testid="sim-clock"]')!;
          const elapsed = document.querySelector<HTMLElement>('[data-testid="sim-elapsed"]')!;
          return { seconds: Number(clock.dataset.seconds), clock: clock.textContent ?? '', elapsed: elapsed.textContent ?? '' };
        });
        const [h, m, sec] = read.clock.split(':').map(Number) as [number, number, number];
        const into = read.elapsed.split(' ')[0]!.split(':').map(Number).reduce((total, part) => 60 * total + part, 0);
        const onClock = 3600 * h + 60 * m + sec - 8 * 3600;
        if (onClock !== read.seconds || into !== read.seconds) disagreements.push(`${read.clock} / ${read.elapsed} / ${read.seconds}`);
        await page.waitForTimeout(100);
      }
      expect(disagreements).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }, 90_000);

    it("starts the day's clock at the scenario's opensAt: 07:00 when the scenario opens then, 00:00 without one", async () => {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await expect.poll(() => status(page)).toBe('running');
      const shown = () => page.evaluate(() => {
        const clock = document.querySelector<HTMLElement>('[data-testid="sim-clock"]')!;
        return { text: clock.textContent ?? '', seconds: Number(clock.dataset.seconds) };
      });
      const onClock = ({ text }: { text: string }) => text.split(':').map(Number).reduce((total, part) => 60 * total + part, 0);
      // The built-in line opens at 08:00.
      const first = await shown();
      expect(onClock(first) - first.seconds).toBe(8 * 3600);
      await page.click('summary');
      const edited = JSON.parse(await page.inputValue('[data-testid="scenario-json"]')) as Record<string, unknown>;
      for (const [opensAt, opening] of [['07:00', 7 * 3600], [undefined, 0]] as const) {
        await restartWith(page, async () => {
          await page.fill('[data-testid="scenario-json"]', JSON.stringify({ ...edited, opensAt }));
          await page.click('[data-testid="apply-scenario"]');
        });
        const read = await shown();
        expect(onClock(read) - read.seconds, `opensAt ${String(opensAt)}: ${read.text} at ${read.seconds} s`).toBe(opening);
      }
      await page.close();
    }, 60_000);
  });
}

/** Opens the dashboard, noting console errors and warnings, and restarts its day at 1200x. */
async function openAtFullSpeed(page: Page, url: string): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  await expect.poll(() => status(page)).toBe('running');
  await restartWith(page, () => page.selectOption('[data-testid="speed-select"]', '1200'));
  return { page, problems };
}

async function runNumber(page: Page): Promise<number> {
  return page.$eval('[data-testid="dashboard"]', (root) => Number((root as HTMLElement).dataset.run));
}

async function status(page: Page): Promise<string | undefined> {
  return page.$eval('[data-testid="dashboard"]', (root) => (root as HTMLElement).dataset.status);
}

/** Does what changes a control, and waits until the page has restarted the run. */
async function restartWith(page: Page, change: () => Promise<unknown>): Promise<void> {
  const run = await page.$eval('[data-testid="dashboard"]', (root) => Number((root as HTMLElement).dataset.run));
  await change();
  await page.waitForFunction((previous) => Number(document.querySelector<HTMLElement>('[data-testid="dashboard"]')?.dataset.run) > previous, run, { timeout: 5000 });
}

/** Sets an opt-in slider as a person's drag would end: an input event, then a change. */
async function setRange(page: Page, value: number, testId = 'opt-in-input'): Promise<void> {
  await page.$eval(
    `[data-testid="${testId}"]`,
    (input, v) => {
      (input as HTMLInputElement).value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

async function untilClock(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction(
    (s) => Number(document.querySelector<HTMLElement>('[data-testid="sim-clock"]')?.dataset.seconds) >= s,
    seconds,
    { timeout: 20_000 },
  );
}

async function figuresAt(page: Page, seconds: number): Promise<Figures> {
  await untilClock(page, seconds);
  return figures(page);
}

async function figures(page: Page): Promise<Figures> {
  return page.evaluate(() => {
    const read: Record<string, number> = {};
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-value]'))) read[element.dataset.testid!] = Number(element.dataset.value);
    read.clock = Number(document.querySelector<HTMLElement>('[data-testid="sim-clock"]')!.dataset.seconds);
    return read;
  });
}
