// The forecast service on a multi-line center, in process: per-line answers, every problem's
// path, a scenario fixed at start, and /metrics read by a strict exposition parser.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastWait, type WaitForecast } from '../../src';
import { closeGracefully, createForecastServer, type LogEntry } from '../../src/node';
import { parsePrometheusText, sampleValue } from '../support/prometheusText';
import { twoLines, twoLinesBusy } from '../support/twoLines';

const servers: Server[] = [];
const logged: LogEntry[] = [];

async function start(options: Parameters<typeof createForecastServer>[0]): Promise<string> {
  const server = createForecastServer({ ...options, log: (entry) => logged.push(entry) });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(base: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

let open: string;
let fixed: string;
// Deadlines long enough that every forecast runs the futures it asks for, as forecastWait does.
const unhurried = { deadlineMilliseconds: 60_000, forecastMilliseconds: 60_000 };
beforeAll(async () => {
  open = await start(unhurried);
  fixed = await start({ scenario: twoLines, ...unhurried });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => closeGracefully(server, 1000)));
});

describe('POST /forecast on a multi-line center', () => {
  it('answers every line, or the one asked, each as forecastWait does', async () => {
    const snapshot = twoLinesBusy(5);
    const all = await post(open, { scenario: twoLines, snapshot, replications: 400, seed: 2 });
    expect(all.status).toBe(200);
    expect(Object.keys(all.json.lines)).toEqual(['A', 'B']);
    for (const line of ['A', 'B']) {
      expect(all.json.lines[line]).toEqual(forecastWait(twoLines, snapshot, { line, replications: 400, seed: 2 }));
    }
    // A has priority: its caller waits for the 5 of A ahead only; B's for A's and B's.
    const { A, B } = all.json.lines as { A: WaitForecast; B: WaitForecast };
    expect(A.meanSeconds).toBeLessThan(B.meanSeconds);
    const one = await post(open, { scenario: twoLines, snapshot, line: 'B', replications: 400, seed: 2 });
    expect(one).toEqual({ status: 200, json: { lines: { B } } });
  });

  it('lists every problem with its path: the scenario, the snapshot and the body at once', async () => {
    const scenario = structuredClone(twoLines) as any;
    scenario.lines[1].handleTime.meanSeconds = -5;
    scenario.lines[1].routing[1].group = 'nobody';
    const snapshot = twoLinesBusy(3) as any;
    snapshot.lines.B.hold[2].waitedSeconds = -1;
    snapshot.groups.shared.agents = 'many';
    const { status, json } = await post(open, { scenario, snapshot, line: 7, colour: 'blue' });
    expect(status).toBe(400);
    expect(json.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'colour',
      'line',
      // backup is no longer routed to by any line: said where the group is.
      'scenario.groups[1].name',
      'scenario.lines[1].handleTime.meanSeconds',
      'scenario.lines[1].routing[1].group',
      'snapshot.groups.shared.agents',
      'snapshot.lines.B.hold[2].waitedSeconds',
    ]);
    expect(json.problems.find((p: { path: string }) => p.path === 'snapshot.lines.B.hold[2].waitedSeconds')).toEqual({
      path: 'snapshot.lines.B.hold[2].waitedSeconds', expected: 'a number >= 0', received: -1,
    });
  });

  it('names unknown lines and groups, and a snapshot of the wrong form', async () => {
    const snapshot = twoLinesBusy(1) as any;
    snapshot.lines.C = { hold: [] };
    snapshot.groups.night = { agents: 3 };
    delete snapshot.groups.backup;
    const { status, json } = await post(open, { scenario: twoLines, snapshot, line: 'D' });
    expect(status).toBe(400);
    expect(json.problems.map((p: { path: string }) => p.path)).toEqual(['line', 'snapshot.lines.C', 'snapshot.groups.night', 'snapshot.groups.backup']);
    const single = await post(open, { scenario: twoLines, snapshot: { agents: 1, busy: [], hold: [], callbacks: [] } });
    expect(single.json.problems).toEqual([expect.objectContaining({ path: 'snapshot', expected: expect.stringMatching(/multi-line form/) })]);
  });
});

