// The forecast service answers a worked example with the wait computed by hand, not only as
// forecastWait does: a center whose every future is the same (fixed times, one caller ahead).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MultiLineScenario, MultiLineSnapshot } from '../../src';
import { closeGracefully, createForecastServer } from '../../src/node';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createForecastServer({ log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => closeGracefully(server, 1000));

it('POST /forecast: a caller behind one who takes the backup route at 20 s for 200 s is answered at 220 s', async () => {
  // B's calls go to `shared` at once (400 s) and to `backup` after 120 s on hold (200 s there).
  // shared's agent is free at 300; backup's is idle. The caller ahead (100 s on hold) reaches
  // backup at 20 s and ends at 220, when the new caller takes that agent.
  const scenario: MultiLineScenario = {
    durationSeconds: 8 * 3600,
    lines: [{ name: 'B', arrivals: { perHour: 0 }, handleTime: { type: 'fixed', seconds: 400 }, routing: [{ group: 'shared' }, { group: 'backup', afterSeconds: 120, handleTime: { type: 'fixed', seconds: 200 } }] }],
    groups: [{ name: 'shared', agents: 1 }, { name: 'backup', agents: 1 }],
  };
  const snapshot: MultiLineSnapshot = {
    lines: { B: { hold: [{ waitedSeconds: 100 }] } },
    groups: { shared: { agents: 1, busy: [{ elapsedSeconds: 100, line: 'B' }] }, backup: { agents: 1 } },
  };
  const response = await fetch(`${base}/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario, snapshot, line: 'B' }) });
  expect(response.status).toBe(200);
  const { lines } = (await response.json()) as { lines: { B: { meanSeconds: number; p50Seconds: number; announceSeconds: number } } };
  expect(lines.B.meanSeconds).toBeCloseTo(220, 9);
  expect(lines.B.p50Seconds).toBeCloseTo(220, 9);
  // The median rounded up to a whole minute.
  expect(lines.B.announceSeconds).toBe(240);
});