describe('a scenario fixed at start', () => {
  it('takes requests that carry only a snapshot, and refuses one that carries a scenario', async () => {
    const snapshot = twoLinesBusy(2);
    const { status, json } = await post(fixed, { snapshot, line: 'A', replications: 300, seed: 4 });
    expect(status).toBe(200);
    expect(json.lines.A).toEqual(forecastWait(twoLines, snapshot, { line: 'A', replications: 300, seed: 4 }));
    const refused = await post(fixed, { scenario: twoLines, snapshot });
    expect(refused.status).toBe(400);
    expect(refused.json.problems).toEqual([expect.objectContaining({ path: 'scenario', expected: expect.stringMatching(/^no scenario: this service forecasts for the scenario it was started with/) })]);
    const health = await (await fetch(`${fixed}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', scenario: 'two lines', lines: ['A', 'B'] });
  });

  it('bounds the work of each forecast of a request that asks every line of a large center', async () => {
    const base = await start({ scenario: twoLines, maxEvents: 100_000, ...unhurried });
    const { status, json } = await post(base, { snapshot: twoLinesBusy(400), replications: 5000 });
    expect(status).toBe(200);
    for (const line of ['A', 'B']) {
      expect(json.lines[line].events).toBeLessThanOrEqual(100_000);
      expect(json.lines[line].futures).toBeLessThan(5000);
    }
  });
});

describe('GET /metrics', () => {
  it('counts requests, errors and forecasts in the Prometheus text format', async () => {
    const base = await start({ scenario: twoLines, ...unhurried });
    await post(base, { snapshot: twoLinesBusy(1), replications: 100 }); // 200, two forecasts
    await post(base, { snapshot: twoLinesBusy(1), line: 'B', replications: 100 }); // 200, one
    await post(base, { snapshot: { lines: {}, groups: {} } }); // 400
    await fetch(`${base}/nowhere/${'x'.repeat(50)}`); // 404, counted as "other"
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const { samples, types } = parsePrometheusText(await response.text());
    expect(Object.fromEntries(types)).toEqual({
      queuecast_http_requests_total: 'counter',
      queuecast_http_errors_total: 'counter',
      queuecast_forecast_duration_seconds: 'histogram',
      queuecast_forecast_futures_total: 'counter',
      queuecast_queue_depth: 'gauge',
      queuecast_shed_requests_total: 'counter',
      queuecast_cancelled_requests_total: 'counter',
    });
    expect(sampleValue(samples, 'queuecast_http_requests_total', { route: '/forecast', method: 'POST', status: '200' })).toBe(2);
    expect(sampleValue(samples, 'queuecast_http_requests_total', { route: '/forecast', status: '400' })).toBe(1);
    expect(sampleValue(samples, 'queuecast_http_requests_total', { route: 'other', status: '404' })).toBe(1);
    expect(sampleValue(samples, 'queuecast_http_errors_total', { route: '/forecast', kind: 'client' })).toBe(1);
    expect(sampleValue(samples, 'queuecast_http_errors_total', { route: 'other', kind: 'client' })).toBe(1);
    expect(sampleValue(samples, 'queuecast_forecast_duration_seconds_count')).toBe(3);
    expect(sampleValue(samples, 'queuecast_forecast_duration_seconds_sum')).toBeGreaterThan(0);
    // Three forecasts of 100 futures each; nothing waiting, shed or cancelled.
    expect(sampleValue(samples, 'queuecast_forecast_futures_total')).toBe(300);
    expect(sampleValue(samples, 'queuecast_queue_depth')).toBe(0);
    expect(sampleValue(samples, 'queuecast_cancelled_requests_total')).toBe(0);
    // The scrape itself is counted once answered: the next scrape sees it.
    const again = parsePrometheusText(await (await fetch(`${base}/metrics`)).text());
    expect(sampleValue(again.samples, 'queuecast_http_requests_total', { route: '/metrics', method: 'GET', status: '200' })).toBe(1);
  });

  it('logs each request as one JSON-able entry', () => {
    const entries = logged.filter((e) => e.msg === 'request');
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: 'info', method: expect.any(String), path: expect.any(String), status: expect.any(Number), milliseconds: expect.any(Number) });
      expect(JSON.parse(JSON.stringify(entry))).toEqual(entry);
    }
  });
});
